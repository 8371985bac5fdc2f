// Importing survey responses from an export file (browser upload, the API's CSV body, the
// operator CLI — one code path) or from the API's JSON and NDJSON bodies. Rows stream through
// parse → validate → staging (response-staging.ts: COPY in chunks while the next is parsed, or
// one statement for a handful of API responses), which inserts the new responses (a response
// id already stored is a duplicate, skipped) and grows the daily rollup by them, in the same
// transaction as the import's record and its audit event. Either every valid row lands or none does.
import { and, eq, lt, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { Db, Tx } from "@/db/client";
import { imports, surveys, touchpoints, type ImportRowError } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { proposeMapping, type MappingProposal } from "../ingest/mapping-proposal";
import type { CsvRecord } from "../ingest/csv-records";
import { openExport, prepend } from "../ingest/open-export";
import { compileResponseReader } from "../ingest/api-responses";
import { compileRowReader, type ResponseRow, type RowResult } from "../ingest/response-rows";
import type { TouchpointRef } from "../ingest/vocabulary";
import { columnMappingSchema, type ColumnMapping } from "../schemas/survey-mapping";
import type { Actor } from "./context";
import { recordAudit } from "./audit";
import { lockOrgTimeZone } from "./daily-rollup";
import { conflict, DomainError, PG_UNIQUE_VIOLATION, pgErrorCode } from "./errors";
import { inOrgLoader } from "./load-in-org";
import { DIRECT_MAX_ROWS, openChunkedStaging, openDirectStaging, type RepeatedId, type ResponseSink } from "./response-staging";

/** Rows read before proposing a mapping. */
const SAMPLE_ROWS = 200;
/** Row problems kept on the import (the count covers them all). */
export const MAX_STORED_ERRORS = 1000;
/** How often a running import shows it is alive; one silent for STALE_AFTER_MS was killed. */
const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_MS = 60_000;

export interface ImportRequest {
  surveyId: string;
  fileName: string | null;
  source: "upload" | "api" | "cli";
  /** false (the default): any invalid row rejects the whole file. */
  skipInvalid?: boolean;
  /** The mapping the person confirmed; else the survey's saved one; else the proposal, if complete. */
  mapping?: ColumnMapping;
  /** Save the mapping used on the survey, for the next file. */
  saveMapping?: boolean;
  /** Every row goes to the touchpoint with this key, whatever the mapping says. */
  touchpointKey?: string;
  onProgress?: (progress: { rows: number }) => void;
  /**
   * The API's Idempotency-Key and a hash of the request: a second request with the same key
   * replays the first one's outcome (or is refused if its body differs, or while it runs).
   */
  idempotency?: { key: string; requestHash: string };
  /** Validate the whole file and count what would be inserted, then roll everything back: nothing is stored, not even the import's record. */
  dryRun?: boolean;
}

export interface ImportOutcome<M = ColumnMapping> {
  importId: string;
  status: "succeeded" | "rejected";
  rows: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  errors: ImportRowError[];
  mapping: M;
  durationMs: number;
  /** true: an earlier request with the same Idempotency-Key did the work; this is its outcome. */
  replayed?: boolean;
  /** The first valid rows as they are (or, on a dry run, would be) stored; none in a replayed answer. */
  sample: ResponseRow[];
}

type RunOutcome = Pick<ImportOutcome, "status" | "rows" | "inserted" | "duplicates" | "rejected" | "errors">;

/** Rows kept in ImportOutcome.sample. */
export const OUTCOME_SAMPLE_ROWS = 20;

/**
 * Thrown inside the import's transaction to roll it back, carrying what the run found: a dry
 * run, or a file rejected as a whole (chunks before its first bad row may already be inserted).
 */
class RollbackWith extends Error {
  constructor(readonly outcome: RunOutcome) {
    super("rolled back");
  }
}

const loadSurvey = inOrgLoader(surveys, "Survey");

/** What an import needs to know before reading its first row. */
interface ImportSetting {
  survey: typeof surveys.$inferSelect;
  touchpointRefs: TouchpointRef[];
}

/**
 * Where an import's rows come from — a parsed export file, or the API's structured responses —
 * and how each is read into a response or its problems (a function, not a generator over the
 * records: a generator costs every row a few promises).
 */
interface RowSource<M, R> {
  records: AsyncIterable<R> | Iterable<R>;
  read: (record: R) => { line: number; result: RowResult };
  mapping: M;
}

export async function importResponseFile(
  db: Db,
  ctx: { orgId: string; actor: Actor },
  bytes: AsyncIterable<Uint8Array>,
  request: ImportRequest,
): Promise<ImportOutcome> {
  return runImport(db, ctx, request, async ({ survey, touchpointRefs }) => {
    const opened = await openExport(bytes);
    const sample: CsvRecord[] = [];
    while (sample.length < SAMPLE_ROWS) {
      const next = await opened.rows.next();
      if (next.done) break;
      sample.push(next.value);
    }
    if (sample.length === 0) throw new DomainError("VALIDATION", "The file has a header but no responses.", { file: ["The file has a header but no responses."] });
    const defaultTouchpointKey = request.touchpointKey ?? touchpointRefs.find((tp) => tp.id === survey.defaultTouchpointId)?.key ?? null;
    const chosen = request.mapping ?? savedMapping(survey.mapping) ?? completeProposal(proposeMapping(opened.header, sample.map((r) => r.fields), { touchpoints: touchpointRefs, defaultTouchpointKey }));
    const mapping: ColumnMapping = request.touchpointKey ? { ...chosen, touchpoint: { kind: "fixed", touchpointKey: request.touchpointKey } } : chosen;
    const readRow = compileRowReader(opened.header, mapping, { touchpoints: touchpointRefs, surveyTimeZone: survey.timeZone });
    return { records: prepend(sample, opened.rows), read: (record: CsvRecord) => ({ line: record.line, result: readRow(record) }), mapping };
  });
}

/** One response of an API body, or why its line could not be read (NDJSON: not JSON). */
export type ResponseRecord = { line: number; value: unknown } | { line: number; problem: string };

/**
 * Responses the API received as JSON or NDJSON (already parsed, one item per line or array
 * entry, `line` counting from 1): each is checked like a file's row and goes through the same
 * staging, insert and rollup.
 */
export async function importResponseRecords(
  db: Db,
  ctx: { orgId: string; actor: Actor },
  records: readonly ResponseRecord[],
  request: Omit<ImportRequest, "mapping" | "saveMapping" | "touchpointKey">,
): Promise<ImportOutcome<null>> {
  return runImport(db, ctx, request, async ({ survey, touchpointRefs }) => {
    const readResponse = compileResponseReader({ touchpoints: touchpointRefs, surveyTimeZone: survey.timeZone });
    const read = (record: ResponseRecord) => ({ line: record.line, result: readRecord(readResponse, record) });
    return { records, read, mapping: null };
  }, records.length);
}

/** One API record checked: a line that could not be read is that line's error. */
export function readRecord(readResponse: (line: number, value: unknown) => RowResult, record: ResponseRecord): RowResult {
  return "problem" in record ? { ok: false, errors: [{ line: record.line, column: null, message: record.problem }] } : readResponse(record.line, record.value);
}

/** The shared tail of every import: its record, staging, the insert and rollup, the outcome. */
async function runImport<M, R>(
  db: Db,
  ctx: { orgId: string; actor: Actor },
  request: Omit<ImportRequest, "mapping">,
  open: (setting: ImportSetting) => Promise<RowSource<M, R>>,
  /** How many rows, when known before reading them (API bodies): a handful take the light path. */
  size?: number,
): Promise<ImportOutcome<M>> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // A handful of API responses without an Idempotency-Key (the live feed) takes the light
  // path: one transaction reads the survey, stores the rows (no staging table) and writes the
  // import's record — it commits or leaves nothing, so nothing needs recording while it runs.
  // Every other import is recorded as running first, with a heartbeat, so an Idempotency-Key
  // is claimed at once and a killed import is seen as failed.
  const direct = size !== undefined && size <= DIRECT_MAX_ROWS && !request.idempotency && !request.dryRun;
  let setting: ImportSetting | null = direct ? null : await withOrg(db, ctx.orgId, (tx) => loadSetting(tx, ctx, request.surveyId));

  const importId = uuidv7();
  const record: typeof imports.$inferInsert = {
    organizationId: ctx.orgId,
    id: importId,
    surveyId: request.surveyId,
    source: request.source,
    ...actorColumns(ctx.actor),
    fileName: request.fileName,
    skipInvalid: request.skipInvalid ?? false,
    idempotencyKey: request.idempotency?.key ?? null,
    requestHash: request.idempotency?.requestHash ?? null,
  };
  // The import's own record, outside the import's transaction; a dry run keeps none.
  const recordImport = async (fields: Partial<typeof imports.$inferInsert>) => {
    if (!request.dryRun) await withOrg(db, ctx.orgId, (tx) => saveImport(tx, record, fields));
  };
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  try {
    if (!direct && !request.dryRun) {
      const replay = await beginImport<M>(db, ctx.orgId, record);
      if (replay) return replay;
      heartbeat = setInterval(() => {
        recordImport({ heartbeatAt: new Date() }).catch(() => {});
      }, HEARTBEAT_MS);
    }

    const sampleRows: ResponseRow[] = [];
    const opened: { mapping?: M } = {};
    const outcome = await withOrg<RunOutcome>(db, ctx.orgId, async (tx) => {
      // The light path reads its setting here, with the organization's zone share-locked in the
      // same round trip (daily-rollup.ts lockOrgTimeZone); the chunked path locks it at its rollup.
      const [loaded, directTimeZone] = await Promise.all([setting ?? loadSetting(tx, ctx, request.surveyId), direct ? lockOrgTimeZone(tx, ctx.orgId) : null]);
      setting = loaded;
      const { survey } = loaded;
      const source = await open(loaded);
      const mapping = (opened.mapping = source.mapping);
      const target = { orgId: ctx.orgId, surveyId: survey.id, importId };
      let sink: ResponseSink;
      if (directTimeZone !== null) sink = openDirectStaging(tx, { ...target, timeZone: directTimeZone });
      else {
        // Big statements follow: sorts and hashes in memory, and no JIT compile (a second per
        // run, measured) for queries that run once.
        await tx.execute(sql.raw("set local work_mem = '64MB'"));
        await tx.execute(sql.raw("set local jit = off"));
        sink = await openChunkedStaging(tx, target);
      }
      let rows = 0;
      let valid = 0;
      let rejected = 0;
      const errors: ImportRowError[] = [];
      try {
        for await (const record of source.records) {
          const { line, result } = source.read(record);
          rows++;
          if (result.ok) {
            valid++;
            if (sampleRows.length < OUTCOME_SAMPLE_ROWS) sampleRows.push(result.row);
            const room = sink.add(line, result.row);
            if (room) await room;
          } else {
            // All or nothing: once a row is bad nothing more is stored; the rest is still checked.
            if (!request.skipInvalid) sink.stopStoring();
            rejected++;
            for (const error of result.errors) if (errors.length < MAX_STORED_ERRORS) errors.push(error);
          }
          if (rows % 10_000 === 0) request.onProgress?.({ rows });
        }
      } catch (error) {
        await sink.abandon();
        throw error;
      }
      request.onProgress?.({ rows });

      // The same response id twice in one file: the first row stands (it was inserted first), the others are errors.
      const { repeated, inserted } = await sink.finish();
      for (const repeat of repeated) {
        rejected++;
        valid--;
        if (errors.length < MAX_STORED_ERRORS) errors.push(repeatedIdError(repeat));
      }
      errors.sort((a, b) => a.line - b.line);
      if (rejected > 0 && !request.skipInvalid) throw new RollbackWith({ status: "rejected", rows, inserted: 0, duplicates: 0, rejected, errors });

      const finished = { status: "succeeded" as const, rows, inserted, duplicates: valid - inserted, rejected, errors };
      if (request.dryRun) throw new RollbackWith(finished);
      // Independent writes, sent together (postgres.js pipelines them on the connection).
      await Promise.all([
        saveImport(tx, record, { ...finished, rowCount: rows, finishedAt: new Date(), heartbeatAt: new Date(), answer: { importId, ...finished, mapping, durationMs: elapsed(), sample: [] } satisfies ImportOutcome<M> }),
        recordAudit(tx, ctx, {
          action: "responses.imported",
          targetType: "import",
          targetId: importId,
          data: { survey: survey.name, source: request.source, fileName: request.fileName, inserted, duplicates: finished.duplicates, rejected },
        }),
      ]);
      if (request.saveMapping && mapping) await tx.update(surveys).set({ mapping, updatedAt: new Date() }).where(and(eq(surveys.organizationId, ctx.orgId), eq(surveys.id, survey.id)));
      return finished;
    }).catch((error: unknown) => {
      if (error instanceof RollbackWith) return error.outcome;
      throw error;
    });

    const mapping = opened.mapping as M;
    if (outcome.status === "rejected") {
      await recordImport({ status: "rejected", rowCount: outcome.rows, rejected: outcome.rejected, errors: outcome.errors, finishedAt: new Date(), answer: { importId, ...outcome, mapping, durationMs: elapsed(), sample: [] } satisfies ImportOutcome<M> });
    }
    return { importId, ...outcome, mapping, durationMs: elapsed(), sample: sampleRows };
  } catch (error) {
    const failure = error instanceof DomainError ? error.message : "The import stopped on an unexpected error; nothing was stored.";
    // Not when the survey itself was not found (the light path reads it in its transaction).
    if (setting) await recordImport({ status: error instanceof DomainError ? "rejected" : "failed", failure, finishedAt: new Date() }).catch(() => {});
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

/** Independent reads, sent together: one round trip on postgres.js, which pipelines them. */
async function loadSetting(tx: Tx, ctx: { orgId: string }, surveyId: string): Promise<ImportSetting> {
  const [survey, touchpointRefs] = await Promise.all([loadSurvey(tx, ctx, surveyId), loadTouchpointRefs(tx, ctx)]);
  return { survey, touchpointRefs };
}

/** What a row's touchpoint may be named by: the organization's touchpoints' keys, names and aliases. */
export function loadTouchpointRefs(tx: Tx, ctx: { orgId: string }): Promise<TouchpointRef[]> {
  return tx.select({ id: touchpoints.id, key: touchpoints.key, name: touchpoints.name, aliases: touchpoints.aliases }).from(touchpoints).where(eq(touchpoints.organizationId, ctx.orgId));
}

/** The same response id twice in one request or file: the first row stands, the others are errors. */
export function repeatedIdError(repeat: RepeatedId): ImportRowError {
  return { line: repeat.line, column: null, message: `The response id "${repeat.externalId}" already appears on line ${repeat.firstLine}.` };
}

/**
 * Writes the import's record: the fields over the one recorded as running, or — on the light
 * path, which records nothing while it runs — a new record with them.
 */
async function saveImport(tx: Tx, record: typeof imports.$inferInsert, fields: Partial<typeof imports.$inferInsert>) {
  await tx
    .insert(imports)
    .values({ ...record, ...fields })
    .onConflictDoUpdate({ target: [imports.organizationId, imports.id], set: fields });
}

/**
 * Records the import as running. With an Idempotency-Key already used in the organization:
 * the first request's outcome (same body), UNPROCESSABLE (another body), CONFLICT (still
 * running), its error again (refused as a whole) — or, when it failed on our side, the key is
 * released and this request runs.
 */
async function beginImport<M>(db: Db, orgId: string, values: typeof imports.$inferInsert): Promise<ImportOutcome<M> | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      await withOrg(db, orgId, (tx) => tx.insert(imports).values(values));
      return null;
    } catch (error) {
      if (!values.idempotencyKey || pgErrorCode(error) !== PG_UNIQUE_VIOLATION || attempt > 0) throw error;
    }
    const key = values.idempotencyKey;
    const earlier = await withOrg(db, orgId, async (tx) => {
      const [row] = await tx
        .select({ id: imports.id, status: imports.status, requestHash: imports.requestHash, answer: imports.answer, failure: imports.failure })
        .from(imports)
        .where(and(eq(imports.organizationId, orgId), eq(imports.idempotencyKey, key)));
      // A failed import committed nothing: free its key so this request can do the work.
      if (row && row.status === "failed" && row.requestHash === values.requestHash) {
        await tx.update(imports).set({ idempotencyKey: null }).where(and(eq(imports.organizationId, orgId), eq(imports.id, row.id)));
      }
      return row;
    });
    if (!earlier) continue;
    if (earlier.requestHash !== values.requestHash) {
      throw new DomainError("UNPROCESSABLE", "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
    }
    if (earlier.status === "running") throw conflict("A request with this Idempotency-Key is still running. Try again when it has finished.");
    if (earlier.answer) return { ...(earlier.answer as ImportOutcome<M>), replayed: true };
    if (earlier.status === "rejected") throw new DomainError("VALIDATION", earlier.failure ?? "The first request with this Idempotency-Key was refused.");
  }
}

/** Imports left "running" by a process that died (kill -9, a crash) are marked failed: nothing of theirs was committed. */
export async function failAbandonedImports(db: Db, ctx: { orgId: string }, now = new Date()): Promise<number> {
  return withOrg(db, ctx.orgId, async (tx) => {
    const rows = await tx
      .update(imports)
      .set({ status: "failed", failure: "The server stopped during this import; nothing was stored. Upload the file again.", finishedAt: now })
      .where(and(eq(imports.organizationId, ctx.orgId), eq(imports.status, "running"), lt(imports.heartbeatAt, new Date(now.getTime() - STALE_AFTER_MS))))
      .returning({ id: imports.id });
    return rows.length;
  });
}

export function actorColumns(actor: Actor) {
  return {
    actorKind: actor.kind,
    actorUserId: actor.kind === "user" ? actor.userId : null,
    actorApiKeyId: actor.kind === "api_key" ? actor.apiKeyId : null,
  };
}

function savedMapping(stored: unknown): ColumnMapping | null {
  const parsed = columnMappingSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

function completeProposal(proposal: MappingProposal): ColumnMapping {
  if (proposal.mapping) return proposal.mapping;
  const { draft, reasons } = proposal;
  const missing = [
    !draft.submittedAt && reasons.submittedAt,
    !draft.touchpoint && reasons.touchpoint,
    !draft.csat && !draft.nps && !draft.ces && "No column reads as CSAT, NPS or CES answers: choose at least one.",
  ].filter(Boolean);
  const message = ["This file needs a column mapping before it can be imported.", ...missing].join(" ");
  throw new DomainError("VALIDATION", message, { mapping: [message] });
}
