// Inputs of the satisfaction dashboards: one set of filters shared by every screen, the read
// API and the CLI, and its URL form (filters live in the address so a link shows the same view).
import { z } from "zod";
import { CHANNELS } from "@/db/journey-constants";
import { RESPONSE_LIMITS } from "@/db/survey-constants";
import { idSchema, orgScoped } from "./common";
import { cappedText } from "./limits";
import { daySchema } from "./responses";

export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const GRANULARITY_LABELS: Record<Granularity, string> = { day: "Day", week: "Week", month: "Month" };

/** previous: the period of the same length just before; custom: compareFrom … compareTo; none. */
export const COMPARISONS = ["previous", "custom", "none"] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The date presets of the filter bar, in days ending today (organization's time zone). */
export const RANGE_PRESETS = [
  { id: "7d", label: "Last 7 days", days: 7 },
  { id: "30d", label: "Last 30 days", days: 30 },
  { id: "90d", label: "Last 90 days", days: 90 },
  { id: "365d", label: "Last 12 months", days: 365 },
] as const;
export const DEFAULT_RANGE_DAYS = 90;

/** Most segment values one filter may name (several values at once are answered from raw responses). */
export const MAX_SEGMENT_VALUES = 20;

/**
 * Every field optional. Days are the organization's calendar days, both included; without
 * from/to the service uses the last DEFAULT_RANGE_DAYS days ending today.
 */
export const dashboardFiltersSchema = z
  .object({
    from: daySchema.optional(),
    to: daySchema.optional(),
    mapId: idSchema.optional(),
    stageId: idSchema.optional(),
    surveyId: idSchema.optional(),
    /** The touchpoint's channel. */
    channel: z.enum(CHANNELS, "Unknown channel.").optional(),
    segmentKey: cappedText(RESPONSE_LIMITS.segmentKeyLength).optional(),
    segmentValues: z.array(cappedText(RESPONSE_LIMITS.segmentValueLength)).max(MAX_SEGMENT_VALUES, `At most ${MAX_SEGMENT_VALUES} segment values.`).optional(),
    compare: z.enum(COMPARISONS, "Compare with the previous period, a chosen one, or nothing.").default("previous"),
    compareFrom: daySchema.optional(),
    compareTo: daySchema.optional(),
    granularity: z.enum(GRANULARITIES, "Choose day, week or month.").default("week"),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The last day comes before the first day.", path: ["to"] })
  .refine((f) => f.compare !== "custom" || (f.compareFrom && f.compareTo), { message: "Choose the period to compare with.", path: ["compareFrom"] })
  .refine((f) => !f.compareFrom || !f.compareTo || f.compareFrom <= f.compareTo, { message: "The last day comes before the first day.", path: ["compareTo"] })
  .refine((f) => !f.segmentValues?.length || f.segmentKey, { message: "Choose the segment the values are for.", path: ["segmentKey"] });
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

export const dashboardInput = orgScoped.extend({ filters: dashboardFiltersSchema.default({ compare: "previous", granularity: "week" }) });
export const touchpointDashboardInput = dashboardInput.extend({ touchpointId: idSchema });
export const mapCurveInput = dashboardInput.extend({ mapId: idSchema });

/** Longest comment search and largest page of comments. */
export const COMMENT_SEARCH_MAX = 200;
export const COMMENT_PAGE_MAX = 100;
export const touchpointCommentsInput = touchpointDashboardInput.extend({
  /** Words the comment contains, as typed (% and _ are not wildcards). */
  q: cappedText(COMMENT_SEARCH_MAX).optional(),
  cursor: z.string().max(400, "Not a valid page cursor.").optional(),
  limit: z.number().int().min(1).max(COMMENT_PAGE_MAX, `At most ${COMMENT_PAGE_MAX} comments a page.`).default(20),
});
export type TouchpointCommentsInput = z.infer<typeof touchpointCommentsInput>;

/** Scalar filter fields as URL query parameters; segment values repeat (`segmentValue=a&segmentValue=b`). */
const SCALAR_PARAMS = ["from", "to", "mapId", "stageId", "surveyId", "channel", "segmentKey", "compare", "compareFrom", "compareTo", "granularity"] as const;

type QueryLike = URLSearchParams | Record<string, string | string[] | undefined>;

function readAll(query: QueryLike, name: string): string[] {
  const values = query instanceof URLSearchParams ? query.getAll(name) : ([] as string[]).concat(query[name] ?? []);
  return values.map((v) => v.trim()).filter((v) => v !== "");
}

/** Filters from a page's query string, checked by the same schema as the procedures. */
export function dashboardFiltersFromQuery(query: QueryLike) {
  const raw: Record<string, unknown> = {};
  for (const name of SCALAR_PARAMS) raw[name] = readAll(query, name)[0];
  const values = readAll(query, "segmentValue");
  if (values.length) raw.segmentValues = values;
  return dashboardFiltersSchema.safeParse(raw);
}

/** The query string of a set of filters (the inverse of dashboardFiltersFromQuery); defaults are left out. */
export function dashboardFiltersToQuery(filters: Partial<DashboardFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of SCALAR_PARAMS) {
    const value = filters[name];
    if (value === undefined || (name === "compare" && value === "previous") || (name === "granularity" && value === "week")) continue;
    params.set(name, String(value));
  }
  for (const value of filters.segmentValues ?? []) params.append("segmentValue", value);
  return params;
}

/**
 * The read API's query (`GET /api/v1/stats/touchpoints?from&to[&granularity][&segment.<key>=<value>]`)
 * and the CLI's stats flags: both days required (`to` included), one segment key whose values
 * may repeat.
 */
export const touchpointStatsQuerySchema = z
  .object({
    from: daySchema,
    to: daySchema,
    granularity: z.enum(GRANULARITIES, "Choose day, week or month.").optional(),
    segment: z
      .object({
        key: cappedText(RESPONSE_LIMITS.segmentKeyLength).pipe(z.string().min(1, "Name the segment key: segment.<key>=<value>.")),
        values: z.array(cappedText(RESPONSE_LIMITS.segmentValueLength)).min(1).max(MAX_SEGMENT_VALUES, `At most ${MAX_SEGMENT_VALUES} segment values.`),
      })
      .optional(),
  })
  .refine((q) => q.from <= q.to, { message: "The last day comes before the first day.", path: ["to"] });
export type TouchpointStatsQuery = z.infer<typeof touchpointStatsQuerySchema>;

const SEGMENT_PARAM = /^segment\.(.+)$/;

/** The read API's query from a URL; `segment.<key>` parameters of more than one key are refused. */
export function touchpointStatsQueryFromUrl(params: URLSearchParams) {
  const keys = [...new Set([...params.keys()].flatMap((name) => SEGMENT_PARAM.exec(name)?.[1] ?? []))];
  if (keys.length > 1) {
    return { success: false as const, message: "Filter on one segment key at a time.", fields: { segment: ["Filter on one segment key at a time."] } };
  }
  const key = keys[0];
  const parsed = touchpointStatsQuerySchema.safeParse({
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    granularity: params.get("granularity") || undefined,
    segment: key === undefined ? undefined : { key, values: params.getAll(`segment.${key}`) },
  });
  return parsed.success ? { success: true as const, data: parsed.data } : { success: false as const, message: parsed.error.issues[0]!.message, issues: parsed.error.issues };
}
