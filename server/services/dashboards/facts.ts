// The one query behind every dashboard figure: score distributions summed over organization
// days, grouped by touchpoint, bucket, segment or response channel. Two ways to answer it —
// the daily rollup (the normal path) and the raw responses (for what the rollup cannot answer:
// several segment values at once, a segment breakdown within a segment, response channels) —
// with the same filters and the same groups, so both give identical figures.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/client";
import { addDistributionInto, emptyDistribution, type ScoreDistribution } from "../../metrics/satisfaction";
import { distributionOf, SCORE_COLUMN_DEFINITIONS } from "../../metrics/score-columns";
import type { DashboardFilters, Granularity } from "../../schemas/dashboard";

export type Grouping = "touchpoint" | "bucket" | "segment" | "responseChannel";
export type AnswerPath = "rollup" | "raw";

export interface FactQuery {
  from: string;
  to: string;
  timeZone: string;
  granularity: Granularity;
  filters: Pick<DashboardFilters, "surveyId" | "segmentKey" | "segmentValues">;
  /**
   * The touchpoints in view (resolved from the map/stage/channel filters by the caller, so no
   * query joins touchpoints: without statistics — PGlite never analyzes — the planner turned
   * that join into a nested loop 18× slower); null: every touchpoint.
   */
  touchpointIds: readonly string[] | null;
  groupBy: Grouping[];
  /** "csat": only the CSAT distribution (the others read as zero) — a sparkline's worth, a fifth of the columns. */
  scores?: "all" | "csat";
}

export interface Totals {
  distribution: ScoreDistribution;
  responses: number;
  lastSubmittedAt: Date | null;
}

export interface FactRow extends Totals {
  touchpointId: string | null;
  /** First day of the bucket (day, ISO week or month), YYYY-MM-DD. */
  bucket: string | null;
  segmentKey: string | null;
  segmentValue: string | null;
  responseChannel: string | null;
}

/** The segment values a query is restricted to, or none (no key, or a key without values). */
export function segmentFilter(filters: FactQuery["filters"]): { key: string; values: string[] } | null {
  return filters.segmentKey && filters.segmentValues?.length ? { key: filters.segmentKey, values: [...new Set(filters.segmentValues)] } : null;
}

/** The rollup holds one segment value per row and no response channel: anything else reads raw responses. */
export function pathFor(q: FactQuery): AnswerPath {
  const segment = segmentFilter(q.filters);
  if (q.groupBy.includes("responseChannel")) return "raw";
  if (segment && (segment.values.length > 1 || q.groupBy.includes("segment"))) return "raw";
  return "rollup";
}

const joined = (parts: SQL[], separator: string) => sql.join(parts, sql.raw(separator));

const BUCKET_UNIT: Record<Granularity, string> = { day: "day", week: "week", month: "month" };
/** A day's bucket, as text: date_trunc('week') starts ISO weeks on Monday, like metrics/buckets.ts. */
const bucketOfDay = (day: SQL, granularity: Granularity) => sql`to_char(date_trunc(${BUCKET_UNIT[granularity]}, (${day})::timestamp), 'YYYY-MM-DD')`;

/** Only the touchpoints in view; responses of a deleted touchpoint (null) never count. */
function touchpointCondition(alias: "s" | "r", ids: FactQuery["touchpointIds"]): SQL | undefined {
  const column = sql.raw(`${alias}.touchpoint_id`);
  if (ids === null) return alias === "r" ? sql`${column} is not null` : undefined;
  // One array parameter, not one per touchpoint: the statement's text (and its prepared plan)
  // stays the same whatever the list, and fifty parameters are not encoded on every call.
  return sql`${column} = any(${`{${ids.join(",")}}`}::uuid[])`;
}

function groupColumns(q: FactQuery, c: { touchpoint: SQL; day: SQL; segmentKey: SQL; segmentValue: SQL; channel: SQL }): { select: SQL[]; group: SQL[] } {
  const select: SQL[] = [];
  const group: SQL[] = [];
  const add = (expression: SQL, name: string) => {
    select.push(sql`${expression} as ${sql.identifier(name)}`);
    // By position: the same expression written twice carries different parameters ($1, $14),
    // which Postgres does not recognise as one grouping expression.
    group.push(sql.raw(String(select.length)));
  };
  if (q.groupBy.includes("touchpoint")) add(c.touchpoint, "touchpoint_id");
  if (q.groupBy.includes("bucket")) add(bucketOfDay(c.day, q.granularity), "bucket");
  if (q.groupBy.includes("segment")) {
    add(c.segmentKey, "segment_key");
    add(c.segmentValue, "segment_value");
  }
  if (q.groupBy.includes("responseChannel")) add(c.channel, "response_channel");
  return { select, group };
}

const scoreColumns = (q: FactQuery) => (q.scores === "csat" ? SCORE_COLUMN_DEFINITIONS.filter((d) => d.metric === "csat") : SCORE_COLUMN_DEFINITIONS);

function rollupQuery(orgId: string, q: FactQuery): SQL {
  const segment = segmentFilter(q.filters);
  const groups = groupColumns(q, { touchpoint: sql`s.touchpoint_id`, day: sql`s.day`, segmentKey: sql`s.segment_key`, segmentValue: sql`s.segment_value`, channel: sql`null` });
  const sums = sql.raw(scoreColumns(q).map((d) => `sum(s.${d.column})::int as ${d.column}`).join(", "));
  const conditions = [
    sql`s.organization_id = ${orgId}`,
    sql`s.day between ${q.from}::date and ${q.to}::date`,
    // segment_key '' rows count every response once; a segment breakdown reads the keyed rows.
    q.groupBy.includes("segment") ? sql`s.segment_key <> ''` : segment ? sql`s.segment_key = ${segment.key} and s.segment_value = ${segment.values[0]}` : sql`s.segment_key = ''`,
    q.filters.surveyId ? sql`s.survey_id = ${q.filters.surveyId}` : undefined,
    touchpointCondition("s", q.touchpointIds),
  ].filter((c): c is SQL => c !== undefined);
  return sql`
    select ${joined([...groups.select, sql`sum(s.responses)::int as responses`, sums, sql`max(s.last_submitted_at) as last_submitted_at`], ", ")}
    from touchpoint_daily_stats s
    where ${joined(conditions, " and ")}
    ${groups.group.length ? sql`group by ${joined(groups.group, ", ")}` : sql``}`;
}

/**
 * The raw responses (alias r) a query covers: the period's days in
 * the organization's time zone and every filter. Shared with the comment pages.
 */
export function rawResponseConditions(orgId: string, q: Omit<FactQuery, "granularity" | "groupBy">): SQL {
  const segment = segmentFilter(q.filters);
  const conditions = [
    sql`r.organization_id = ${orgId}`,
    // The organization's days, from the first instant of `from` to the first of the day after `to`.
    sql`r.submitted_at >= (${q.from}::date)::timestamp at time zone ${q.timeZone}`,
    sql`r.submitted_at < (${q.to}::date + 1)::timestamp at time zone ${q.timeZone}`,
    segment ? sql`r.segment ->> ${segment.key}::text in (${joined(segment.values.map((v) => sql`${v}::text`), ", ")})` : undefined,
    q.filters.surveyId ? sql`r.survey_id = ${q.filters.surveyId}` : undefined,
    touchpointCondition("r", q.touchpointIds),
  ].filter((c): c is SQL => c !== undefined);
  return joined(conditions, " and ");
}

function rawQuery(orgId: string, q: FactQuery): SQL {
  const bySegment = q.groupBy.includes("segment");
  const day = sql`(r.submitted_at at time zone ${q.timeZone})::date`;
  const groups = groupColumns(q, { touchpoint: sql`r.touchpoint_id`, day, segmentKey: sql`kv.key`, segmentValue: sql`kv.value`, channel: sql`r.channel::text` });
  const counts = sql.raw(scoreColumns(q).map((d) => `count(*) filter (where r.${d.metric} = ${d.score})::int as ${d.column}`).join(", "));
  return sql`
    select ${joined([...groups.select, sql`count(*)::int as responses`, counts, sql`max(r.submitted_at) as last_submitted_at`], ", ")}
    from survey_responses r
    ${bySegment ? sql`cross join lateral jsonb_each_text(r.segment) kv` : sql``}
    where ${rawResponseConditions(orgId, q)}
    ${groups.group.length ? sql`group by ${joined(groups.group, ", ")}` : sql``}`;
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** Reads the facts on the given path (pathFor(q) unless a test forces one). Call inside withOrg. */
export async function readFacts(tx: Tx, orgId: string, q: FactQuery, path: AnswerPath = pathFor(q)): Promise<FactRow[]> {
  if (q.touchpointIds?.length === 0) return [];
  const rows = await queryRows<Record<string, unknown>>(tx, path === "raw" ? rawQuery(orgId, q) : rollupQuery(orgId, q));
  return rows
    .filter((row) => Number(row.responses) > 0)
    .map((row) => ({
      touchpointId: text(row.touchpoint_id),
      bucket: text(row.bucket),
      segmentKey: text(row.segment_key),
      segmentValue: text(row.segment_value),
      responseChannel: text(row.response_channel),
      distribution: distributionOf(row),
      responses: Number(row.responses),
      lastSubmittedAt: row.last_submitted_at === null || row.last_submitted_at === undefined ? null : new Date(row.last_submitted_at as string | Date),
    }));
}

export const emptyTotals = (): Totals => ({ distribution: emptyDistribution(), responses: 0, lastSubmittedAt: null });

/** Sums facts (any grouping) into one total. */
export function sumFacts(rows: readonly Totals[]): Totals {
  const sum = emptyTotals();
  for (const row of rows) {
    addDistributionInto(sum.distribution, row.distribution);
    sum.responses += row.responses;
    if (row.lastSubmittedAt && (!sum.lastSubmittedAt || row.lastSubmittedAt > sum.lastSubmittedAt)) sum.lastSubmittedAt = row.lastSubmittedAt;
  }
  return sum;
}

/** Facts per key, in their order (rows whose key is null are left out). */
export function groupBy(rows: readonly FactRow[], key: (row: FactRow) => string | null): Map<string, FactRow[]> {
  const groups = new Map<string, FactRow[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Facts summed per key (rows whose key is null are left out). */
export function sumBy(rows: readonly FactRow[], key: (row: FactRow) => string | null): Map<string, Totals> {
  return new Map([...groupBy(rows, key)].map(([k, list]) => [k, sumFacts(list)]));
}
