"use client";
// Every touchpoint with its figures for the period, sortable by any column, each row linking
// to the touchpoint's own page. On a phone the table scrolls sideways inside its card.
import Link from "next/link";
import { useState } from "react";
import { CHANNEL_LABELS, type Channel } from "@/db/journey-constants";
import { METRIC_INFO, type FigureView } from "../_lib/metrics";
import { ChartCard } from "./chart-card";
import { FigureCell } from "./figure-cell";
import { sortRows, type SortState } from "../_lib/sort";
import { SortableHeader } from "./sortable-header";
import { Sparkline } from "./sparkline";

export interface TouchpointRowView {
  id: string;
  name: string;
  stageName: string;
  /** Position in canvas order (map, stage, touchpoint): the "Stage" column sorts by it. */
  canvasOrder: number;
  mapName: string;
  channel: string;
  csatPct: FigureView;
  nps: FigureView;
  cesMean: FigureView;
  responses: number;
  sparkline: (number | null)[];
  /** ISO date-time of the last response, or null. */
  lastResponseAt: string | null;
  href: string;
}

type Column = "name" | "stage" | "channel" | "csatPct" | "nps" | "cesMean" | "responses" | "last";

const channelLabel = (c: string) => CHANNEL_LABELS[c as Channel] ?? c;

function valueOf(row: TouchpointRowView, key: Column): string | number | null {
  switch (key) {
    case "name": return row.name;
    case "stage": return row.canvasOrder;
    case "channel": return channelLabel(row.channel);
    case "responses": return row.responses;
    case "last": return row.lastResponseAt;
    default: return row[key].value;
  }
}

export function TouchpointsTable({ rows, timeZone }: { rows: TouchpointRowView[]; timeZone: string }) {
  const [sort, setSort] = useState<SortState<Column>>({ key: "stage", dir: "asc" });
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium" });
  const sorted = sortRows(rows, sort, valueOf);
  const header = (label: string, column: Column, align: "left" | "right" = "left", className?: string) => <SortableHeader label={label} column={column} sort={sort} onSort={setSort} align={align} className={className} />;
  return (
    <ChartCard
      title="Touchpoints"
      description="Figures for the period; hover a figure for its 95% interval. Greyed: fewer than 30 answers. The trend line is CSAT % per bucket."
      png={false}
      bodyClassName="p-0 sm:p-0"
      csv={{
        header: ["touchpoint", "stage", "map", "channel", METRIC_INFO.csatPct.definition, "CSAT n", METRIC_INFO.nps.definition, "NPS n", METRIC_INFO.cesMean.definition, "CES n", "responses", "last response"],
        rows: sorted.map((r) => [r.name, r.stageName, r.mapName, channelLabel(r.channel), round(r.csatPct.value), r.csatPct.n, round(r.nps.value), r.nps.n, round(r.cesMean.value, 2), r.cesMean.n, r.responses, r.lastResponseAt]),
      }}
    >
      <div className="overflow-x-auto">
        <table className="w-full min-w-[56rem] text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50/60 text-xs text-slate-500">
            <tr>
              {header("Touchpoint", "name", "left", "sticky left-0 z-10 bg-slate-50")}
              {header("Stage", "stage")}
              {header("Channel", "channel")}
              {header("CSAT %", "csatPct", "right")}
              {header("NPS", "nps", "right")}
              {header("CES", "cesMean", "right")}
              {header("Responses", "responses", "right")}
              <th scope="col" className="px-3 py-2.5 font-medium">Trend</th>
              {header("Last response", "last")}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sorted.map((r) => (
              <tr key={r.id}>
                {/* The name stays in view while a phone scrolls the figures sideways. */}
                <th scope="row" className="sticky left-0 z-10 max-w-44 bg-white px-3 py-2.5 text-left font-normal">
                  <Link href={r.href} className="font-medium text-indigo-700 hover:text-indigo-900 hover:underline">
                    {r.name}
                  </Link>
                </th>
                <td className="px-3 py-2.5 text-slate-600">{r.stageName}</td>
                <td className="px-3 py-2.5 text-slate-600">{channelLabel(r.channel)}</td>
                <FigureCell metric="csatPct" figure={r.csatPct} />
                <FigureCell metric="nps" figure={r.nps} />
                <FigureCell metric="cesMean" figure={r.cesMean} />
                <td className="px-3 py-2.5 text-right font-medium text-slate-900 tabular-nums">{r.responses.toLocaleString("en-US")}</td>
                <td className="px-3 py-2.5">
                  <Sparkline values={r.sparkline} label={`CSAT % trend of ${r.name}`} />
                </td>
                <td className="px-3 py-2.5 whitespace-nowrap text-slate-600">{r.lastResponseAt ? day.format(new Date(r.lastResponseAt)) : <span className="text-slate-400">no data yet</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}

/** Exported figures keep one or two decimals, not floating-point noise. */
export const round = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));
