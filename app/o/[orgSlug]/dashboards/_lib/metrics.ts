// How each dashboard figure is named, explained and written: one place, so a tile, a chart's
// axis, a table column and a CSV header say the same thing about the same number.

export const METRICS = ["csatPct", "nps", "cesMean", "responses"] as const;
export type MetricId = (typeof METRICS)[number];

interface MetricInfo {
  /** Short label for a tile or a column. */
  label: string;
  /** What the number is, for a legend, an axis or a tooltip. */
  definition: string;
  /** The definition in a few words, under a tile's number. */
  short: string;
  /** The axis range, when the scale has fixed ends. */
  domain?: [number, number];
  format: (value: number) => string;
}

export const METRIC_INFO: Record<MetricId, MetricInfo> = {
  csatPct: { label: "CSAT %", definition: "CSAT % (share answering 4–5 of 5)", short: "share answering 4–5", domain: [0, 100], format: (v) => `${v.toFixed(1)}%` },
  nps: { label: "NPS", definition: "NPS (% promoters 9–10 minus % detractors 0–6)", short: "promoters − detractors", domain: [-100, 100], format: (v) => v.toFixed(0) },
  cesMean: { label: "CES", definition: "CES mean (1–7, higher is easier)", short: "mean of 1–7", domain: [1, 7], format: (v) => v.toFixed(2) },
  responses: { label: "Responses", definition: "Responses (count)", short: "in this period", format: (v) => Math.round(v).toLocaleString("en-US") },
};

/** A figure as the screens show it: value, sample size, 95% interval, and whether the sample is too small to trust. */
export interface FigureView {
  value: number | null;
  n: number;
  interval: { low: number; high: number } | null;
  lowSample: boolean;
}

export function formatFigure(metric: MetricId, value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? "–" : METRIC_INFO[metric].format(value);
}

/** "95% interval 61.2%–70.4% · n = 214", the title text of a figure. */
export function figureTitle(metric: MetricId, figure: FigureView): string {
  const parts = [];
  if (figure.interval) parts.push(`95% interval ${formatFigure(metric, figure.interval.low)} to ${formatFigure(metric, figure.interval.high)}`);
  parts.push(`n = ${figure.n.toLocaleString("en-US")}`);
  if (figure.lowSample) parts.push("low sample (fewer than 30 answers)");
  return parts.join(" · ");
}

/** "+3.2" / "−1.0": a change with its sign, in the metric's own unit. */
export function formatChange(metric: MetricId, change: number | null | undefined): string {
  if (change === null || change === undefined) return "–";
  const digits = metric === "cesMean" ? 2 : metric === "responses" ? 0 : 1;
  const text = Math.abs(change).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${change > 0 ? "+" : change < 0 ? "−" : "±"}${text}`;
}

/** "age_band" → "Age band": a segment key as people read it. */
export function segmentLabel(key: string): string {
  const text = key.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A bucket's first day as an axis label: "3 Nov" for days and weeks, "Nov 2026" for months. */
export function bucketLabel(day: string, granularity: "day" | "week" | "month"): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return granularity === "month" ? `${MONTHS[month - 1]} ${year}` : `${date} ${MONTHS[month - 1]}`;
}

/** What a bucket covers, for a tooltip: "Week of 3 Nov 2026". */
export function bucketTitle(day: string, granularity: "day" | "week" | "month"): string {
  const year = day.slice(0, 4);
  if (granularity === "month") return bucketLabel(day, "month");
  return `${granularity === "week" ? "Week of " : ""}${bucketLabel(day, "day")} ${year}`;
}

/** "2026-09-02" → "2 Sep 2026". */
export const formatDay = (day: string) => bucketTitle(day, "day");

/** "2 Sep – 30 Nov 2026", a period as one phrase. */
export function formatPeriod(from: string, to: string): string {
  if (from === to) return formatDay(from);
  return from.slice(0, 4) === to.slice(0, 4) ? `${bucketLabel(from, "day")} – ${formatDay(to)}` : `${formatDay(from)} – ${formatDay(to)}`;
}
