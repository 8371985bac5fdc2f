// The customers' emotion curve as the canvas reads it: one point per touchpoint (CSAT mean − 3
// beside the emotion the team designed), the words its flags and figures are shown with, and
// the date presets of its range control. Pure, so it is unit-tested without a browser.
import type { inferRouterOutputs } from "@trpc/server";
import { DEFAULT_RANGE_DAYS, RANGE_PRESETS } from "@/server/schemas/dashboard";
import { daySchema } from "@/server/schemas/responses";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/trpc/root";

/** dashboard.mapCurve's answer: the period it covers and one point per touchpoint of the map. */
export type MapCurve = inferRouterOutputs<AppRouter>["dashboard"]["mapCurve"];
/**
 * One touchpoint: the designed emotion, the customers' (CSAT mean − 3) with its 95% interval
 * and n, CSAT %, the last response and the worse/better flag (the server's rule: a gap of a
 * point or more, on a solid sample only).
 */
export type CurvePoint = MapCurve["points"][number];
export type CurveFlag = CurvePoint["flag"];

export const FLAG_TEXT: Record<Exclude<CurveFlag, null>, string> = {
  worse: "Customers feel worse than designed",
  better: "Customers feel better than designed",
};

export const LEGEND = {
  customers: "Customers: CSAT mean − 3 (1–5 → −2…+2)",
  designed: "Designed: the team’s expected emotion",
} as const;

/** "+0.4", "−1.2", "0.0": a position on the emotion scale, signed as the axis reads. */
export function formatEmotion(value: number): string {
  // Halves round away from zero on both sides of the scale (Math.round would send −0.75 to −0.7).
  const tenths = Math.round(Math.abs(value) * 10);
  if (tenths === 0) return "0.0";
  return `${value > 0 ? "+" : "−"}${(tenths / 10).toFixed(1)}`;
}

/** "62%": CSAT % as people read it (no false precision on a card). */
export const formatPct = (pct: number) => `${Math.round(pct)}%`;

const countFormat = new Intl.NumberFormat("en-GB");
export const formatCount = (n: number) => countFormat.format(n);

/** The interval as the chart draws it: the scale ends at ±2, so a wide interval is cut there. */
export function errorBarOf(point: Pick<CurvePoint, "actual" | "interval">): [number, number] | null {
  if (point.actual === null || !point.interval) return null;
  const low = Math.max(-2, point.interval.low);
  const high = Math.min(2, point.interval.high);
  return [Math.max(0, point.actual - low), Math.max(0, high - point.actual)];
}

// ---- The date range ----------------------------------------------------------------------

export type RangePresetId = (typeof RANGE_PRESETS)[number]["id"];
export const DEFAULT_PRESET: RangePresetId = RANGE_PRESETS.find((p) => p.days === DEFAULT_RANGE_DAYS)?.id ?? "90d";

/** A calendar day, YYYY-MM-DD, moved by whole days (UTC arithmetic: days have no time zone). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The days of a preset ending `today` (the organization's today, as the server resolved it), both included. */
export function presetPeriod(id: RangePresetId, today: string): { from: string; to: string } {
  const preset = RANGE_PRESETS.find((p) => p.id === id)!;
  return { from: addDays(today, 1 - preset.days), to: today };
}

/** The period of the curve: a preset ending today, or the days a link names. */
export type CurveRange = { kind: "preset"; id: RangePresetId } | { kind: "days"; from: string; to: string };

/** The period from a page's query: `range=30d`, or `from`/`to` days (both valid, in order); else the default preset. */
export function curveRangeFromQuery(query: { range?: string; from?: string; to?: string }): CurveRange {
  const preset = RANGE_PRESETS.find((p) => p.id === query.range);
  if (preset) return { kind: "preset", id: preset.id };
  if (query.from && query.to && isDay(query.from) && isDay(query.to) && query.from <= query.to) return { kind: "days", from: query.from, to: query.to };
  return { kind: "preset", id: DEFAULT_PRESET };
}

const isDay = (text: string) => daySchema.safeParse(text).success;

/** Which preset the control shows: null for days a link named. */
export const presetOfRange = (range: CurveRange): RangePresetId | null => (range.kind === "preset" ? range.id : null);

/** How many of the map's touchpoints have figures, and how many are flagged each way. */
export function curveCounts(touchpoints: readonly { id: string }[], points: ReadonlyMap<string, CurvePoint>) {
  const counts = { worse: 0, better: 0, measured: 0, total: touchpoints.length };
  for (const { id } of touchpoints) {
    const point = points.get(id);
    if (!point || point.actual === null) continue;
    counts.measured++;
    if (point.flag) counts[point.flag]++;
  }
  return counts;
}

/** "Last 90 days", or "1 Jan 2026 – 31 Mar 2026" for the days a link named. */
export function rangeLabel(range: CurveRange): string {
  if (range.kind === "preset") return RANGE_PRESETS.find((p) => p.id === range.id)!.label;
  return `${formatDate(new Date(`${range.from}T00:00:00Z`))} – ${formatDate(new Date(`${range.to}T00:00:00Z`))}`;
}
