"use client";
// Where customers get stuck: touchpoints ranked by impact — how far their CSAT % sits below
// the journey's average, weighted by their share of the answers — each with a bar for the
// impact and its worst comments one click away.
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { CHANNEL_LABELS, type Channel } from "@/db/journey-constants";
import { cn } from "@/lib/cn";
import { formatFigure, figureTitle, type FigureView } from "../_lib/metrics";
import { ChartCard } from "./chart-card";
import { round } from "./touchpoints-table";

export interface VerbatimView {
  responseId: string;
  text: string;
  /** "CSAT 1 · NPS 2" */
  scores: string;
  when: string;
  href: string;
}

export interface StuckRowView {
  id: string;
  name: string;
  stageName: string;
  channel: string;
  csatPct: FigureView;
  /** Percentage points below the journey's average (negative when above). */
  gap: number | null;
  impact: number;
  verbatims: VerbatimView[];
  href: string;
}

export function StuckList({ rows, average }: { rows: StuckRowView[]; average: number | null }) {
  const [open, setOpen] = useState<string | null>(rows.find((r) => r.impact > 0)?.id ?? null);
  const max = Math.max(...rows.map((r) => r.impact), 0.0001);
  return (
    <ChartCard
      title="Touchpoints ranked by impact"
      description={`Impact = (journey average CSAT % − the touchpoint's CSAT %) × its share of CSAT answers, in points of the journey's CSAT %. Journey average: ${formatFigure("csatPct", average)}.`}
      csv={{
        header: ["rank", "touchpoint", "stage", "channel", "CSAT % (share answering 4–5 of 5)", "CSAT n", "points below average", "impact (points of journey CSAT %)"],
        rows: rows.map((r, i) => [i + 1, r.name, r.stageName, CHANNEL_LABELS[r.channel as Channel] ?? r.channel, round(r.csatPct.value), r.csatPct.n, round(r.gap), round(r.impact, 2)]),
      }}
      bodyClassName="p-0 sm:p-0"
    >
      <ol className="divide-y divide-slate-100">
        {rows.map((r, i) => {
          const expanded = open === r.id;
          return (
            <li key={r.id} className="px-4 py-3 sm:px-5">
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <span className="w-6 shrink-0 text-sm font-semibold text-slate-400 tabular-nums">{i + 1}</span>
                <div className="min-w-0 flex-1 basis-48">
                  <Link href={r.href} className="font-medium text-indigo-700 hover:underline">
                    {r.name}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {r.stageName} · {CHANNEL_LABELS[r.channel as Channel] ?? r.channel}
                  </p>
                </div>
                <div className="w-full sm:w-64" aria-hidden>
                  <div className="h-2.5 rounded-full bg-slate-100">
                    <div className={cn("h-2.5 rounded-full", r.impact > 0 ? "bg-red-500" : "bg-emerald-400")} style={{ width: `${Math.max(2, (Math.abs(r.impact) / max) * 100)}%` }} />
                  </div>
                </div>
                <div className="shrink-0 text-sm tabular-nums sm:w-36 sm:text-right" title={figureTitle("csatPct", r.csatPct)}>
                  <span className={cn("font-semibold", r.csatPct.lowSample ? "text-slate-400" : "text-slate-900")}>{formatFigure("csatPct", r.csatPct.value)}</span>
                  <span className="ml-1 text-xs text-slate-500">{r.gap === null ? "" : r.gap > 0 ? `${r.gap.toFixed(1)} below` : `${(-r.gap).toFixed(1)} above`}</span>
                  <span className="block text-xs text-slate-500">
                    impact {r.impact.toFixed(2)} · n {r.csatPct.n.toLocaleString("en-US")}
                  </span>
                </div>
                {r.csatPct.lowSample && <Badge tone="amber">low sample</Badge>}
                <button
                  type="button"
                  aria-expanded={expanded}
                  aria-controls={`verbatims-${r.id}`}
                  onClick={() => setOpen(expanded ? null : r.id)}
                  className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50"
                  disabled={r.verbatims.length === 0}
                >
                  {r.verbatims.length === 0 ? "No comments" : expanded ? "Hide comments" : `Worst comments (${r.verbatims.length})`}
                </button>
              </div>
              {expanded && r.verbatims.length > 0 && (
                <ul id={`verbatims-${r.id}`} className="mt-3 space-y-2 sm:ml-10">
                  {r.verbatims.map((v) => (
                    <li key={v.responseId} className="rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200 ring-inset">
                      <p className="text-slate-800">“{v.text}”</p>
                      <p className="mt-1 text-xs text-slate-500">
                        {v.scores} · {v.when} ·{" "}
                        <Link href={v.href} className="font-medium text-indigo-700 hover:underline">
                          see the response
                        </Link>
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </ChartCard>
  );
}
