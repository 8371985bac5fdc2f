"use client";
// NPS as people read it: promoters, passives and detractors as one stacked bar of shares
// (NPS is the first minus the last), above the 0–10 answers it comes from.
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { figureTitle, formatFigure, type FigureView } from "../_lib/metrics";
import { ChartCard } from "./chart-card";

const PARTS = [
  { key: "detractors", label: "Detractors (0–6)", fill: "#ef4444" },
  { key: "passives", label: "Passives (7–8)", fill: "#cbd5e1" },
  { key: "promoters", label: "Promoters (9–10)", fill: "#10b981" },
] as const;

export function NpsBreakdown({ nps, promoters, passives, detractors }: { nps: FigureView; promoters: number; passives: number; detractors: number }) {
  const n = promoters + passives + detractors;
  const pct = (x: number) => (n ? (100 * x) / n : 0);
  const row = { name: "Answers", detractors: pct(detractors), passives: pct(passives), promoters: pct(promoters) };
  const counts = { detractors, passives, promoters };
  return (
    <ChartCard
      title="NPS breakdown"
      description={`NPS = % promoters − % detractors · n = ${n.toLocaleString("en-US")}`}
      csv={{ header: ["group", "answers", "share %"], rows: PARTS.map((p) => [p.label, counts[p.key], Number(pct(counts[p.key]).toFixed(1))]) }}
    >
      {n === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500">No NPS answers in the period.</p>
      ) : (
        <>
          <p className="px-2 text-sm text-slate-600" title={figureTitle("nps", nps)}>
            NPS <span className={nps.lowSample ? "text-2xl font-semibold text-slate-400" : "text-2xl font-semibold text-slate-900"}>{formatFigure("nps", nps.value)}</span>
            {nps.interval && (
              <span className="ml-2 text-xs text-slate-500">
                95% interval {formatFigure("nps", nps.interval.low)} to {formatFigure("nps", nps.interval.high)}
              </span>
            )}
          </p>
          <div className="mt-2 h-16">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={[row]} layout="vertical" margin={{ top: 0, right: 8, bottom: 0, left: 8 }} stackOffset="expand">
                <XAxis type="number" hide domain={[0, 1]} />
                <YAxis type="category" dataKey="name" hide />
                <Tooltip formatter={(value, name) => [`${Number(value).toFixed(1)}%`, String(name)]} cursor={false} />
                {PARTS.map((p) => (
                  <Bar key={p.key} dataKey={p.key} name={p.label} stackId="nps" fill={p.fill} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 px-2 text-xs text-slate-600">
            {PARTS.map((p) => (
              <li key={p.key} className="flex items-center gap-1.5">
                <span aria-hidden className="size-2.5 rounded-sm" style={{ background: p.fill }} />
                {p.label}: <span className="font-semibold text-slate-900">{pct(counts[p.key]).toFixed(1)}%</span> ({counts[p.key].toLocaleString("en-US")})
              </li>
            ))}
          </ul>
        </>
      )}
    </ChartCard>
  );
}
