"use client";
// How many responses came in per bucket: the volume behind every other figure on the page.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { bucketLabel, bucketTitle } from "../_lib/metrics";
import { ChartCard } from "./chart-card";

export function VolumeChart({ points, granularity }: { points: { bucket: string; responses: number }[]; granularity: "day" | "week" | "month" }) {
  return (
    <ChartCard
      title="Volume"
      description={`Responses per ${granularity === "week" ? "ISO week (from Monday)" : granularity}`}
      csv={{ header: ["bucket starting", "responses"], rows: points.map((p) => [p.bucket, p.responses]) }}
    >
      {points.length === 0 ? (
        <p className="py-12 text-center text-sm text-slate-500">No responses in this period.</p>
      ) : (
        <div className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="bucket" tickFormatter={(d: string) => bucketLabel(d, granularity)} tick={{ fontSize: 11, fill: "#64748b" }} minTickGap={16} />
              <YAxis tick={{ fontSize: 11, fill: "#64748b" }} width={44} allowDecimals={false} label={{ value: "Responses", angle: -90, position: "insideLeft", offset: 10, style: { fontSize: 11, fill: "#64748b", textAnchor: "middle" } }} />
              <Tooltip cursor={{ fill: "#f1f5f9" }} labelFormatter={(d) => bucketTitle(String(d), granularity)} formatter={(v) => [Number(v).toLocaleString("en-US"), "Responses"]} />
              <Bar dataKey="responses" fill="#818cf8" isAnimationActive={false} radius={[2, 2, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}
