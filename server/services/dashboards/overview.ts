// The overview screen: a tile per figure with the change against the comparison period and
// whether it is significant, the trend per bucket, and every touchpoint with its figures and a
// CSAT % sparkline: the period's facts by touchpoint and bucket, and the comparison's total.
import type { Db } from "@/db/client";
import { changes, type Estimate, type FigureSet, type Metric } from "../../metrics/figures";
import { bucketsBetween, granularityAtMost } from "../../metrics/buckets";
import { satisfactionFigures } from "../../metrics/satisfaction";
import type { DashboardFilters } from "../../schemas/dashboard";
import type { TouchpointRef } from "./catalog";
import { emptyTotals, groupBy, sumBy, sumFacts, type AnswerPath, type Totals } from "./facts";
import type { Period } from "./period";
import { figuresOf, inView, trendOf, type TrendPoint, type ViewOptions } from "./view";

/** Most points a touchpoint's sparkline draws. */
export const SPARKLINE_POINTS = 60;
/** Largest touchpoint × bucket grid the overview reads in one result. */
const ONE_READ_MAX_ROWS = 2_000;

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
  /** CSAT % per bucket of Overview.sparklineBuckets (null where nobody answered CSAT). */
  sparkline: (number | null)[];
  lastResponseAt: Date | null;
}

export interface Overview {
  period: Period;
  answeredBy: AnswerPath;
  tiles: Tiles;
  trend: TrendPoint[];
  /** The sparklines' buckets, shared by every row (coarser than the period's when it would have more than SPARKLINE_POINTS). */
  sparklineBuckets: string[];
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
    // A sparkline is 88 px wide: at most SPARKLINE_POINTS buckets (weeks for a year by day).
    const sparkGranularity = granularityAtMost(period.from, period.to, period.granularity, SPARKLINE_POINTS);
    const buckets = bucketsBetween(period.from, period.to, period.granularity).length;
    // A small touchpoint × bucket grid (90 days by week: 50 × 13) is read once and summed here
    // into the trend, the table and the sparklines. A large one (a year by day: 18,000 rows of
    // 23 counts) is read as three smaller results instead, the sparklines' with CSAT counts only.
    // The reads are sent together: postgres.js pipelines them on the transaction's connection.
    const grid = sparkGranularity === period.granularity && (await view.catalog()).length * buckets <= ONE_READ_MAX_ROWS ? view.facts(["touchpoint", "bucket"]) : null;
    const [byBucket, touchpointFacts, sparklineFacts, previousFacts] = await Promise.all([
      grid ?? view.facts(["bucket"]),
      grid ?? view.facts(["touchpoint"]),
      grid ?? view.facts(["touchpoint", "bucket"], { scores: "csat", granularity: sparkGranularity }),
      period.compareFrom && period.compareTo ? view.facts([], { from: period.compareFrom, to: period.compareTo }) : null,
    ]);
    const byTouchpoint = sumBy(touchpointFacts, (r) => r.touchpointId);
    const sparklines = groupBy(sparklineFacts, (r) => r.touchpointId);
    const previous = previousFacts ? sumFacts(previousFacts) : null;
    const sparkBuckets = bucketsBetween(period.from, period.to, sparkGranularity);
    const touchpoints = (await view.catalog()).map((t): TouchpointRow => {
      const totals = byTouchpoint.get(t.id) ?? emptyTotals();
      const perBucket = sumBy(sparklines.get(t.id) ?? [], (r) => r.bucket);
      return {
        ...t,
        figures: figuresOf(totals),
        // CSAT % alone: a sparkline needs no intervals.
        sparkline: sparkBuckets.map((bucket) => satisfactionFigures((perBucket.get(bucket) ?? emptyTotals()).distribution).csatPct),
        lastResponseAt: totals.lastSubmittedAt,
      };
    });
    return { period, answeredBy: view.answeredBy(), tiles: tilesOf(sumFacts(byBucket), previous), trend: trendOf(period, byBucket), sparklineBuckets: sparkBuckets, touchpoints };
  });
}
