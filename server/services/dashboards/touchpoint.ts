// One touchpoint's page: summary tiles against the comparison period, trend and volume per
// bucket, the score distributions, a breakdown by every segment key in the data and by the
// channel responses came through, and its comments (paged separately).
import type { Db } from "@/db/client";
import { withOrg } from "@/db/tenancy";
import type { FigureSet } from "../../metrics/figures";
import { CES_SCORES, CSAT_SCORES, NPS_SCORES } from "../../metrics/satisfaction";
import type { DashboardFilters, TouchpointCommentsInput } from "../../schemas/dashboard";
import { notFound } from "../errors";
import { touchpointCatalog, type TouchpointRef } from "./catalog";
import { sumBy, sumFacts, type AnswerPath } from "./facts";
import { tilesOf, type Tiles } from "./overview";
import type { Period } from "./period";
import { commentPage, type CommentPage } from "./verbatims";
import { figuresOf, inView, trendOf, type TrendPoint, type ViewOptions } from "./view";

export interface SegmentBreakdown {
  key: string;
  values: { value: string; figures: FigureSet }[];
}

export interface TouchpointDashboard {
  period: Period;
  answeredBy: AnswerPath;
  touchpoint: TouchpointRef;
  tiles: Tiles;
  lastResponseAt: Date | null;
  /** Figures and volume (figures.responses) per bucket. */
  trend: TrendPoint[];
  /** How many answered each score. */
  distributions: {
    csat: { score: number; count: number }[];
    nps: { score: number; count: number }[];
    ces: { score: number; count: number }[];
  };
  nps: { promoters: number; passives: number; detractors: number };
  /** Every segment key in the period's data, values by responses (most first). */
  segments: SegmentBreakdown[];
  /** By the channel each response came through ("unknown" when the survey did not say). */
  responseChannels: { channel: string; figures: FigureSet }[];
}

async function loadTouchpointRef(db: Db, orgId: string, touchpointId: string): Promise<TouchpointRef> {
  const [touchpoint] = await withOrg(db, orgId, (tx) => touchpointCatalog(tx, orgId, { touchpointId }));
  if (!touchpoint) throw notFound("Touchpoint");
  return touchpoint;
}

const scored = (scores: readonly number[], counts: number[]) => scores.map((score, i) => ({ score, count: counts[i] ?? 0 }));

export async function dashboardTouchpoint(db: Db, ctx: { orgId: string }, input: { touchpointId: string; filters: DashboardFilters }, options: ViewOptions = {}): Promise<TouchpointDashboard> {
  const touchpoint = await loadTouchpointRef(db, ctx.orgId, input.touchpointId);
  return inView(db, ctx, input.filters, options, async (view) => {
    const { period } = view;
    const own = { touchpointIds: [touchpoint.id] };
    const rows = await view.facts(["bucket"], own);
    const previous = period.compareFrom && period.compareTo ? sumFacts(await view.facts([], { ...own, from: period.compareFrom, to: period.compareTo })) : null;
    const segmentRows = await view.facts(["segment"], own);
    const channelRows = await view.facts(["responseChannel"], own);
    const totals = sumFacts(rows);
    const figures = figuresOf(totals);
    const bySegmentKey = new Map<string, { value: string; figures: FigureSet }[]>();
    for (const row of segmentRows) {
      if (row.segmentKey === null || row.segmentValue === null) continue;
      const values = bySegmentKey.get(row.segmentKey) ?? [];
      values.push({ value: row.segmentValue, figures: figuresOf(row) });
      bySegmentKey.set(row.segmentKey, values);
    }
    return {
      period,
      answeredBy: view.answeredBy(),
      touchpoint,
      tiles: tilesOf(totals, previous),
      lastResponseAt: totals.lastSubmittedAt,
      trend: trendOf(period, rows),
      distributions: {
        csat: scored(CSAT_SCORES, totals.distribution.csat),
        nps: scored(NPS_SCORES, totals.distribution.nps),
        ces: scored(CES_SCORES, totals.distribution.ces),
      },
      nps: { promoters: figures.promoters, passives: figures.passives, detractors: figures.detractors },
      segments: [...bySegmentKey]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, values]) => ({ key, values: values.sort((a, b) => b.figures.responses - a.figures.responses || a.value.localeCompare(b.value)) })),
      responseChannels: [...sumBy(channelRows, (r) => r.responseChannel ?? "unknown")]
        .map(([channel, t]) => ({ channel, figures: figuresOf(t) }))
        .sort((a, b) => b.figures.responses - a.figures.responses || a.channel.localeCompare(b.channel)),
    };
  });
}

export interface TouchpointComments extends CommentPage {
  period: Period;
}

/** A page of the touchpoint's comments in the view's period and filters, lowest score first. */
export async function dashboardComments(db: Db, ctx: { orgId: string }, input: Omit<TouchpointCommentsInput, "orgSlug">, options: ViewOptions = {}): Promise<TouchpointComments> {
  const touchpoint = await loadTouchpointRef(db, ctx.orgId, input.touchpointId);
  return inView(db, ctx, input.filters, options, async (view) => {
    const { period } = view;
    const scope = { from: period.from, to: period.to, timeZone: period.timeZone, filters: input.filters, touchpointIds: [touchpoint.id] };
    return { period, ...(await commentPage(view.tx, ctx.orgId, scope, { q: input.q, cursor: input.cursor, limit: input.limit })) };
  });
}
