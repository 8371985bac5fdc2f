// Where an import's valid rows go and how they land, inside the import's transaction. Two
// ways in, one statement shape (insert the new responses, a response id already stored is a
// duplicate, skipped; the daily rollup grows by exactly what was inserted):
// - a file (or a large API body) goes in chunks: each chunk is COPYed into a temporary table
//   and inserted while the caller parses the next one (Postgres and Node work at once, and at
//   most two chunks are held, so memory stays flat); the rollup is grown once at the end;
// - a handful of responses (the live feed) go in one statement from a JSON parameter: no
//   temporary table, no COPY.
import { randomFillSync } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/client";
import { copyField, copyInto } from "@/db/copy";
import type { ResponseRow } from "../ingest/response-rows";
import { lockOrgTimeZone, rollUpCtes } from "./daily-rollup";

/** A response id the file repeats: the first row stands, this one is an error. */
export interface RepeatedId {
  externalId: string;
  line: number;
  firstLine: number;
}

export interface StagingTarget {
  orgId: string;
  surveyId: string;
  importId: string;
}

export interface ResponseSink {
  /** A valid row; a promise when the caller must wait for room before the next one (most rows: none). */
  add(line: number, row: ResponseRow): Promise<void> | undefined;
  /** The import will be rejected: rows from now on are checked for repeated ids but not stored. */
  stopStoring(): void;
  /** Stores what is left and grows the rollup; the file's repeated ids (not inserted) and the number inserted. */
  finish(): Promise<{ repeated: RepeatedId[]; inserted: number }>;
  /** Lets the statement in flight end (its error is the caller's error's consequence): the transaction is about to roll back. */
  abandon(): Promise<void>;
}

/** Rows per COPY chunk: ~2 MB of COPY text, enough that per-statement costs vanish. */
const CHUNK_ROWS = 20_000;
const CHUNK_BYTES = 4 * 1024 * 1024;

const RESPONSE_COLUMNS = "id, external_id, touchpoint_id, submitted_at, csat, nps, ces, comment, channel, segment";
const STAGING_TABLES = [
  `create temporary table import_chunk (
    id uuid not null, line integer not null, external_id text not null, touchpoint_id uuid not null,
    submitted_at timestamptz not null, csat smallint, nps smallint, ces smallint, comment text,
    channel text, segment jsonb not null
  ) on commit drop`,
  // Every valid row's id and line, for the repeated-id check at the end.
  `create temporary table import_lines (external_id text not null, line integer not null) on commit drop`,
  // The rows this import inserted, rolled up once at the end.
  `create temporary table import_new (touchpoint_id uuid not null, survey_id uuid not null, submitted_at timestamptz not null, csat smallint, nps smallint, ces smallint, comment text, segment jsonb not null) on commit drop`,
];
const CHUNK_COLUMNS = ["id", "line", "external_id", "touchpoint_id", "submitted_at", "csat", "nps", "ces", "comment", "channel", "segment"];

/** The chunked COPY path, for files and large API bodies. */
export async function openChunkedStaging(tx: Tx, target: StagingTarget): Promise<ResponseSink> {
  for (const table of STAGING_TABLES) await tx.execute(sql.raw(table));
  // The chunk's COPY text, encoded as it is written: lines die young (cheap to collect) and
  // the chunk lives outside the JS heap. Twice the size it needs, or more when comments are long.
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  let rows = 0;
  let storing = true;
  // The chunk being stored while the next is parsed; a failure surfaces at the next add or finish.
  let inFlight: Promise<void> = Promise.resolve();

  const store = async (chunk: Uint8Array, insert: boolean) => {
    const copy = await copyInto(tx, "import_chunk", CHUNK_COLUMNS);
    await copy.write(chunk);
    await copy.end();
    const keepLines = sql`insert into import_lines select external_id, line from import_chunk`;
    // A data-modifying WITH runs to completion whether or not anything reads it.
    await tx.execute(insert ? sql`with lines as (${keepLines}), inserted as (${insertResponses(sql`import_chunk`, target)}) insert into import_new select * from inserted` : keepLines);
    await tx.execute(sql`truncate import_chunk`);
  };
  const flush = async () => {
    if (rows === 0) return;
    const chunk = buffer.subarray(0, used);
    buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    used = 0;
    rows = 0;
    await inFlight;
    inFlight = store(chunk, storing);
    // Handled here so a failure is not "unhandled" before the next await picks it up.
    inFlight.catch(() => {});
  };

  return {
    add(line, row) {
      const text = stagingLine(line, row);
      // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
      if (used + text.length * 3 > buffer.length) {
        const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, used + text.length * 3));
        buffer.copy(grown, 0, 0, used);
        buffer = grown;
      }
      used += buffer.write(text, used);
      return ++rows >= CHUNK_ROWS ? flush() : undefined;
    },
    stopStoring() {
      storing = false;
    },
    async finish() {
      await flush();
      await inFlight;
      const repeated = await repeatedIds(tx);
      if (!storing) return { repeated, inserted: 0 };
      // The zone is read (and share-locked, daily-rollup.ts) only now: a time zone change waits
      // for the rollup's few statements, not for the whole file.
      const timeZone = await lockOrgTimeZone(tx, target.orgId);
      const [row] = await queryRows<{ inserted: number }>(tx, sql`with ${rollUpCtes({ orgId: target.orgId, timeZone, source: "import_new" })} select count(*)::int as inserted from import_new`);
      return { repeated, inserted: Number(row?.inserted ?? 0) };
    },
    async abandon() {
      await inFlight.catch(() => {});
    },
  };
}

/** Up to this many responses go in one statement, without a staging table. */
export const DIRECT_MAX_ROWS = 1_000;

/**
 * The light path, for a handful of responses: one statement (insert, rollup) from a JSON parameter.
 * `timeZone` is the organization's, read by the caller with daily-rollup.ts lockOrgTimeZone in this
 * transaction (sent with its other reads, so the lock costs no round trip of its own).
 */
export function openDirectStaging(tx: Tx, target: StagingTarget & { timeZone: string }): ResponseSink {
  const staged: (ResponseRow & { id: string; line: number })[] = [];
  const firstLines = new Map<string, number>();
  const repeated: RepeatedId[] = [];
  let storing = true;
  return {
    add(line, row) {
      const firstLine = firstLines.get(row.externalId);
      if (firstLine !== undefined) repeated.push({ externalId: row.externalId, line, firstLine });
      else {
        firstLines.set(row.externalId, line);
        if (storing) staged.push({ ...row, id: newResponseId(), line });
      }
      return undefined;
    },
    stopStoring() {
      storing = false;
    },
    async finish() {
      if (!storing || staged.length === 0) return { repeated, inserted: 0 };
      const json = JSON.stringify(staged.map((r) => ({ ...r, external_id: r.externalId, touchpoint_id: r.touchpointId, submitted_at: r.submittedAt })));
      const source = sql`jsonb_to_recordset(${json}::jsonb) as r(id uuid, external_id text, touchpoint_id uuid, submitted_at timestamptz, csat smallint, nps smallint, ces smallint, comment text, channel text, segment jsonb)`;
      const [row] = await queryRows<{ inserted: number }>(tx, sql`with inserted as (${insertResponses(source, target)}), ${rollUpCtes({ orgId: target.orgId, timeZone: target.timeZone, source: "inserted" })} select count(*)::int as inserted from inserted`);
      return { repeated, inserted: Number(row?.inserted ?? 0) };
    },
    async abandon() {},
  };
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const RANDOM_POOL_BYTES = 16 * 1024;
let randomPool = Buffer.alloc(0);
let poolAt = 0;

/**
 * A uuid v7 (RFC 9562: the millisecond, then random bits) for a new response. uuid's v7()
 * asks the system for randomness on every call — 10% of an import's CPU, measured — so the
 * random bits come from a pool filled 16 KB at a time.
 */
export function newResponseId(): string {
  if (poolAt + 10 > randomPool.length) {
    randomPool = randomFillSync(Buffer.allocUnsafe(RANDOM_POOL_BYTES));
    poolAt = 0;
  }
  const r = randomPool;
  const i = poolAt;
  poolAt += 10;
  const time = Date.now().toString(16).padStart(12, "0");
  // Version 7 in the 13th digit, variant 10 in the 17th's top bits.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${HEX[r[i]!]!.slice(1)}${HEX[r[i + 1]!]}-${HEX[(r[i + 2]! & 0x3f) | 0x80]}${HEX[r[i + 3]!]}-${HEX[r[i + 4]!]}${HEX[r[i + 5]!]}${HEX[r[i + 6]!]}${HEX[r[i + 7]!]}${HEX[r[i + 8]!]}${HEX[r[i + 9]!]}`;
}

function stagingLine(line: number, row: ResponseRow): string {
  return `${newResponseId()}\t${line}\t${copyField(row.externalId)}\t${row.touchpointId}\t${row.submittedAt.toISOString()}\t${copyField(row.csat)}\t${copyField(row.nps)}\t${copyField(row.ces)}\t${copyField(row.comment)}\t${copyField(row.channel)}\t${copyField(JSON.stringify(row.segment))}\n`;
}

async function repeatedIds(tx: Tx): Promise<RepeatedId[]> {
  const rows = await queryRows<{ external_id: string; line: number; first_line: number }>(tx, sql`
    select s.external_id, s.line, f.first_line
    from import_lines s
    join (select external_id, min(line) as first_line from import_lines group by external_id having count(*) > 1) f using (external_id)
    where s.line > f.first_line
    order by s.line`);
  return rows.map((r) => ({ externalId: r.external_id, line: Number(r.line), firstLine: Number(r.first_line) }));
}

/**
 * New responses in, in the source's order (file order: concurrent imports of one file take
 * the unique index's locks in the same order, so they never deadlock); a response id already
 * stored — by an earlier import, or earlier in this one — is skipped.
 */
function insertResponses(source: SQL, p: StagingTarget): SQL {
  return sql`
    insert into survey_responses (organization_id, survey_id, import_id, ${sql.raw(RESPONSE_COLUMNS)})
    select ${p.orgId}::uuid, ${p.surveyId}::uuid, ${p.importId}::uuid, id, external_id, touchpoint_id, submitted_at, csat, nps, ces, comment, channel::touchpoint_channel, segment
    from ${source}
    on conflict (organization_id, external_id) do nothing
    returning touchpoint_id, survey_id, submitted_at, csat, nps, ces, comment, segment`;
}
