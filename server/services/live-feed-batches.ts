// The live feed's group commit: API requests of a handful of responses for one organization and
// survey that arrive while an earlier batch of theirs is being written are written together,
// in ONE transaction (one settings read, one time-zone lock, one insert + rollup statement, one
// insert of the import records and one of the audit events, one commit) — a commit per batch,
// not per request. Each request keeps its own import, audit event and exact answer, and is
// checked alone (one request's bad rows never touch another's outcome). A request is answered
// only once its batch committed. If a batch fails as a whole (not one request's fault), each
// of its requests is retried alone on the ordinary import path, so one failure fails no other.
import { v7 as uuidv7 } from "uuid";
import type { Db, Tx } from "@/db/client";
import { auditEvents, imports, type ImportRowError } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { compileResponseReader } from "../ingest/api-responses";
import type { ResponseRow } from "../ingest/response-rows";
import { auditEventValues } from "./audit";
import type { Actor } from "./context";
import { lockOrgTimeZone } from "./daily-rollup";
import {
  actorColumns,
  importResponseRecords,
  loadTouchpointRefs,
  MAX_STORED_ERRORS,
  OUTCOME_SAMPLE_ROWS,
  readRecord,
  repeatedIdError,
  type ImportOutcome,
  type ResponseRecord,
} from "./response-imports";
import { DIRECT_MAX_ROWS, newResponseId, storeDirectRows, type DirectRow } from "./response-staging";
import { findSurveyByRef, surveyByRef } from "./surveys";

/** Requests written together at most: their rows together stay within the light path's DIRECT_MAX_ROWS too. */
export const MAX_BATCH_REQUESTS = 64;

export interface LiveRequest {
  ctx: { orgId: string; actor: Actor };
  /** The survey by id or name, as the request named it. */
  surveyRef: string;
  /** At most DIRECT_MAX_ROWS. */
  records: readonly ResponseRecord[];
  skipInvalid: boolean;
}

interface Waiting extends LiveRequest {
  resolve(outcome: ImportOutcome<null>): void;
  reject(error: unknown): void;
}

/** Requests waiting for the batch in flight to end, per database handle and (organization, survey). */
const queues = new WeakMap<Db, Map<string, Waiting[]>>();

/**
 * Stores a live-feed request's responses like importResponseRecords (same checks, same answer),
 * written with the other requests for its organization and survey that wait at the same time.
 * The first request of a quiet feed is written at once: waiting happens only behind a batch.
 */
export function importLiveResponses(db: Db, request: LiveRequest): Promise<ImportOutcome<null>> {
  let byKey = queues.get(db);
  if (!byKey) queues.set(db, (byKey = new Map()));
  // Batches never mix organizations (one withOrg transaction each); the survey is read once per batch.
  const key = `${request.ctx.orgId}\n${request.surveyRef.toLowerCase()}`;
  return new Promise((resolve, reject) => {
    const waiting = byKey.get(key);
    if (waiting) waiting.push({ ...request, resolve, reject });
    else {
      const queue = [{ ...request, resolve, reject }];
      byKey.set(key, queue);
      void drain(db, byKey, key, queue);
    }
  });
}

/** Writes the queue's requests batch after batch, until no one waits; never throws. */
async function drain(db: Db, byKey: Map<string, Waiting[]>, key: string, queue: Waiting[]) {
  while (queue.length > 0) {
    let rows = 0;
    let taken = 0;
    while (taken < queue.length && taken < MAX_BATCH_REQUESTS && (taken === 0 || rows + queue[taken]!.records.length <= DIRECT_MAX_ROWS)) rows += queue[taken++]!.records.length;
    await writeBatch(db, queue.splice(0, taken));
  }
  byKey.delete(key);
}

/** The batch's survey is missing (a new survey's name, or an unknown id): the ordinary path creates it or says NOT_FOUND. */
class SurveyNotFound extends Error {}

async function writeBatch(db: Db, batch: Waiting[]) {
  const orgId = batch[0]!.ctx.orgId;
  let outcomes: ImportOutcome<null>[];
  try {
    outcomes = await withOrg(db, orgId, (tx) => writeTogether(tx, orgId, batch));
  } catch (error) {
    if (!(error instanceof SurveyNotFound)) console.warn(`live feed: a batch of ${batch.length} failed; each request is retried alone`, error);
    // Nothing of the batch was committed: each request alone, so a failure stays its own.
    await Promise.all(batch.map((request) => importAlone(db, request).then(request.resolve, request.reject)));
    return;
  }
  batch.forEach((request, i) => request.resolve(outcomes[i]!));
}

/** The ordinary path for one request (what the endpoint did before batches): its survey, then its import. */
async function importAlone(db: Db, request: LiveRequest): Promise<ImportOutcome<null>> {
  const survey = await surveyByRef(db, request.ctx, request.surveyRef);
  return importResponseRecords(db, request.ctx, request.records, { surveyId: survey.id, fileName: null, source: "api", skipInvalid: request.skipInvalid });
}

/** One request's responses checked: what it stores, and its answer but for the insert counts. */
interface Checked {
  importId: string;
  rows: number;
  valid: number;
  errors: ImportRowError[];
  rejected: number;
  store: DirectRow[];
  sample: ResponseRow[];
}

async function writeTogether(tx: Tx, orgId: string, batch: readonly LiveRequest[]): Promise<ImportOutcome<null>[]> {
  const started = performance.now();
  // Independent reads, pipelined: one round trip. The zone is share-locked as on the light path.
  const [survey, touchpointRefs, timeZone] = await Promise.all([findSurveyByRef(tx, { orgId }, batch[0]!.surveyRef), loadTouchpointRefs(tx, { orgId }), lockOrgTimeZone(tx, orgId)]);
  if (!survey) throw new SurveyNotFound();
  const readResponse = compileResponseReader({ touchpoints: touchpointRefs, surveyTimeZone: survey.timeZone });
  const checked = batch.map((request) => check(request, readResponse));

  // Requests in arrival order: of two requests with one response id, the first inserts it.
  const store = checked.flatMap((c) => c.store);
  const inserted = store.length > 0 ? await storeDirectRows(tx, { orgId, surveyId: survey.id, timeZone }, store) : new Map<string, number>();

  const durationMs = Math.round(performance.now() - started);
  const finishedAt = new Date();
  const outcomes = checked.map((c, i): ImportOutcome<null> => {
    const refused = c.rejected > 0 && !batch[i]!.skipInvalid;
    const counted = refused ? 0 : (inserted.get(c.importId) ?? 0);
    const result = { status: refused ? ("rejected" as const) : ("succeeded" as const), rows: c.rows, inserted: counted, duplicates: refused ? 0 : c.valid - counted, rejected: c.rejected, errors: c.errors };
    return { importId: c.importId, ...result, mapping: null, durationMs, sample: refused ? [] : c.sample };
  });
  const records = outcomes.map((o, i) => ({
    organizationId: orgId,
    id: o.importId,
    surveyId: survey.id,
    source: "api" as const,
    ...actorColumns(batch[i]!.ctx.actor),
    fileName: null,
    skipInvalid: batch[i]!.skipInvalid,
    status: o.status,
    rowCount: o.rows,
    inserted: o.inserted,
    duplicates: o.duplicates,
    rejected: o.rejected,
    errors: o.errors,
    finishedAt,
    heartbeatAt: finishedAt,
    answer: { ...o, sample: [] },
  }));
  // A refused request stored nothing and, as on the ordinary path, leaves no audit event.
  const events = outcomes.flatMap((o, i) =>
    o.status === "succeeded"
      ? [auditEventValues(batch[i]!.ctx, { action: "responses.imported", targetType: "import", targetId: o.importId, data: { survey: survey.name, source: "api", fileName: null, inserted: o.inserted, duplicates: o.duplicates, rejected: o.rejected } })]
      : [],
  );
  await Promise.all([tx.insert(imports).values(records), events.length > 0 ? tx.insert(auditEvents).values(events) : null]);
  return outcomes;
}

/** A request's records checked on their own, as runImport checks them: bad rows, and repeated ids (the first stands). */
function check(request: LiveRequest, readResponse: ReturnType<typeof compileResponseReader>): Checked {
  const importId = uuidv7();
  const c: Checked = { importId, rows: 0, valid: 0, errors: [], rejected: 0, store: [], sample: [] };
  const firstLines = new Map<string, number>();
  // A bad row counts once, however many errors it has.
  const reject = (errors: readonly ImportRowError[]) => {
    c.rejected++;
    for (const error of errors) if (c.errors.length < MAX_STORED_ERRORS) c.errors.push(error);
  };
  for (const record of request.records) {
    c.rows++;
    const result = readRecord(readResponse, record);
    if (!result.ok) {
      reject(result.errors);
      continue;
    }
    const firstLine = firstLines.get(result.row.externalId);
    if (firstLine !== undefined) {
      reject([repeatedIdError({ externalId: result.row.externalId, line: record.line, firstLine })]);
      continue;
    }
    firstLines.set(result.row.externalId, record.line);
    c.valid++;
    if (c.sample.length < OUTCOME_SAMPLE_ROWS) c.sample.push(result.row);
    c.store.push({ ...result.row, id: newResponseId(), importId });
  }
  c.errors.sort((a, b) => a.line - b.line);
  // All or nothing, unless the request asked to skip invalid rows.
  if (c.rejected > 0 && !request.skipInvalid) c.store = [];
  return c;
}
