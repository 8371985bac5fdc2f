// The dashboard procedures' answers turned into what the screens draw. The only module that
// knows both shapes: components take plain view types, so they stay simple to read.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";
import { CHANNEL_LABELS, type Channel } from "@/db/journey-constants";
import type { BreakdownRow } from "../_components/breakdown-table";
import type { StageChannelsView } from "../_components/channel-comparison";
import type { ScoreBar } from "../_components/distribution-chart";
import type { TileView } from "../_components/metric-tiles";
import type { StuckRowView, VerbatimView } from "../_components/stuck-list";
import type { TouchpointRowView } from "../_components/touchpoints-table";
import type { TrendPoint } from "../_components/trend-chart";
import { responseHref } from "./links";
import type { FigureView, MetricId } from "./metrics";

export type DashboardOutputs = inferRouterOutputs<AppRouter>["dashboard"];
type Overview = DashboardOutputs["overview"];
type FigureSet = Overview["trend"][number]["figures"];

/** The filter bar's choices. */
export interface FilterOptions {
  maps: { id: string; name: string }[];
  stages: { id: string; name: string; mapId: string; mapName: string }[];
  surveys: { id: string; name: string }[];
  segmentKeys: { key: string; values: string[] }[];
  /** Touchpoint channels in use. */
  channels: string[];
}

export function filterOptionsView(o: DashboardOutputs["segmentKeys"]): FilterOptions {
  return {
    maps: o.maps.map((m) => ({ id: m.id, name: m.name })),
    stages: o.maps.flatMap((m) => m.stages.map((s) => ({ id: s.id, name: s.name, mapId: m.id, mapName: m.name }))),
    surveys: o.surveys,
    segmentKeys: o.segments,
    channels: o.channels,
  };
}

/** A count as a figure, so a chart can show responses beside the scores. */
const countFigure = (responses: number): FigureView => ({ value: responses, n: responses, interval: null, lowSample: false });

export const figuresView = (f: FigureSet): Record<MetricId, FigureView> => ({ csatPct: f.csatPct, nps: f.nps, cesMean: f.cesMean, responses: countFigure(f.responses) });

export const trendView = (trend: Overview["trend"]): TrendPoint[] => trend.map((p) => ({ bucket: p.bucket, figures: figuresView(p.figures) }));

export function tilesView(tiles: Overview["tiles"]): TileView[] {
  const score = (metric: "csatPct" | "nps" | "cesMean"): TileView => {
    const t = tiles[metric];
    // No significance to state when either period has no answers.
    return { metric, figure: t.current, previous: t.previous?.value ?? null, change: t.change, significant: t.previous && t.change !== null ? t.significant : null };
  };
  const r = tiles.responses;
  return [score("csatPct"), score("nps"), score("cesMean"), { metric: "responses", figure: countFigure(r.current), previous: r.previous, change: r.change, significant: null }];
}

export function touchpointRowsView(rows: Overview["touchpoints"], href: (id: string) => string): TouchpointRowView[] {
  return rows.map((t, index) => ({
    id: t.id,
    name: t.name,
    stageName: t.stage.name,
    // The service lists touchpoints in canvas order: map, stage position, touchpoint position.
    canvasOrder: index,
    mapName: t.map.name,
    channel: t.channel,
    csatPct: t.figures.csatPct,
    nps: t.figures.nps,
    cesMean: t.figures.cesMean,
    responses: t.figures.responses,
    sparkline: t.sparkline,
    lastResponseAt: t.lastResponseAt ? new Date(t.lastResponseAt).toISOString() : null,
    href: href(t.id),
  }));
}

type Verbatim = DashboardOutputs["stuck"]["touchpoints"][number]["verbatims"][number];

/** "CSAT 1 · NPS 2 · CES 3", the scores a verbatim came with. */
export const scoresText = (v: Pick<Verbatim, "csat" | "nps" | "ces">) =>
  [v.csat !== null && `CSAT ${v.csat}`, v.nps !== null && `NPS ${v.nps}`, v.ces !== null && `CES ${v.ces}`].filter(Boolean).join(" · ") || "no score";

export function verbatimView(v: Verbatim, orgSlug: string, timeZone: string): VerbatimView {
  return {
    responseId: v.responseId,
    text: v.comment,
    scores: scoresText(v),
    when: new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium" }).format(new Date(v.submittedAt)),
    href: responseHref(orgSlug, v, timeZone),
  };
}

export function stuckRowsView(stuck: DashboardOutputs["stuck"], orgSlug: string, href: (id: string) => string): StuckRowView[] {
  return stuck.touchpoints.map((t) => ({
    id: t.id,
    name: t.name,
    stageName: t.stage.name,
    channel: t.channel,
    csatPct: t.figures.csatPct,
    gap: t.gap,
    impact: t.impact,
    verbatims: t.verbatims.map((v) => verbatimView(v, orgSlug, stuck.period.timeZone)),
    href: href(t.id),
  }));
}

export function channelStagesView(channels: DashboardOutputs["channels"]): StageChannelsView[] {
  const maps = new Set(channels.stages.map((s) => s.map.id)).size > 1;
  return channels.stages.map((s) => ({
    stageId: s.stage.id,
    label: maps ? `${s.map.name} · ${s.stage.name}` : s.stage.name,
    cells: Object.fromEntries(s.channels.map((c) => [c.channel, { csatPct: c.figures.csatPct, nps: c.figures.nps, cesMean: c.figures.cesMean, responses: c.figures.responses, touchpoints: c.touchpoints }])),
  }));
}

type TouchpointPage = DashboardOutputs["touchpoint"];

const breakdownRow = (label: string, f: FigureSet): BreakdownRow => ({ label, responses: f.responses, csatPct: f.csatPct, nps: f.nps, cesMean: f.cesMean });

/** Values in reading order ("18–24" before "25–34", regions A to Z), not by count. */
export const segmentsView = (segments: TouchpointPage["segments"]) =>
  segments.map((s) => ({ key: s.key, rows: [...s.values].sort((a, b) => a.value.localeCompare(b.value, "en", { numeric: true })).map((v) => breakdownRow(v.value, v.figures)) }));

export const responseChannelsView = (channels: TouchpointPage["responseChannels"]) =>
  channels.map((c) => breakdownRow(c.channel === "unknown" ? "Not given" : (CHANNEL_LABELS[c.channel as Channel] ?? c.channel), c.figures));

/** Score bars coloured by each scale's usual bands (CSAT 1–2 / 3 / 4–5, NPS 0–6 / 7–8 / 9–10, CES 1–3 / 4 / 5–7). */
export function scoreBarsView(metric: "csat" | "nps" | "ces", counts: { score: number; count: number }[]): ScoreBar[] {
  const [bad, good] = { csat: [2, 4], nps: [6, 9], ces: [3, 5] }[metric] as [number, number];
  return counts.map((c) => ({ ...c, tone: c.score <= bad ? "bad" : c.score >= good ? "good" : "middle" }));
}
