"use client";
// The same stage across channels (web vs phone vs chat vs store …): grouped bars per stage and a
// heat table of the same figures, for one chosen metric. Cells with fewer than 30 answers are
// hatched grey in the table and faded in the chart: a channel with a handful of answers must not
// look like the best or worst one.
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHANNEL_LABELS, type Channel } from "@/db/journey-constants";
import { cn } from "@/lib/cn";
import { METRIC_INFO, figureTitle, formatFigure, type FigureView } from "../_lib/metrics";
import { ChartCard } from "./chart-card";
import { round } from "./touchpoints-table";

type ScoreMetric = "csatPct" | "nps" | "cesMean";
const SCORE_METRICS: ScoreMetric[] = ["csatPct", "nps", "cesMean"];

export interface StageChannelsView {
  stageId: string;
  label: string;
  cells: Partial<Record<string, Record<ScoreMetric, FigureView> & { responses: number; touchpoints: number }>>;
}

/** One colour per channel, the same on every screen, chosen to stay apart from each other. */
const CHANNEL_COLOURS: Record<Channel, string> = {
  web: "#4f46e5",
  mobile_app: "#f59e0b",
  chat: "#0ea5e9",
  phone: "#8b5cf6",
  email: "#ec4899",
  sms: "#84cc16",
  social: "#14b8a6",
  store: "#f97316",
  mail: "#a16207",
  other: "#64748b",
};
const channelLabel = (c: string) => CHANNEL_LABELS[c as Channel] ?? c;

/** Red at the scale's bad end to green at its good end. */
function heat(metric: ScoreMetric, value: number): string {
  const [lo, hi] = METRIC_INFO[metric].domain ?? [0, 100];
  const t = Math.min(1, Math.max(0, (value - lo) / (hi - lo)));
  return `hsl(${Math.round(t * 130)} 70% ${92 - Math.round(Math.abs(t - 0.5) * 10)}%)`;
}

export function ChannelComparison({ stages, channels }: { stages: StageChannelsView[]; channels: string[] }) {
  const [metric, setMetric] = useState<ScoreMetric>("csatPct");
  const info = METRIC_INFO[metric];
  const data = stages.map((s) => ({ stage: s.label, ...Object.fromEntries(channels.map((c) => [c, s.cells[c]?.[metric].value ?? null])) }));
  const chooser = (
    <div role="tablist" aria-label="Figure to compare" className="mr-1 inline-flex rounded-md ring-1 ring-slate-200 ring-inset">
      {SCORE_METRICS.map((m) => (
        <button key={m} type="button" role="tab" aria-selected={m === metric} onClick={() => setMetric(m)} className={cn("h-8 px-2.5 text-xs font-medium first:rounded-l-md last:rounded-r-md", m === metric ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-50")}>
          {METRIC_INFO[m].label}
        </button>
      ))}
    </div>
  );
  const csv = {
    header: ["stage", ...channels.flatMap((c) => [`${channelLabel(c)} ${info.definition}`, `${channelLabel(c)} n`])],
    rows: stages.map((s) => [s.label, ...channels.flatMap((c) => [round(s.cells[c]?.[metric].value ?? null, metric === "cesMean" ? 2 : 1), s.cells[c]?.[metric].n])]),
  };
  return (
    <>
      <ChartCard title="Each stage by channel" description={`${info.definition}, per stage and touchpoint channel`} actions={chooser}>
        <div style={{ height: Math.max(260, stages.length * 70) }} className="w-full">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 16, left: 8 }} barGap={1}>
              <CartesianGrid stroke="#e2e8f0" horizontal={false} />
              <XAxis type="number" domain={info.domain} tick={{ fontSize: 11, fill: "#64748b" }} label={{ value: info.definition, position: "insideBottom", offset: -10, style: { fontSize: 11, fill: "#64748b" } }} />
              <YAxis type="category" dataKey="stage" width={120} tick={{ fontSize: 11, fill: "#334155" }} />
              <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v, name) => [formatFigure(metric, v === null ? null : Number(v)), channelLabel(String(name))]} />
              <Legend verticalAlign="top" height={28} formatter={(value) => channelLabel(String(value))} wrapperStyle={{ fontSize: 12 }} />
              {channels.map((c) => (
                <Bar key={c} dataKey={c} name={c} fill={CHANNEL_COLOURS[c as Channel] ?? "#94a3b8"} isAnimationActive={false} radius={[0, 2, 2, 0]} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </ChartCard>
      <ChartCard title="Heat table" description={`${info.definition}; n under each figure, hover for the 95% interval. Grey: fewer than 30 answers; – : no touchpoint on that channel.`} csv={csv} png bodyClassName="p-0 sm:p-0">
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm">
            <thead className="border-b border-slate-200 bg-slate-50/60 text-xs text-slate-500">
              <tr>
                <th scope="col" className="sticky left-0 z-10 bg-slate-50 px-3 py-2.5 text-left font-medium">Stage</th>
                {channels.map((c) => (
                  <th key={c} scope="col" className="px-3 py-2.5 text-center font-medium">
                    {channelLabel(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {stages.map((s) => (
                <tr key={s.stageId}>
                  <th scope="row" className="sticky left-0 z-10 bg-white px-3 py-2 text-left font-medium text-slate-800">
                    {s.label}
                  </th>
                  {channels.map((c) => {
                    const cell = s.cells[c];
                    if (!cell) return <td key={c} className="px-3 py-2 text-center text-slate-300">–</td>;
                    const f = cell[metric];
                    const solid = f.value !== null && !f.lowSample;
                    return (
                      <td key={c} className="px-1.5 py-1.5 text-center" title={`${channelLabel(c)} · ${figureTitle(metric, f)} · ${cell.touchpoints} touchpoint(s)`}>
                        <div className={cn("rounded px-2 py-1.5 tabular-nums", !solid && "bg-slate-50 text-slate-400")} style={solid ? { background: heat(metric, f.value!) } : undefined}>
                          <span className={cn("block font-semibold", solid && "text-slate-900")}>{formatFigure(metric, f.value)}</span>
                          <span className="block text-[11px] text-slate-500">n {f.n.toLocaleString("en-US")}</span>
                        </div>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ChartCard>
    </>
  );
}
