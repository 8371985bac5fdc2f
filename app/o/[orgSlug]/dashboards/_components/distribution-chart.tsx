"use client";
// How many answered each score (CSAT 1–5, CES 1–7, NPS 0–10): bars coloured from the bad end
// of the scale (red) to the good end (green), with the share of answers in the tooltip.
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "./chart-card";

export interface ScoreBar {
  score: number;
  count: number;
  tone: "bad" | "middle" | "good";
}

const FILL = { bad: "#ef4444", middle: "#f59e0b", good: "#10b981" } as const;

export function DistributionChart({ title, description, axisLabel, bars }: { title: string; description: string; axisLabel: string; bars: ScoreBar[] }) {
  const total = bars.reduce((n, b) => n + b.count, 0);
  const data = bars.map((b) => ({ ...b, share: total ? (100 * b.count) / total : 0 }));
  return (
    <ChartCard title={title} description={`${description} · n = ${total.toLocaleString("en-US")}`} csv={{ header: [axisLabel, "answers", "share %"], rows: data.map((d) => [d.score, d.count, Number(d.share.toFixed(1))]) }}>
      {total === 0 ? (
        <p className="py-12 text-center text-sm text-slate-500">No answers to this question in the period.</p>
      ) : (
        <div className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 16, left: 4 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="score" tick={{ fontSize: 11, fill: "#64748b" }} label={{ value: axisLabel, position: "insideBottom", offset: -10, style: { fontSize: 11, fill: "#64748b" } }} />
              <YAxis tick={{ fontSize: 11, fill: "#64748b" }} width={44} allowDecimals={false} label={{ value: "Answers", angle: -90, position: "insideLeft", offset: 10, style: { fontSize: 11, fill: "#64748b", textAnchor: "middle" } }} />
              <Tooltip
                cursor={{ fill: "#f1f5f9" }}
                formatter={(value, _name, item) => [`${Number(value).toLocaleString("en-US")} (${(item.payload as { share: number }).share.toFixed(1)}%)`, "Answers"]}
                labelFormatter={(label) => `${axisLabel} ${label}`}
              />
              <Bar dataKey="count" isAnimationActive={false} radius={[3, 3, 0, 0]}>
                {data.map((d) => (
                  <Cell key={d.score} fill={FILL[d.tone]} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}
