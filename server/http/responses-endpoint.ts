// POST /api/v1/responses: survey responses as JSON ({ survey, responses: [...] }), NDJSON
// (one response per line, ?survey=) or CSV (?survey=, streamed into the file import with the
// survey's saved mapping, else the proposed one, which the answer returns). All go through
// the import service; all-or-nothing unless ?skipInvalid=true.
import { createHash } from "node:crypto";
import { z } from "zod";
import { fieldErrorsFromIssues } from "../schemas/common";
import { REST_BODY_LIMITS, MAX_RESPONSES_PER_REQUEST, responsesEnvelopeSchema, surveyRefSchema } from "../schemas/rest-responses";
import { touchpointKeySchema } from "../schemas/canvas";
import { importResponseFile, importResponseRecords, type ImportOutcome, type ResponseRecord } from "../services/response-imports";
import { importLiveResponses } from "../services/live-feed-batches";
import { DIRECT_MAX_ROWS } from "../services/response-staging";
import { surveyByRef } from "../services/surveys";
import { DomainError } from "../services/errors";
import { BodyTooLargeError, readBodyCapped, streamBodyCapped } from "./body-limit";
import { restError, type ApiContext } from "./rest";

type BodyKind = "json" | "ndjson" | "csv";
const CONTENT_TYPES: Record<string, BodyKind> = {
  "application/json": "json",
  "application/x-ndjson": "ndjson",
  "application/ndjson": "ndjson",
  "text/csv": "csv",
  "text/tab-separated-values": "csv",
};

const queryFields = z.object({
  survey: surveyRefSchema.optional(),
  touchpoint: touchpointKeySchema.optional(),
  skipInvalid: z.enum(["true", "false"], 'skipInvalid is "true" or "false".').optional(),
});
const idempotencyKeySchema = z.string().trim().min(1).max(200, "An Idempotency-Key has at most 200 characters.");

const invalidRequest = (message: string, fields?: Record<string, string[]>) => new DomainError("VALIDATION", message, fields);

export async function postResponses(request: Request, api: ApiContext): Promise<Response> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const kind = CONTENT_TYPES[mediaType];
  if (!kind) {
    await request.body?.cancel().catch(() => {});
    return restError(415, "UNSUPPORTED_MEDIA_TYPE", `Send application/json, application/x-ndjson or text/csv${mediaType ? `, not ${mediaType}` : " (the Content-Type header is missing)"}.`);
  }
  const query = queryFields.safeParse(Object.fromEntries(api.url.searchParams));
  if (!query.success) throw invalidRequest("The query string is not valid.", fieldErrorsFromIssues(query.error.issues));
  const { survey: surveyParam, touchpoint, skipInvalid: skip } = query.data;
  const skipInvalid = skip === "true";
  const idempotencyHeader = request.headers.get("idempotency-key");
  const idempotencyKey = idempotencyHeader === null ? null : idempotencyKeySchema.safeParse(idempotencyHeader);
  if (idempotencyKey && !idempotencyKey.success) throw invalidRequest(idempotencyKey.error.issues[0]!.message);
  const ctx = { orgId: api.orgId, actor: api.actor };

  const importCsv = async (bytes: AsyncIterable<Uint8Array>, idempotency?: { key: string; requestHash: string }) => {
    const survey = await surveyByRef(api.db, ctx, requireSurvey(surveyParam));
    return importResponseFile(api.db, ctx, bytes, { surveyId: survey.id, fileName: null, source: "api", skipInvalid, touchpointKey: touchpoint, idempotency });
  };

  // CSV without an Idempotency-Key streams; everything else is read whole (and hashed for the key).
  if (kind === "csv" && !idempotencyKey) {
    const streamed = streamBodyCapped(request, REST_BODY_LIMITS.csv);
    if (!streamed.ok) throw new BodyTooLargeError(REST_BODY_LIMITS.csv);
    return outcomeResponse(await importCsv(streamed.chunks));
  }

  const maxBytes = REST_BODY_LIMITS.structured;
  const body = await readBodyCapped(request, maxBytes);
  if (!body.ok) {
    throw new BodyTooLargeError(maxBytes, kind === "csv" ? "With an Idempotency-Key a CSV body is read whole: send larger files without one (a file sent twice inserts nothing twice anyway)." : undefined);
  }
  const idempotency = idempotencyKey?.success
    ? { key: idempotencyKey.data, requestHash: createHash("sha256").update(`${mediaType}\n${api.url.search}\n`).update(body.bytes).digest("hex") }
    : undefined;
  if (kind === "csv") {
    return outcomeResponse(
      await importCsv(
        (async function* () {
          yield body.bytes;
        })(),
        idempotency,
      ),
    );
  }

  const { surveyRef, records } = kind === "json" ? parseJsonBody(body.bytes) : { surveyRef: requireSurvey(surveyParam), records: parseNdjsonBody(body.bytes) };
  // The live feed (a handful of responses, no Idempotency-Key): written with the organization's
  // concurrent requests in one transaction (live-feed-batches.ts), the survey read inside it.
  if (!idempotency && records.length <= DIRECT_MAX_ROWS) return outcomeResponse(await importLiveResponses(api.db, { ctx, surveyRef, records, skipInvalid }));
  const survey = await surveyByRef(api.db, ctx, surveyRef);
  const outcome = await importResponseRecords(api.db, ctx, records, { surveyId: survey.id, fileName: null, source: "api", skipInvalid, idempotency });
  return outcomeResponse(outcome);
}

function requireSurvey(survey: string | undefined): string {
  if (!survey) throw invalidRequest('Name the survey in the query string: ?survey=<id or name>.', { survey: ["Required."] });
  return survey;
}

function parseJsonBody(bytes: Uint8Array): { surveyRef: string; records: ResponseRecord[] } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw invalidRequest('The body is not valid JSON. Send { "survey": "…", "responses": [ … ] }.');
  }
  const parsed = responsesEnvelopeSchema.safeParse(value);
  if (!parsed.success) throw invalidRequest(parsed.error.issues[0]!.message, fieldErrorsFromIssues(parsed.error.issues));
  return { surveyRef: parsed.data.survey, records: parsed.data.responses.map((response, index) => ({ line: index + 1, value: response })) };
}

/** One JSON object per line; blank lines are skipped, a line that is not JSON is that line's error. */
function parseNdjsonBody(bytes: Uint8Array): ResponseRecord[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidRequest("The body is not UTF-8 text.");
  }
  const records: ResponseRecord[] = [];
  for (const [index, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    if (records.length === MAX_RESPONSES_PER_REQUEST) throw invalidRequest(`At most ${MAX_RESPONSES_PER_REQUEST.toLocaleString("en-US")} responses per request.`);
    try {
      records.push({ line: index + 1, value: JSON.parse(line) });
    } catch {
      records.push({ line: index + 1, problem: "This line is not JSON: send one response object per line." });
    }
  }
  if (records.length === 0) throw invalidRequest("The body has no responses: send one JSON object per line.");
  return records;
}

function outcomeResponse(outcome: ImportOutcome<unknown>): Response {
  const body = { importId: outcome.importId, inserted: outcome.inserted, duplicates: outcome.duplicates, rejected: outcome.errors, ...(outcome.mapping ? { mapping: outcome.mapping } : {}) };
  const headers = outcome.replayed ? { "Idempotent-Replayed": "true" } : undefined;
  if (outcome.status === "rejected") {
    const message = `${outcome.rejected.toLocaleString("en-US")} of ${outcome.rows.toLocaleString("en-US")} responses are invalid, so none was stored. Fix them, or send ?skipInvalid=true to store the valid ones.`;
    return Response.json({ error: { code: "ROWS_REJECTED", message, rows: outcome.errors }, importId: outcome.importId }, { status: 422, headers });
  }
  return Response.json(body, { status: 200, headers });
}
