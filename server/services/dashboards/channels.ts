// The channel comparison: the same stage across touchpoint channels (web vs phone vs chat …).
import type { Db } from "@/db/client";
import type { FigureSet } from "../../metrics/figures";
import type { DashboardFilters } from "../../schemas/dashboard";
import { sumBy, sumFacts, type AnswerPath, type Totals } from "./facts";
import type { Period } from "./period";
import { figuresOf, inView, type ViewOptions } from "./view";

export interface StageChannelCell {
  channel: string;
  figures: FigureSet;
  touchpoints: number;
}

export interface StageChannels {
  stage: { id: string; name: string; position: string };
  map: { id: string; name: string };
  /** One cell per channel some touchpoint of the stage is on, in channel name order. */
  channels: StageChannelCell[];
}

export interface Channels {
  period: Period;
  answeredBy: AnswerPath;
  /** Every channel that appears in some stage, for the table's columns. */
  channels: string[];
  stages: StageChannels[];
}

export async function dashboardChannels(db: Db, ctx: { orgId: string }, filters: DashboardFilters, options: ViewOptions = {}): Promise<Channels> {
  return inView(db, ctx, filters, options, async (view) => {
    const byTouchpoint = sumBy(await view.facts(["touchpoint"]), (r) => r.touchpointId);
    const catalog = await view.catalog();
    const stages = new Map<string, StageChannels & { cells: Map<string, { totals: Totals[]; touchpoints: number }> }>();
    for (const t of catalog) {
      const stage = stages.get(t.stage.id) ?? { stage: t.stage, map: t.map, channels: [], cells: new Map() };
      const cell = stage.cells.get(t.channel) ?? { totals: [], touchpoints: 0 };
      const totals = byTouchpoint.get(t.id);
      if (totals) cell.totals.push(totals);
      cell.touchpoints += 1;
      stage.cells.set(t.channel, cell);
      stages.set(t.stage.id, stage);
    }
    const result = [...stages.values()].map(({ cells, ...stage }) => ({
      ...stage,
      channels: [...cells]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([channel, cell]) => ({ channel, figures: figuresOf(sumFacts(cell.totals)), touchpoints: cell.touchpoints })),
    }));
    return {
      period: view.period,
      answeredBy: view.answeredBy(),
      channels: [...new Set(catalog.map((t) => t.channel))].sort(),
      stages: result,
    };
  });
}
