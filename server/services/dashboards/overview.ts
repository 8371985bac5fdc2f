// The overview screen: a tile per figure with the change against the comparison period and
// whether it is significant, the trend per bucket, and every touchpoint with its figures and a
// CSAT % sparkline. Two fact queries: the period by touchpoint and bucket, and the comparison.
import type { Db } from "@/db/client";
import { changes, type Estimate, type FigureSet, type Metric } from "../../metrics/figures";
import { bucketsBetween } from "../../metrics/buckets";
import { satisfactionFigures } from "../../metrics/satisfaction";
import type { DashboardFilters } from "../../schemas/dashboard";
import type { TouchpointRef } from "./catalog";
import { emptyTotals, groupBy, sumBy, sumFacts, type AnswerPath, type Totals } from "./facts";
import type { Period } from "./period";
import { figuresOf, inView, trendOf, type TrendPoint, type ViewOptions } from "./view";

export interface Tile {
  current: Estimate;
  /** The comparison period's figure; null when the view compares with nothing. */
  previous: Estimate | null;
  change: number | null;
  significant: boolean;
}

export interface Tiles {
  csatPct: Tile;
  csatMean: Tile;
  nps: Tile;
  cesMean: Tile;
  responses: { current: number; previous: number | null; change: number | null };
}

export interface TouchpointRow extends TouchpointRef {
  figures: FigureSet;
  /** CSAT % per bucket of the period (null where nobody answered CSAT). */
  sparkline: { bucket: string; csatPct: number | null }[];
  lastResponseAt: Date | null;
}

export interface Overview {
  period: Period;
  answeredBy: AnswerPath;
  tiles: Tiles;
  trend: TrendPoint[];
  touchpoints: TouchpointRow[];
}

/** The tiles of a period against its comparison (null: nothing to compare with). */
export function tilesOf(current: Totals, previous: Totals | null): Tiles {
  const now = figuresOf(current);
  const before = previous ? figuresOf(previous) : null;
  const moved = previous ? changes(current.distribution, previous.distribution) : null;
  const tile = (metric: Metric): Tile => ({
    current: now[metric],
    previous: before ? before[metric] : null,
    change: moved ? moved[metric].change : null,
    significant: moved ? moved[metric].significant : false,
  });
  return {
    csatPct: tile("csatPct"),
    csatMean: tile("csatMean"),
    nps: tile("nps"),
    cesMean: tile("cesMean"),
    responses: { current: current.responses, previous: previous ? previous.responses : null, change: previous ? current.responses - previous.responses : null },
  };
}

export async function dashboardOverview(db: Db, ctx: { orgId: string }, filters: DashboardFilters, options: ViewOptions = {}): Promise<Overview> {
  return inView(db, ctx, filters, options, async (view) => {
    const { period } = view;
    // Three small reads rather than one by touchpoint × bucket: 365 days by day for 50
    // touchpoints would carry 18,000 rows of 23 counts; sparklines need CSAT counts only.
    const byBucket = await view.facts(["bucket"]);
    const byTouchpoint = sumBy(await view.facts(["touchpoint"]), (r) => r.touchpointId);
    const sparklines = groupBy(await view.facts(["touchpoint", "bucket"], { scores: "csat" }), (r) => r.touchpointId);
    const previous = period.compareFrom && period.compareTo ? sumFacts(await view.facts([], { from: period.compareFrom, to: period.compareTo })) : null;
    const buckets = bucketsBetween(period.from, period.to, period.granularity);
    const touchpoints = (await view.catalog()).map((t): TouchpointRow => {
      const totals = byTouchpoint.get(t.id) ?? emptyTotals();
      const perBucket = sumBy(sparklines.get(t.id) ?? [], (r) => r.bucket);
      return {
        ...t,
        figures: figuresOf(totals),
        // CSAT % alone: a sparkline needs no intervals.
        sparkline: buckets.map((bucket) => ({ bucket, csatPct: satisfactionFigures((perBucket.get(bucket) ?? emptyTotals()).distribution).csatPct })),
        lastResponseAt: totals.lastSubmittedAt,
      };
    });
    return { period, answeredBy: view.answeredBy(), tiles: tilesOf(sumFacts(byBucket), previous), trend: trendOf(period, byBucket), touchpoints };
  });
}
