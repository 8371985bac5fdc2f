// "Where customers get stuck": touchpoints ranked by how much they pull the journey's CSAT %
// down, each with its worst verbatims.
import type { Db } from "@/db/client";
import type { FigureSet } from "../../metrics/figures";
import { satisfactionFigures } from "../../metrics/satisfaction";
import type { DashboardFilters } from "../../schemas/dashboard";
import type { TouchpointRef } from "./catalog";
import { sumBy, sumFacts, type AnswerPath } from "./facts";
import type { Period } from "./period";
import { worstVerbatims, type Verbatim } from "./verbatims";
import { figuresOf, inView, type ViewOptions } from "./view";

/** Verbatims shown per stuck touchpoint. */
export const STUCK_VERBATIMS = 3;

export interface StuckTouchpoint extends TouchpointRef {
  figures: FigureSet;
  /** Points of journey CSAT % this touchpoint costs (see stuckImpact). */
  impact: number;
  /** Journey average CSAT % minus the touchpoint's. */
  gap: number;
  lastResponseAt: Date | null;
  verbatims: Verbatim[];
}

export interface Stuck {
  period: Period;
  answeredBy: AnswerPath;
  /** CSAT % of every CSAT answer in the view (the journey average the gaps are measured from). */
  journeyCsatPct: number | null;
  touchpoints: StuckTouchpoint[];
}

/**
 * impact = (journey CSAT % − touchpoint CSAT %) × touchpoint CSAT answers / all CSAT answers:
 * how many points the journey's CSAT % would rise if this touchpoint scored the average — so a
 * touchpoint far below average with few answers ranks below a slightly worse one that many
 * customers pass through. The journey average is pooled (every CSAT answer counts once).
 */
export function stuckImpact(journeyCsatPct: number, touchpointCsatPct: number, touchpointCsatN: number, totalCsatN: number): number {
  return ((journeyCsatPct - touchpointCsatPct) * touchpointCsatN) / totalCsatN;
}

/** Touchpoints below the journey average (positive impact), worst first. */
export async function dashboardStuck(db: Db, ctx: { orgId: string }, filters: DashboardFilters, options: ViewOptions = {}): Promise<Stuck> {
  return inView(db, ctx, filters, options, async (view) => {
    const rows = await view.facts(["touchpoint"]);
    const journey = satisfactionFigures(sumFacts(rows).distribution);
    const byTouchpoint = sumBy(rows, (r) => r.touchpointId);
    const catalog = await view.catalog();
    const ranked = catalog
      .flatMap((t) => {
        const totals = byTouchpoint.get(t.id);
        if (!totals || journey.csatPct === null) return [];
        const figures = figuresOf(totals);
        if (figures.csatPct.value === null) return [];
        const impact = stuckImpact(journey.csatPct, figures.csatPct.value, figures.csatPct.n, journey.csatN);
        return impact > 0 ? [{ ...t, figures, impact, gap: journey.csatPct - figures.csatPct.value, lastResponseAt: totals.lastSubmittedAt }] : [];
      })
      .sort((a, b) => b.impact - a.impact || a.key.localeCompare(b.key));
    const { period } = view;
    const scope = { from: period.from, to: period.to, timeZone: period.timeZone, filters, touchpointIds: ranked.map((t) => t.id) };
    const verbatims = await worstVerbatims(view.tx, ctx.orgId, scope, STUCK_VERBATIMS);
    return {
      period,
      answeredBy: view.answeredBy(),
      journeyCsatPct: journey.csatPct,
      touchpoints: ranked.map((t) => ({ ...t, verbatims: verbatims.get(t.id) ?? [] })),
    };
  });
}
