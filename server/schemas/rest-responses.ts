// The public API's response bodies (POST /api/v1/responses): the JSON envelope, and one
// response as JSON and NDJSON bodies carry it. Each response is checked on its own, so a bad
// one is a row error naming its line and field (and ?skipInvalid=true can keep the others).
import { z } from "zod";
import { RESPONSE_LIMITS, SCORE_SCALES } from "@/db/survey-constants";
import { segmentKeySchema } from "./survey-mapping";

/** Responses in one request body; larger feeds send several requests or a CSV body. */
export const MAX_RESPONSES_PER_REQUEST = 10_000;

const MB = 1024 * 1024;
/** Bodies, in bytes: JSON and NDJSON are read whole (10,000 responses with long comments fit); CSV streams. */
export const REST_BODY_LIMITS = { structured: 32 * MB, csv: 200 * MB } as const;

/** A survey's id, or its name (created on first use). */
export const surveyRefSchema = z.string().trim().min(1, "Name the survey (its id or name).").max(120, "At most 120 characters.");

export const responsesEnvelopeSchema = z.strictObject({
  survey: surveyRefSchema,
  responses: z
    .array(z.unknown())
    .min(1, "Send at least one response.")
    .max(MAX_RESPONSES_PER_REQUEST, `At most ${MAX_RESPONSES_PER_REQUEST.toLocaleString("en-US")} responses per request.`),
});

const score = (metric: keyof typeof SCORE_SCALES) => {
  const { label, min, max } = SCORE_SCALES[metric];
  const message = `${label} is a whole number from ${min} to ${max}.`;
  return z.number(message).int(message).min(min, message).max(max, message).nullish();
};

export const apiResponseSchema = z
  .strictObject({
    externalId: z
      .string("The survey tool's response id, as text.")
      .trim()
      .min(1, "The response id is empty.")
      .max(RESPONSE_LIMITS.externalIdLength, `At most ${RESPONSE_LIMITS.externalIdLength} characters.`),
    /** A touchpoint's key, name or alias (any case). */
    touchpoint: z.string("The touchpoint's key, name or alias.").trim().min(1, "The touchpoint is empty.").max(200, "At most 200 characters."),
    /** ISO 8601; without a zone, the survey's zone applies. */
    submittedAt: z.string("An ISO 8601 date and time, e.g. 2026-03-04T10:00:00Z.").trim().min(1, "The date is empty.").max(64, "At most 64 characters."),
    csat: score("csat"),
    nps: score("nps"),
    ces: score("ces"),
    comment: z
      .string()
      .trim()
      .max(RESPONSE_LIMITS.commentLength, `At most ${RESPONSE_LIMITS.commentLength.toLocaleString("en-US")} characters.`)
      .nullish(),
    channel: z.string().trim().max(40, "At most 40 characters.").nullish(),
    segment: z
      .record(segmentKeySchema, z.string().trim().max(RESPONSE_LIMITS.segmentValueLength, `At most ${RESPONSE_LIMITS.segmentValueLength} characters.`))
      .refine((segment) => Object.keys(segment).length <= RESPONSE_LIMITS.segmentKeys, `At most ${RESPONSE_LIMITS.segmentKeys} segment attributes.`)
      .nullish(),
  })
  .refine((r) => r.csat != null || r.nps != null || r.ces != null, { message: "This response has no CSAT, NPS or CES answer.", path: [] });

export type ApiResponse = z.infer<typeof apiResponseSchema>;

/**
 * Requests per organization to the REST API: a live feed of single responses needs hundreds
 * a second; the burst absorbs a survey tool's retry storm.
 */
export const REST_RATE_LIMIT = { burst: 2_000, perSecond: 1_000 } as const;
