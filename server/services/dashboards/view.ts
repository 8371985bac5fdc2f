// What every dashboard procedure does first: one transaction in the organization under the
// dashboard deadline, the organization's time zone, the resolved period, and a reader of facts
// that remembers whether any of them had to come from the raw responses.
import type { Db, Tx } from "@/db/client";
import { bucketsBetween } from "../../metrics/buckets";
import { figureSet, type FigureSet } from "../../metrics/figures";
import { emptyDistribution } from "../../metrics/satisfaction";
import type { DashboardFilters, Granularity } from "../../schemas/dashboard";
import { withOrgDeadline } from "./deadline";
import { touchpointCatalog, type TouchpointRef } from "./catalog";
import { pathFor, readFacts, sumBy, type AnswerPath, type FactQuery, type FactRow, type Grouping, type Totals } from "./facts";
import { organizationTimeZone, resolvePeriod, type Period } from "./period";

/** For tests and the benchmark: force a path, shorten the deadline, fix "today". */
export interface ViewOptions {
  path?: AnswerPath;
  budgetMs?: number;
  now?: Date;
}

export interface View {
  tx: Tx;
  period: Period;
  /** The touchpoints the view's map/stage/channel filters keep, in canvas order (read once). */
  catalog(): Promise<TouchpointRef[]>;
  /**
   * Facts of the period (or of another range, e.g. the comparison) with the view's filters,
   * over the view's touchpoints or the given ones.
   */
  facts(groupBy: Grouping[], extra?: { touchpointIds?: string[]; from?: string; to?: string; scores?: FactQuery["scores"]; granularity?: Granularity }): Promise<FactRow[]>;
  /** "raw" once any fact came from the raw responses. */
  answeredBy(): AnswerPath;
}

export async function inView<T>(db: Db, ctx: { orgId: string }, filters: DashboardFilters, options: ViewOptions, fn: (view: View) => Promise<T>): Promise<T> {
  return withOrgDeadline(
    db,
    ctx.orgId,
    async (tx, checkpoint) => {
      const period = resolvePeriod(filters, await organizationTimeZone(tx, ctx.orgId), options.now);
      let answeredBy: AnswerPath = "rollup";
      let catalog: Promise<TouchpointRef[]> | undefined;
      const view: View = {
        tx,
        period,
        catalog: () => (catalog ??= touchpointCatalog(tx, ctx.orgId, filters)),
        async facts(groupBy, extra = {}) {
          const q: FactQuery = {
            from: extra.from ?? period.from,
            to: extra.to ?? period.to,
            timeZone: period.timeZone,
            granularity: extra.granularity ?? period.granularity,
            filters,
            // Always a list: also keeps out the rows of deleted touchpoints, which stay in the rollup.
            touchpointIds: extra.touchpointIds ?? (await view.catalog()).map((t) => t.id),
            groupBy,
            scores: extra.scores,
          };
          // A forced path only applies where both can answer; the rest keep their own.
          const path = pathFor(q) === "rollup" && options.path ? options.path : pathFor(q);
          if (path === "raw") answeredBy = "raw";
          checkpoint();
          return readFacts(tx, ctx.orgId, q, path);
        },
        answeredBy: () => answeredBy,
      };
      return fn(view);
    },
    options.budgetMs,
  );
}

export interface TrendPoint {
  /** First day of the bucket, YYYY-MM-DD. */
  bucket: string;
  figures: FigureSet;
}

/** Figures per bucket of the period, empty buckets included (the first and last may be partial). */
export function trendOf(period: Period, rows: readonly FactRow[]): TrendPoint[] {
  const byBucket = sumBy(rows, (r) => r.bucket);
  return bucketsBetween(period.from, period.to, period.granularity).map((bucket) => {
    const totals = byBucket.get(bucket);
    return { bucket, figures: totals ? figuresOf(totals) : figureSet(emptyDistribution(), 0) };
  });
}

export const figuresOf = (t: Totals): FigureSet => figureSet(t.distribution, t.responses);

