"use client";
// A figure over time, one bucket per day, ISO week or month: the line, its 95% interval as a
// band, and the sample size in the tooltip. Buckets with fewer than 30 answers are drawn as
// hollow grey points, so a swing on a handful of answers does not read as a trend.
import { useState } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type DotProps } from "recharts";
import { cn } from "@/lib/cn";
import { METRIC_INFO, bucketLabel, bucketTitle, formatFigure, type FigureView, type MetricId } from "../_lib/metrics";
import { ChartCard } from "./chart-card";

export interface TrendPoint {
  /** The bucket's first day, YYYY-MM-DD. */
  bucket: string;
  figures: Record<MetricId, FigureView>;
}

interface TrendChartProps {
  title: string;
  points: TrendPoint[];
  granularity: "day" | "week" | "month";
  metrics?: readonly MetricId[];
  initial?: MetricId;
}

export function TrendChart({ title, points, granularity, metrics = ["csatPct", "nps", "cesMean", "responses"], initial = "csatPct" }: TrendChartProps) {
  const [metric, setMetric] = useState<MetricId>(initial);
  const info = METRIC_INFO[metric];
  const data: Datum[] = points.map((p) => {
    const f = p.figures[metric];
    return { bucket: p.bucket, value: f.value, band: f.interval ? [f.interval.low, f.interval.high] : null, n: f.n, lowSample: metric !== "responses" && f.lowSample };
  });
  return (
    <ChartCard
      title={title}
      description={`${info.definition} per ${granularity === "week" ? "ISO week (from Monday)" : granularity}; shaded: 95% interval; hollow points: fewer than 30 answers.`}
      csv={{ header: ["bucket starting", `${info.definition}`, "interval low", "interval high", "n", "low sample"], rows: data.map((d) => [d.bucket, d.value, d.band?.[0], d.band?.[1], d.n, d.lowSample ? "yes" : "no"]) }}
      actions={
        <div role="tablist" aria-label="Figure to chart" className="mr-1 inline-flex rounded-md ring-1 ring-slate-200 ring-inset">
          {metrics.map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={m === metric}
              onClick={() => setMetric(m)}
              className={cn("h-8 px-2.5 text-xs font-medium first:rounded-l-md last:rounded-r-md", m === metric ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-50")}
            >
              {METRIC_INFO[m].label}
            </button>
          ))}
        </div>
      }
    >
      {data.length === 0 ? (
        <p className="py-16 text-center text-sm text-slate-500">No responses in this period.</p>
      ) : (
        <div className="h-64 sm:h-72" data-chart="trend">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="bucket" tickFormatter={(d: string) => bucketLabel(d, granularity)} tick={{ fontSize: 11, fill: "#64748b" }} minTickGap={16} />
              <YAxis
                {...zoomedAxis(metric, data)}
                tick={{ fontSize: 11, fill: "#64748b" }}
                width={44}
                label={{ value: info.label, angle: -90, position: "insideLeft", offset: 10, style: { fontSize: 11, fill: "#64748b", textAnchor: "middle" } }}
              />
              <Tooltip content={<TrendTooltip metric={metric} granularity={granularity} />} />
              {metric !== "responses" && <Area dataKey="band" stroke="none" fill="#6366f1" fillOpacity={0.12} isAnimationActive={false} name="95% interval" />}
              <Line dataKey="value" stroke="#4f46e5" strokeWidth={2} dot={<TrendDot />} isAnimationActive={false} connectNulls name={info.label} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}

/**
 * The axis around the data (with a margin) rather than the whole scale: a move from 52% to 56%
 * must be visible. The scale's ends still bound it, and counts start at zero.
 */
function zoomedAxis(metric: MetricId, data: Datum[]): { domain: [number, number] | [number, "auto"]; ticks?: number[] } {
  const scale = METRIC_INFO[metric].domain;
  if (!scale) return { domain: [0, "auto"] };
  const values = data.flatMap((d) => [d.value, ...(d.band ?? [])]).filter((v): v is number => v !== null);
  if (values.length === 0) return { domain: scale };
  const margin = (scale[1] - scale[0]) * 0.03;
  // Round steps (at most six of them) so the ticks read 40, 50, 60 rather than 8, 16, 24.
  const span = Math.max(...values) - Math.min(...values) + 2 * margin;
  const step = [0.25, 0.5, 1, 2, 5, 10, 20, 25, 50].find((s) => span / s <= 6) ?? 50;
  const low = Math.max(scale[0], Math.floor((Math.min(...values) - margin) / step) * step);
  const high = Math.min(scale[1], Math.ceil((Math.max(...values) + margin) / step) * step);
  const ticks = Array.from({ length: Math.round((high - low) / step) + 1 }, (_, i) => Number((low + i * step).toFixed(2)));
  return { domain: [low, high], ticks };
}

type Datum = { bucket: string; value: number | null; band: number[] | null; n: number; lowSample: boolean };

function TrendDot(props: DotProps & { payload?: Datum }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || payload?.value === null || payload?.value === undefined) return null;
  return payload.lowSample ? <circle cx={cx} cy={cy} r={3.5} fill="#fff" stroke="#94a3b8" strokeWidth={1.5} /> : <circle cx={cx} cy={cy} r={2.5} fill="#4f46e5" />;
}

function TrendTooltip({ active, payload, metric, granularity }: { active?: boolean; payload?: { payload: Datum }[]; metric: MetricId; granularity: "day" | "week" | "month" }) {
  const d = payload?.[0]?.payload;
  if (!active || !d) return null;
  return (
    <div className="rounded-md bg-white px-3 py-2 text-xs shadow-lg ring-1 ring-slate-200">
      <p className="font-medium text-slate-900">{bucketTitle(d.bucket, granularity)}</p>
      <p className="mt-1 text-slate-700">
        {METRIC_INFO[metric].label}: <span className="font-semibold">{formatFigure(metric, d.value)}</span>
      </p>
      {d.band && (
        <p className="text-slate-500">
          95% interval {formatFigure(metric, d.band[0])} to {formatFigure(metric, d.band[1])}
        </p>
      )}
      <p className="text-slate-500">n = {d.n.toLocaleString("en-US")}{d.lowSample ? " · low sample" : ""}</p>
    </div>
  );
}
