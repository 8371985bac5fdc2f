// Per-touchpoint figures for the read API and the operator CLI: the flat figures (n, CSAT %,
// NPS with promoters/passives/detractors, CES mean …) with the dashboards' definitions and
// facts, optionally per bucket. Only touchpoints with responses in the period are listed.
import type { Db } from "@/db/client";
import { bucketsBetween } from "../../metrics/buckets";
import { flatFigures } from "../../metrics/figures";
import { emptyDistribution, type SatisfactionFigures } from "../../metrics/satisfaction";
import type { TouchpointStatsQuery } from "../../schemas/dashboard";
import { groupBy, sumBy, sumFacts, type AnswerPath } from "./facts";
import { inView, type ViewOptions } from "./view";

export type FlatFigures = SatisfactionFigures & { n: number };

export interface TouchpointStats extends FlatFigures {
  touchpointId: string;
  key: string;
  name: string;
  /** Per bucket of the period (empty buckets included) when a granularity was asked for. */
  buckets?: (FlatFigures & { bucket: string })[];
}

/** Days YYYY-MM-DD, both included, organization days; a segment keeps responses whose `key` is one of `values`. */
export type { TouchpointStatsQuery };

export async function touchpointStats(db: Db, ctx: { orgId: string }, q: TouchpointStatsQuery, options: ViewOptions = {}): Promise<{ answeredBy: AnswerPath; timeZone: string; touchpoints: TouchpointStats[] }> {
  const filters = {
    from: q.from,
    to: q.to,
    compare: "none" as const,
    granularity: q.granularity ?? ("day" as const),
    segmentKey: q.segment?.key,
    segmentValues: q.segment?.values,
  };
  return inView(db, ctx, filters, options, async (view) => {
    const rows = await view.facts(q.granularity ? ["touchpoint", "bucket"] : ["touchpoint"]);
    const byTouchpoint = groupBy(rows, (r) => r.touchpointId);
    const buckets = q.granularity ? bucketsBetween(view.period.from, view.period.to, q.granularity) : [];
    const catalog = [...(await view.catalog())].sort((a, b) => a.key.toLowerCase().localeCompare(b.key.toLowerCase()));
    const touchpoints = catalog.flatMap((t): TouchpointStats[] => {
      const own = byTouchpoint.get(t.id);
      if (!own) return [];
      const totals = sumFacts(own);
      const row: TouchpointStats = { touchpointId: t.id, key: t.key, name: t.name, ...flatFigures(totals.distribution, totals.responses) };
      if (q.granularity) {
        const perBucket = sumBy(own, (r) => r.bucket);
        row.buckets = buckets.map((bucket) => {
          const b = perBucket.get(bucket);
          return { bucket, ...(b ? flatFigures(b.distribution, b.responses) : flatFigures(emptyDistribution(), 0)) };
        });
      }
      return [row];
    });
    return { answeredBy: view.answeredBy(), timeZone: view.period.timeZone, touchpoints };
  });
}
