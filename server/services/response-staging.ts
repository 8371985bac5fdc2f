// Where an import's valid rows go and how they land, inside the import's transaction. Two
// ways in, one rule (insert the new responses, a response id already stored is a duplicate,
// skipped; the daily rollup grows by exactly what was inserted):
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
import { PG_UNIQUE_VIOLATION, pgErrorCode } from "./errors";

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
/**
 * Rows parsed between two turns of the event loop (see add): each step of storing a chunk
 * (COPY start, data, end, the insert) waits for one, so Postgres idles while they are far
 * apart (every 500 rows: a million-row import 14.5 s; every 100: 13.7 s, measured).
 */
const YIELD_EVERY_ROWS = 100;
/** Lines encoded into the chunk's buffer at once. */
const WRITE_EVERY_ROWS = 50;

const RESPONSE_COLUMNS = "id, external_id, touchpoint_id, submitted_at, csat, nps, ces, comment, channel, segment";
/**
 * Every valid row of the file, one partition per chunk: a chunk is inserted from its own
 * partition, and the rollup and the repeated-id check read them all at the end. The rows are
 * written once, by COPY (a copy of each inserted row kept for the rollup, and of each id and
 * line for the check, cost 2.4 s of a million-row import, measured).
 */
const STAGING_TABLES = [
  `create temporary table import_rows (
    chunk integer not null, id uuid not null, line integer not null, external_id text not null, touchpoint_id uuid not null,
    submitted_ms bigint not null, csat smallint, nps smallint, ces smallint, comment text, channel text, segment text not null
  ) partition by list (chunk) on commit drop`,
  // The staged rows that were not inserted (stored already, or repeated in the file): rarely any.
  `create temporary table import_skipped (id uuid not null) on commit drop`,
];
const CHUNK_COLUMNS = ["id", "line", "external_id", "touchpoint_id", "submitted_ms", "csat", "nps", "ces", "comment", "channel", "segment"];
/**
 * The one conversion of a staged time (epoch milliseconds: cheaper to COPY than timestamptz
 * text, measured). Whole seconds and the milliseconds apart, in integers: exact for any year
 * (ms / 1000.0 went through a float, a millisecond off near the year 9999), and a third of the cost.
 */
const SUBMITTED_AT = "(to_timestamp(submitted_ms / 1000) + (submitted_ms % 1000) * interval '1 millisecond')";

/** The chunked COPY path, for files and large API bodies. */
export async function openChunkedStaging(tx: Tx, target: StagingTarget): Promise<ResponseSink> {
  for (const table of STAGING_TABLES) await tx.execute(sql.raw(table));
  // The chunk's COPY text, encoded as it is written: lines die young (cheap to collect) and
  // the chunk lives outside the JS heap. Twice the size it needs, or more when comments are long.
  let buffer: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  let rows = 0;
  let added = 0;
  let chunks = 0;
  let inserted = 0;
  let storing = true;
  // The chunk being stored while the next is parsed; a failure surfaces at the next add or finish.
  let inFlight: Promise<void> = Promise.resolve();

  // Whether the last chunk had rows that were not inserted: a file uploaded again is duplicates
  // from its first chunk to its last, and each chunk then goes the careful way at once.
  let skipsSeen = false;
  const store = async (chunk: Uint8Array, chunkRows: number, insert: boolean) => {
    const partition = `import_rows_${chunks}`;
    await tx.execute(sql.raw(`create temporary table ${partition} partition of import_rows (chunk default ${chunks}) for values in (${chunks})`));
    chunks++;
    const copy = await copyInto(tx, partition, CHUNK_COLUMNS);
    await copy.write(chunk);
    await copy.end();
    if (!insert) return;
    const whole = skipsSeen ? null : await insertWhole(tx, target, partition, chunkRows);
    const stored = whole ?? (await insertCarefully(tx, target, partition, chunkRows));
    inserted += stored;
    skipsSeen = stored < chunkRows;
  };
  // Lines wait in a string and are encoded into the buffer a few dozen at a time (one call per line cost 5% of an import).
  let pending = "";
  const writePending = () => {
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
    if (used + pending.length * 3 > buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, used + pending.length * 3));
      buffer.copy(grown, 0, 0, used);
      buffer = grown;
    }
    used += buffer.write(pending, used);
    pending = "";
  };
  // Two buffers take turns (one filling, one being stored): a new one per chunk would leave
  // dead megabytes for the garbage collector, and the process would grow with the file.
  let spare: Buffer | null = null;
  const flush = async () => {
    writePending();
    if (rows === 0) return;
    await inFlight;
    const chunk = buffer.subarray(0, used);
    const chunkRows = rows;
    [buffer, spare] = [spare ?? Buffer.allocUnsafe(CHUNK_BYTES), buffer];
    used = 0;
    rows = 0;
    inFlight = store(chunk, chunkRows, storing);
    // Handled here so a failure is not "unhandled" before the next await picks it up.
    inFlight.catch(() => {});
  };

  return {
    add(line, row) {
      pending += stagingLine(line, row);
      added++;
      if (++rows % WRITE_EVERY_ROWS === 0) writePending();
      if (rows >= CHUNK_ROWS) return flush();
      // Parsing runs on promises alone, which never let the event loop reach the socket: the
      // chunk in flight would reach Postgres only when the file is read again (a 20,000-row
      // COPY took 500 ms instead of 100, measured). A pause now and then lets it through.
      return rows % YIELD_EVERY_ROWS === 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined;
    },
    stopStoring() {
      storing = false;
    },
    async finish() {
      await flush();
      await inFlight;
      if (!storing) return { repeated: await repeatedIds(tx), inserted: 0 };
      // The zone is read (and share-locked, daily-rollup.ts) only now: a time zone change waits
      // for the rollup's few statements, not for the whole file.
      const timeZone = await lockOrgTimeZone(tx, target.orgId);
      if (inserted > 0) await tx.execute(sql`with ${insertedRowsCte(target, inserted < added)}, ${rollUpCtes({ orgId: target.orgId, timeZone, source: "inserted" })} select 1`);
      // Every valid row inserted: no response id can have come twice, so there is nothing to look for.
      return { repeated: inserted < added ? await repeatedIds(tx) : [], inserted };
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
  const staged: DirectRow[] = [];
  const firstLines = new Map<string, number>();
  const repeated: RepeatedId[] = [];
  let storing = true;
  return {
    add(line, row) {
      const firstLine = firstLines.get(row.externalId);
      if (firstLine !== undefined) repeated.push({ externalId: row.externalId, line, firstLine });
      else {
        firstLines.set(row.externalId, line);
        if (storing) staged.push({ ...row, id: newResponseId(), importId: target.importId });
      }
      return undefined;
    },
    stopStoring() {
      storing = false;
    },
    async finish() {
      if (!storing || staged.length === 0) return { repeated, inserted: 0 };
      const inserted = await storeDirectRows(tx, target, staged);
      return { repeated, inserted: inserted.get(target.importId) ?? 0 };
    },
    async abandon() {},
  };
}

/** A row for storeDirectRows: its new id, and the import it belongs to. */
export type DirectRow = ResponseRow & { id: string; importId: string };

/**
 * The light path's one statement: `rows` inserted in their order (a response id already stored,
 * or earlier in `rows`, is skipped), the rollup grown by those inserted; how many each import
 * inserted. Several imports (live-feed requests written together) may share the statement.
 */
export async function storeDirectRows(tx: Tx, target: Omit<StagingTarget, "importId"> & { timeZone: string }, rows: readonly DirectRow[]): Promise<Map<string, number>> {
  const json = JSON.stringify(rows.map((r) => ({ ...r, external_id: r.externalId, touchpoint_id: r.touchpointId, submitted_at: r.submittedAt, import_id: r.importId })));
  const source = sql`jsonb_to_recordset(${json}::jsonb) as r(id uuid, import_id uuid, external_id text, touchpoint_id uuid, submitted_at timestamptz, csat smallint, nps smallint, ces smallint, comment text, channel text, segment jsonb)`;
  const counts = await queryRows<{ import_id: string; inserted: number }>(
    tx,
    sql`with inserted as (${insertResponses(source, { ...target, importId: null, whenStored: "skip", returning: "touchpoint_id, survey_id, submitted_at, csat, nps, ces, comment, segment, import_id" })}), ${rollUpCtes({ orgId: target.orgId, timeZone: target.timeZone, source: "inserted" })} select import_id, count(*)::int as inserted from inserted group by import_id`,
  );
  return new Map(counts.map((c) => [c.import_id, Number(c.inserted)]));
}

const RANDOM_POOL_BYTES = 16 * 1024;
/** Hex digit → the variant digit (10xx in binary: 8, 9, a or b) its low bits pick. */
const VARIANT: Record<string, string> = Object.fromEntries([..."0123456789abcdef"].map((d) => [d, "89ab"[parseInt(d, 16) & 3]!]));
let randomHex = "";
let poolAt = 0;
let prefixMs = -1;
let prefix = "";

/**
 * A uuid v7 (RFC 9562: the millisecond, then random bits) for a new response. uuid's v7()
 * asks the system for randomness on every call — 10% of an import's CPU, measured — so the
 * random digits come from a pool filled 16 KB at a time and hex-encoded at once, and the
 * millisecond's digits are written once per millisecond.
 */
export function newResponseId(): string {
  if (poolAt + 19 > randomHex.length) {
    randomHex = randomFillSync(Buffer.allocUnsafe(RANDOM_POOL_BYTES)).toString("hex");
    poolAt = 0;
  }
  const now = Date.now();
  if (now !== prefixMs) {
    const time = now.toString(16).padStart(12, "0");
    prefix = `${time.slice(0, 8)}-${time.slice(8)}-7`;
    prefixMs = now;
  }
  const r = randomHex;
  const i = poolAt;
  poolAt += 19;
  // Version 7 in the 13th digit (in the prefix), variant 10 in the 17th's top bits.
  return `${prefix}${r.slice(i, i + 3)}-${VARIANT[r[i + 3]!]}${r.slice(i + 4, i + 7)}-${r.slice(i + 7, i + 19)}`;
}

/**
 * A chunk with no response id stored yet, the usual case, goes in by a plain INSERT: the unique
 * index's check alone, without ON CONFLICT's second look and confirmation per row (2.1 s of a
 * million-row import, measured). An id stored already (by an earlier import, a concurrent one,
 * or earlier in this file) fails it; the chunk is undone, and null sends it the careful way.
 */
async function insertWhole(tx: Tx, target: StagingTarget, partition: string, chunkRows: number): Promise<number | null> {
  try {
    // A nested transaction is a savepoint, undone (and the error rethrown) when the insert fails.
    await tx.transaction((savepoint) => savepoint.execute(insertResponses(stagedRows(partition, { orgId: target.orgId, skipStored: false }), { ...target, whenStored: "fail" })));
    return chunkRows;
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) return null;
    throw error;
  }
}

/**
 * A chunk that may hold stored ids: those are left out before they are converted (an anti-join
 * on the unique index), the rest go in with ON CONFLICT DO NOTHING (the index still decides,
 * for a concurrent import), and the rows not inserted are noted for the rollup and the
 * repeated-id check. How many were inserted.
 */
async function insertCarefully(tx: Tx, target: StagingTarget, partition: string, chunkRows: number): Promise<number> {
  const [row] = await queryRows<{ skipped: number }>(tx, sql`
    with inserted as (${insertResponses(stagedRows(partition, { orgId: target.orgId, skipStored: true }), { ...target, whenStored: "skip", returning: "id" })}),
    skipped as (
      insert into import_skipped select c.id from ${sql.raw(partition)} c where not exists (select 1 from inserted i where i.id = c.id)
      returning 1
    )
    select count(*)::int as skipped from skipped`);
  return chunkRows - Number(row?.skipped ?? 0);
}

/**
 * A chunk's staged rows as insertResponses reads them. With skipStored, responses already
 * stored are left out before they are converted and checked against the table's constraints.
 */
function stagedRows(table: string, p: { orgId: string; skipStored: boolean }): SQL {
  const notStored = p.skipStored
    ? sql`where not exists (select 1 from survey_responses r where r.organization_id = ${p.orgId}::uuid and r.external_id = c.external_id)`
    : sql``;
  return sql`(select id, line, external_id, touchpoint_id, ${sql.raw(SUBMITTED_AT)} as submitted_at, csat, nps, ces, comment, channel, segment::jsonb as segment from ${sql.raw(table)} c ${notStored}) c`;
}

/**
 * The `inserted` CTE the rollup reads: every staged row, less the few noted as not inserted.
 * The segment stays JSON text, which groups cheaper than jsonb (the rollup splits it per cell).
 */
function insertedRowsCte(target: StagingTarget, someSkipped: boolean): SQL {
  const notSkipped = someSkipped ? sql`where not exists (select 1 from import_skipped s where s.id = c.id)` : sql``;
  return sql`inserted as (
    select touchpoint_id, ${target.surveyId}::uuid as survey_id, ${sql.raw(SUBMITTED_AT)} as submitted_at, csat, nps, ces, comment, segment
    from import_rows c ${notSkipped}
  )`;
}

function stagingLine(line: number, row: ResponseRow): string {
  return `${newResponseId()}\t${line}\t${copyField(row.externalId)}\t${row.touchpointId}\t${row.submittedAt.getTime()}\t${copyField(row.csat)}\t${copyField(row.nps)}\t${copyField(row.ces)}\t${copyField(row.comment)}\t${copyField(row.channel)}\t${copyField(JSON.stringify(row.segment))}\n`;
}

async function repeatedIds(tx: Tx): Promise<RepeatedId[]> {
  const rows = await queryRows<{ external_id: string; line: number; first_line: number }>(tx, sql`
    select s.external_id, s.line, f.first_line
    from import_rows s
    join (select external_id, min(line) as first_line from import_rows group by external_id having count(*) > 1) f using (external_id)
    where s.line > f.first_line
    order by s.line`);
  return rows.map((r) => ({ externalId: r.external_id, line: Number(r.line), firstLine: Number(r.first_line) }));
}

/**
 * New responses in, in the source's order (file order: concurrent imports of one file take
 * the unique index's locks in the same order, so they never deadlock). A response id already
 * stored — by an earlier import, or earlier in this one — is skipped, or fails the statement.
 */
function insertResponses(source: SQL, p: Omit<StagingTarget, "importId"> & { importId: string | null; whenStored: "skip" | "fail"; returning?: string }): SQL {
  // importId null: each source row names its import (import_id).
  const importId = p.importId === null ? sql`import_id` : sql`${p.importId}::uuid`;
  return sql`
    insert into survey_responses (organization_id, survey_id, import_id, ${sql.raw(RESPONSE_COLUMNS)})
    select ${p.orgId}::uuid, ${p.surveyId}::uuid, ${importId}, id, external_id, touchpoint_id, submitted_at, csat, nps, ces, comment, channel::touchpoint_channel, segment
    from ${source}
    ${p.whenStored === "skip" ? sql`on conflict (organization_id, external_id) do nothing` : sql``}
    ${p.returning ? sql.raw(`returning ${p.returning}`) : sql``}`;
}
