// A finding's impact, computed from the responses, never typed in: over the last
// IMPACT_WINDOW_DAYS days, how many responses it affects (the unhappy responses at its
// touchpoint, plus linked evidence from elsewhere), what share of the touchpoint's NPS answers
// are detractors, and how far the touchpoint's CSAT % sits from its journey's.
import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/client";
import { LOW_SCORE } from "@/server/findings/suggestions";
import { addDays } from "@/server/metrics/buckets";
import { satisfactionFigures } from "@/server/metrics/satisfaction";
import { groupBy, readFacts, sumFacts, type Totals } from "../dashboards/facts";
import { organizationTimeZone, todayIn } from "../dashboards/period";

export const IMPACT_WINDOW_DAYS = 90;

export interface Impact {
  responsesAffected: number;
  /** Percent of the touchpoint's NPS answers that are 0–6; null without NPS answers. */
  detractorShare: number | null;
  /** Touchpoint CSAT % minus its journey's, in points (negative: worse than the journey); null without CSAT answers. */
  gapToJourney: number | null;
}

const unhappy = sql.raw(`(r.csat <= ${LOW_SCORE.csat} or r.nps <= ${LOW_SCORE.nps} or r.ces <= ${LOW_SCORE.ces})`);

/** Impact of each finding given (id, touchpoint), keyed by finding id. Call inside withOrg. */
export async function impactOf(tx: Tx, orgId: string, list: readonly { id: string; touchpointId: string | null }[], now = new Date()): Promise<Map<string, Impact>> {
  const result = new Map<string, Impact>();
  if (list.length === 0) return result;
  const timeZone = await organizationTimeZone(tx, orgId);
  const to = todayIn(timeZone, now);
  const from = addDays(to, -(IMPACT_WINDOW_DAYS - 1));
  const since = sql`(${from}::date::timestamp at time zone ${timeZone})`;
  const ids = list.map((f) => f.id);

  // Unhappy responses at each finding's touchpoint, plus its evidence that is not among them.
  const affected = await queryRows<{ id: string; n: number }>(tx, sql`
    select f.id,
      (select count(*) from survey_responses r
        where r.organization_id = f.organization_id and r.touchpoint_id = f.touchpoint_id and r.submitted_at >= ${since} and ${unhappy})::int
      + (select count(*) from finding_evidence e
          join survey_responses r on r.organization_id = e.organization_id and r.id = e.response_id
          where e.organization_id = f.organization_id and e.finding_id = f.id
            and not (r.touchpoint_id is not distinct from f.touchpoint_id and r.submitted_at >= ${since} and coalesce(${unhappy}, false)))::int as n
    from findings f
    where f.organization_id = ${orgId} and f.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);

  // Per-touchpoint figures for the touchpoints of the maps involved, to compare with each journey.
  const maps = await queryRows<{ touchpoint_id: string; map_id: string }>(tx, sql`
    select t.id as touchpoint_id, t.map_id from touchpoints t
    where t.organization_id = ${orgId} and t.map_id in (
      select t2.map_id from touchpoints t2 where t2.organization_id = ${orgId} and t2.id in (${sql.join(
        [...new Set(list.flatMap((f) => (f.touchpointId ? [f.touchpointId] : [])))].map((id) => sql`${id}::uuid`).concat(sql`null::uuid`),
        sql`, `,
      )}))`);
  const mapOf = new Map(maps.map((m) => [m.touchpoint_id, m.map_id]));
  const facts = maps.length
    ? await readFacts(tx, orgId, { from, to, timeZone, granularity: "day", filters: {}, touchpointIds: [...mapOf.keys()], groupBy: ["touchpoint"] })
    : [];
  const byTouchpoint = new Map<string, Totals>(facts.map((row) => [row.touchpointId!, row]));
  const journeys = new Map<string, Totals>();
  for (const [mapId, rows] of groupBy(facts, (row) => mapOf.get(row.touchpointId!) ?? null)) journeys.set(mapId, sumFacts(rows));

  const counts = new Map(affected.map((row) => [row.id, Number(row.n)]));
  for (const finding of list) {
    const own = finding.touchpointId ? byTouchpoint.get(finding.touchpointId) : undefined;
    const journey = finding.touchpointId ? journeys.get(mapOf.get(finding.touchpointId) ?? "") : undefined;
    const mine = own ? satisfactionFigures(own.distribution) : null;
    const all = journey ? satisfactionFigures(journey.distribution) : null;
    result.set(finding.id, {
      responsesAffected: counts.get(finding.id) ?? 0,
      detractorShare: mine && mine.npsN > 0 ? (100 * mine.detractors) / mine.npsN : null,
      gapToJourney: mine?.csatPct != null && all?.csatPct != null ? mine.csatPct - all.csatPct : null,
    });
  }
  return result;
}
