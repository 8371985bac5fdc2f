// Inputs of reading survey responses: the satisfaction figures over a range of days, and the
// responses explorer's filters.
import { z } from "zod";
import { RESPONSE_LIMITS, SCORE_METRICS } from "@/db/survey-constants";
import { idSchema, orgScoped } from "./common";
import { cappedText, LIST_LIMITS, TEXT_LIMITS } from "./limits";

const RESPONSE_FILTER_LIMITS = { search: 200 } as const;

/** A calendar day, YYYY-MM-DD, that exists. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a day as YYYY-MM-DD.")
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), "That day does not exist.");

const SCORE_BOUND_MESSAGE = "Use a whole number from 0 to 10.";
const scoreBound = z.number(SCORE_BOUND_MESSAGE).int(SCORE_BOUND_MESSAGE).min(0, SCORE_BOUND_MESSAGE).max(10, SCORE_BOUND_MESSAGE);

/**
 * The responses explorer's filters (also the CSV export's, read from its URL). Every field is
 * optional; days are the organization's calendar days, both included.
 */
export const responseFiltersSchema = z
  .object({
    surveyId: idSchema.optional(),
    touchpointId: idSchema.optional(),
    stageId: idSchema.optional(),
    from: daySchema.optional(),
    to: daySchema.optional(),
    /** A score range applies to one metric. */
    metric: z.enum(SCORE_METRICS, "Choose CSAT, NPS or CES.").optional(),
    min: scoreBound.optional(),
    max: scoreBound.optional(),
    hasComment: z.boolean().optional(),
    /** Words searched for in comments (case-insensitive, as typed). */
    q: cappedText(RESPONSE_FILTER_LIMITS.search).optional(),
    segmentKey: cappedText(RESPONSE_LIMITS.segmentKeyLength).optional(),
    segmentValue: cappedText(RESPONSE_LIMITS.segmentValueLength).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The last day comes before the first day.", path: ["to"] })
  .refine((f) => (f.min === undefined && f.max === undefined) || f.metric, { message: "Choose which score the range is for.", path: ["metric"] })
  .refine((f) => f.min === undefined || f.max === undefined || f.min <= f.max, { message: "The lowest score is above the highest.", path: ["max"] })
  .refine((f) => !f.segmentValue || f.segmentKey, { message: "Choose the segment the value is for.", path: ["segmentKey"] });
export type ResponseFilters = z.infer<typeof responseFiltersSchema>;

export const listResponsesInput = orgScoped.extend({
  filters: responseFiltersSchema.default({}),
  /** Opaque position after which the next page starts (`nextCursor` of the previous page). */
  cursor: cappedText(TEXT_LIMITS.token).optional(),
  limit: z.number().int().min(1).max(LIST_LIMITS.page).default(50),
});

/** The filter fields as URL query parameters (the explorer's address and its CSV link). */
export const RESPONSE_FILTER_PARAMS = ["surveyId", "touchpointId", "stageId", "from", "to", "metric", "min", "max", "hasComment", "q", "segmentKey", "segmentValue"] as const;

/**
 * Filters from a URL's query: empty parameters are left out, numbers and yes/no converted,
 * then the same schema as the procedure's. A parameter given twice counts once (the first).
 */
export function filtersFromQuery(query: URLSearchParams | Record<string, string | string[] | undefined>) {
  const get = (name: string) => {
    const value = query instanceof URLSearchParams ? query.get(name) : query[name];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined || first === null || first.trim() === "" ? undefined : first;
  };
  const raw: Record<string, unknown> = {};
  for (const name of RESPONSE_FILTER_PARAMS) raw[name] = get(name);
  for (const name of ["min", "max"]) if (raw[name] !== undefined) raw[name] = /^\d{1,2}$/.test(String(raw[name])) ? Number(raw[name]) : raw[name];
  if (raw.hasComment !== undefined) raw.hasComment = raw.hasComment === "yes" ? true : raw.hasComment === "no" ? false : raw.hasComment;
  return responseFiltersSchema.safeParse(raw);
}

/** The query string of a set of filters (the inverse of filtersFromQuery). */
export function filtersToQuery(filters: ResponseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of RESPONSE_FILTER_PARAMS) {
    const value = filters[name];
    if (value === undefined) continue;
    params.set(name, typeof value === "boolean" ? (value ? "yes" : "no") : String(value));
  }
  return params;
}
