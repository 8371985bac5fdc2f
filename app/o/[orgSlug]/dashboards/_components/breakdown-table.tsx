"use client";
// A touchpoint's figures split by one dimension — a segment (age band, region, persona, any
// key in the data) or the channel the response came through — with a CSAT % bar per row.
// Rows with fewer than 30 answers are greyed: a split multiplies the small samples.
import { useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { METRIC_INFO, figureTitle, formatFigure, segmentLabel, type FigureView } from "../_lib/metrics";
import { ChartCard } from "./chart-card";
import { FigureCell } from "./figure-cell";
import { round } from "./touchpoints-table";

export interface BreakdownRow {
  label: string;
  responses: number;
  csatPct: FigureView;
  nps: FigureView;
  cesMean: FigureView;
}

function BreakdownBody({ rows, dimension }: { rows: BreakdownRow[]; dimension: string }) {
  if (rows.length === 0) return <p className="py-10 text-center text-sm text-slate-500">No answers to split in this period.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[34rem] text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50/60 text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2.5 font-medium">{dimension}</th>
            <th scope="col" className="w-2/5 px-3 py-2.5 font-medium">CSAT % (0–100)</th>
            <th scope="col" className="px-3 py-2.5 text-right font-medium">NPS</th>
            <th scope="col" className="px-3 py-2.5 text-right font-medium">CES</th>
            <th scope="col" className="px-3 py-2.5 text-right font-medium">Responses</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.label}>
              <td className="px-3 py-2.5 font-medium text-slate-800">{r.label}</td>
              <td className="px-3 py-2.5" title={figureTitle("csatPct", r.csatPct)}>
                <div className="flex items-center gap-2">
                  <div className="h-2 flex-1 rounded-full bg-slate-100" aria-hidden>
                    <div className={cn("h-2 rounded-full", r.csatPct.lowSample ? "bg-slate-300" : "bg-indigo-500")} style={{ width: `${r.csatPct.value ?? 0}%` }} />
                  </div>
                  <span className={cn("w-24 text-right text-xs tabular-nums", r.csatPct.lowSample ? "text-slate-400" : "font-medium text-slate-900")}>
                    {formatFigure("csatPct", r.csatPct.value)} <span className="text-slate-400">n {r.csatPct.n}</span>
                  </span>
                </div>
              </td>
              <FigureCell metric="nps" figure={r.nps} />
              <FigureCell metric="cesMean" figure={r.cesMean} />
              <td className="px-3 py-2.5 text-right tabular-nums">{r.responses.toLocaleString("en-US")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const csvOf = (dimension: string, rows: BreakdownRow[]) => ({
  header: [dimension, METRIC_INFO.csatPct.definition, "CSAT n", METRIC_INFO.nps.definition, "NPS n", METRIC_INFO.cesMean.definition, "CES n", "responses"],
  rows: rows.map((r) => [r.label, round(r.csatPct.value), r.csatPct.n, round(r.nps.value), r.nps.n, round(r.cesMean.value, 2), r.cesMean.n, r.responses]),
});

export function BreakdownTable({ title, description, dimension, rows, actions }: { title: string; description: string; dimension: string; rows: BreakdownRow[]; actions?: ReactNode }) {
  return (
    <ChartCard title={title} description={description} csv={csvOf(dimension, rows)} actions={actions} bodyClassName="p-0 sm:p-0">
      <BreakdownBody rows={rows} dimension={dimension} />
    </ChartCard>
  );
}

/** The segment breakdown with its key chooser: every segment key seen in the data. */
export function SegmentBreakdown({ segments }: { segments: { key: string; rows: BreakdownRow[] }[] }) {
  const [key, setKey] = useState(segments[0]?.key ?? "");
  const chosen = segments.find((s) => s.key === key) ?? segments[0];
  const chooser =
    segments.length > 0 ? (
      <label className="mr-1 flex items-center gap-2 text-xs text-slate-600">
        <span>Split by</span>
        <select value={chosen?.key} onChange={(e) => setKey(e.target.value)} className="h-8 rounded-md border-0 bg-white py-0 pr-7 pl-2 text-xs text-slate-900 ring-1 ring-slate-300 ring-inset">
          {segments.map((s) => (
            <option key={s.key} value={s.key}>
              {segmentLabel(s.key)}
            </option>
          ))}
        </select>
      </label>
    ) : null;
  return (
    <BreakdownTable
      title="By segment"
      description={segments.length ? "Figures per value of the chosen segment; greyed rows have fewer than 30 answers." : "The responses carry no segment (age band, region, persona…)."}
      dimension={chosen ? segmentLabel(chosen.key) : "Segment"}
      rows={chosen?.rows ?? []}
      actions={chooser}
    />
  );
}
