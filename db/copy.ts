// COPY … FROM STDIN into a table inside an open transaction: the fastest way Postgres takes
// rows, an order of magnitude past batched INSERTs. postgres.js streams it (with
// backpressure, so memory stays flat); PGlite has no stdin, so rows go in blobs of a few MB
// through its /dev/blob device. Callers write lines in COPY's text format (copyField).
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import type { Tx } from "./client";

export interface CopyIn {
  /** One or more complete lines ("a\tb\n"), as text or UTF-8 bytes. */
  write(lines: string | Uint8Array): Promise<void>;
  /** Sends what is left; the rows are in the table when it resolves. */
  end(): Promise<void>;
}

/** The raw client under a drizzle transaction: postgres.js's TransactionSql or PGlite's Transaction. */
function rawClient(tx: Tx): unknown {
  return (tx as unknown as { session: { client: unknown } }).session.client;
}

interface PostgresJsClient {
  unsafe(query: string): { writable(): Promise<Writable> };
}
interface PgliteClient {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

const PGLITE_BLOB_CHARS = 4 * 1024 * 1024;
const STREAM_CHUNK_CHARS = 64 * 1024;

export async function copyInto(tx: Tx, table: string, columns: readonly string[]): Promise<CopyIn> {
  const target = `${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")})`;
  const client = rawClient(tx);
  let pending = "";

  if (typeof (client as PostgresJsClient).unsafe === "function") {
    const stream = await (client as PostgresJsClient).unsafe(`COPY ${target} FROM STDIN`).writable();
    const flush = async () => {
      if (!pending) return;
      const chunk = pending;
      pending = "";
      if (!stream.write(chunk)) await once(stream, "drain");
    };
    return {
      async write(lines) {
        if (typeof lines !== "string") {
          await flush();
          if (!stream.write(lines)) await once(stream, "drain");
          return;
        }
        pending += lines;
        if (pending.length >= STREAM_CHUNK_CHARS) await flush();
      },
      async end() {
        await flush();
        stream.end();
        await finished(stream);
      },
    };
  }

  const pglite = client as PgliteClient;
  const flush = async () => {
    if (!pending) return;
    const blob = new Blob([pending]);
    pending = "";
    await pglite.query(`COPY ${target} FROM '/dev/blob'`, [], { blob });
  };
  return {
    async write(lines) {
      if (typeof lines !== "string") {
        await flush();
        await pglite.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([lines as Uint8Array<ArrayBuffer>]) });
        return;
      }
      pending += lines;
      if (pending.length >= PGLITE_BLOB_CHARS) await flush();
    },
    end: flush,
  };
}

/** A value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
export function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
