// The daily rollup (touchpoint_daily_stats) written by one statement shape, whichever way
// responses arrive: an import grows it by the responses it inserted, a time zone change
// rebuilds the organization's rows from every stored response. One definition of "a day",
// "a segment" and "a distribution", so the two can never disagree.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/client";
import { ALL_SCORE_COLUMNS, SCORE_COLUMN_DEFINITIONS } from "../metrics/score-columns";

const COUNTS = SCORE_COLUMN_DEFINITIONS.map(({ metric, score, column }) => `count(*) filter (where ${metric} = ${score}) as ${column}`).join(", ");
const SUMS = ALL_SCORE_COLUMNS.map((c) => `sum(${c})`).join(", ");
const COLUMNS = ALL_SCORE_COLUMNS.join(", ");
const ADD_COUNTS = ALL_SCORE_COLUMNS.map((c) => `${c} = s.${c} + excluded.${c}`).join(", ");

/**
 * The `cells`, `facts` and `rolled` CTEs: every row of `source` (a CTE with touchpoint_id,
 * survey_id, submitted_at, csat, nps, ces, comment, segment — jsonb, or its JSON text, which
 * groups cheaper: an import's staged rows) counted into its day in
 * `timeZone`, once for all responses (segment_key '') and once per segment value, added to the
 * rollup rows. Rows are first counted per day and whole segment (`cells`: one pass of the
 * filtered counts over the rows), then each cell is split into its segment values and summed —
 * a third of the work of splitting every row (a million rows: 3.5 s instead of 10 s, measured).
 * Written in key order, so concurrent writers lock rollup rows in the same order.
 */
export function rollUpCtes(p: { orgId: string; timeZone: string; source: string }): SQL {
  const source = sql.raw(p.source);
  return sql`
    cells as (
      select touchpoint_id, survey_id, (submitted_at at time zone ${p.timeZone})::date as day, segment,
        count(*) as responses, count(comment) as comments, ${sql.raw(COUNTS)}, max(submitted_at) as last_submitted_at
      from ${source}
      group by 1, 2, 3, 4
    ),
    facts as (
      select touchpoint_id, survey_id, day, '' as segment_key, '' as segment_value, responses, comments, ${sql.raw(COLUMNS)}, last_submitted_at
      from cells
      union all
      select c.touchpoint_id, c.survey_id, c.day, kv.key, kv.value, c.responses, c.comments, ${sql.raw(ALL_SCORE_COLUMNS.map((col) => `c.${col}`).join(", "))}, c.last_submitted_at
      from cells c, jsonb_each_text(c.segment::jsonb) kv
    ),
    rolled as (
      insert into touchpoint_daily_stats as s (organization_id, touchpoint_id, survey_id, day, segment_key, segment_value, responses, comments, ${sql.raw(COLUMNS)}, last_submitted_at)
      select ${p.orgId}::uuid, touchpoint_id, survey_id, day, segment_key, segment_value, sum(responses), sum(comments), ${sql.raw(SUMS)}, max(last_submitted_at)
      from facts
      group by touchpoint_id, survey_id, day, segment_key, segment_value
      order by touchpoint_id, survey_id, day, segment_key, segment_value
      on conflict (organization_id, touchpoint_id, survey_id, day, segment_key, segment_value) do update set
        responses = s.responses + excluded.responses,
        comments = s.comments + excluded.comments,
        ${sql.raw(ADD_COUNTS)},
        last_submitted_at = greatest(s.last_submitted_at, excluded.last_submitted_at)
    )`;
}

/**
 * The organization's time zone, with its row share-locked until the transaction ends: a time
 * zone change (which takes the row for update) then waits for rollups being written in the old
 * zone, and rollups wait for a rebuild in the new one, so no response is counted in a stale day.
 */
export async function lockOrgTimeZone(tx: Tx, orgId: string): Promise<string> {
  const [row] = await queryRows<{ time_zone: string }>(tx, sql`select time_zone from organizations where id = ${orgId}::uuid for share`);
  return row?.time_zone ?? "UTC";
}

/** Replaces the organization's rollup by one computed from its stored responses, in `timeZone`. Run in the transaction that changes the zone. */
export async function rebuildDailyRollup(tx: Tx, p: { orgId: string; timeZone: string }): Promise<number> {
  await tx.execute(sql`delete from touchpoint_daily_stats where organization_id = ${p.orgId}::uuid`);
  const [row] = await queryRows<{ responses: number }>(tx, sql`
    with source as (
      select touchpoint_id, survey_id, submitted_at, csat, nps, ces, comment, segment
      from survey_responses
      -- A response whose touchpoint was deleted counts nowhere, as when the touchpoint went.
      where organization_id = ${p.orgId}::uuid and touchpoint_id is not null
    ),
    ${rollUpCtes({ orgId: p.orgId, timeZone: p.timeZone, source: "source" })}
    select count(*)::int as responses from source`);
  return Number(row?.responses ?? 0);
}
