"use client";
// The customers' curve, drawn over the board's emotion lane: one point per touchpoint at its
// column's centre, on the lane's own −2…+2 scale (the chart's margins are the lane's padding,
// so +2 and −2 land on the same lines as the designed curve). Each point carries its 95%
// interval as an error bar; a low-sample point is hollow and says its n; a point that differs
// from the designed emotion by a point or more is joined to it and labelled worse or better.
import { ComposedChart, ErrorBar, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { EmotionLaneGeometry } from "@/app/_components/journey-canvas/journey-board";
import { emotionY } from "@/app/_components/journey-canvas/emotion";
import { errorBarOf, FLAG_TEXT, formatCount, formatEmotion, formatPct, type CurvePoint } from "./curve-model";

/** The customers' line: indigo, apart from the designed curve's red-to-green. */
export const CUSTOMER_COLOR = "#4338ca";
const WORSE_COLOR = "#dc2626";
const BETTER_COLOR = "#047857";

interface Datum {
  x: number;
  name: string;
  actual: number | null;
  error: [number, number] | null;
  point: CurvePoint | null;
}

interface CustomerCurveChartProps {
  lane: EmotionLaneGeometry;
  points: ReadonlyMap<string, CurvePoint>;
  names: ReadonlyMap<string, string>;
}

export function CustomerCurveChart({ lane, points, names }: CustomerCurveChartProps) {
  const data: Datum[] = lane.columns.map(({ touchpointId, x }) => {
    const point = points.get(touchpointId) ?? null;
    return { x, name: names.get(touchpointId) ?? "", actual: point?.actual ?? null, error: point ? errorBarOf(point) : null, point };
  });
  const top = emotionY(2);
  const bottom = lane.height - emotionY(-2);
  const measured = data.filter((d) => d.actual !== null);
  const summary =
    measured.length === 0
      ? "Customers’ curve: no CSAT answers in this period."
      : `Customers’ curve: ${measured.map((d) => `${d.name}, ${formatEmotion(d.actual!)}${d.point?.flag ? ` (${FLAG_TEXT[d.point.flag].toLowerCase()})` : ""}`).join("; ")}.`;

  return (
    <div role="img" aria-label={summary} data-customer-curve className="h-full">
      <ComposedChart width={lane.width} height={lane.height} data={data} margin={{ top, bottom, left: 0, right: 0 }} style={{ overflow: "visible" }}>
        <XAxis type="number" dataKey="x" domain={[0, lane.width]} hide />
        <YAxis type="number" domain={[-2, 2]} hide allowDataOverflow />
        <Tooltip content={CurveTooltip} cursor={false} isAnimationActive={false} wrapperStyle={{ zIndex: 40 }} />
        <Line
          dataKey="actual"
          type="monotone"
          connectNulls
          stroke={CUSTOMER_COLOR}
          strokeWidth={2.5}
          strokeDasharray="7 4"
          dot={renderPoint}
          activeDot={false}
          isAnimationActive={false}
        >
          <ErrorBar dataKey="error" width={7} stroke={CUSTOMER_COLOR} strokeWidth={1.5} strokeOpacity={0.7} isAnimationActive={false} />
        </Line>
      </ComposedChart>
    </div>
  );
}

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: Datum;
}

/** A point: filled when solid, hollow with its n when the sample is small; flagged ones reach back to the designed point. */
function renderPoint({ cx, cy, index, payload }: DotProps) {
  const point = payload?.point;
  if (cx === undefined || cy === undefined || !point || point.actual === null) return <g key={`empty-${index}`} />;
  const flagColor = point.flag === "worse" ? WORSE_COLOR : BETTER_COLOR;
  const designedY = point.designed === null ? null : emotionY(point.designed);
  // The flag's words go on the side away from the designed point, so they don't cover it.
  const labelBelow = designedY !== null && designedY < cy;
  return (
    <g key={point.touchpointId} data-touchpoint-id={point.touchpointId} data-flag={point.flag ?? undefined} data-low-sample={point.lowSample || undefined}>
      {point.flag && designedY !== null && (
        <line x1={cx} x2={cx} y1={designedY} y2={cy} stroke={flagColor} strokeWidth={2} strokeDasharray="2 3" strokeLinecap="round" />
      )}
      <circle cx={cx} cy={cy} r={6} fill={point.lowSample ? "white" : CUSTOMER_COLOR} stroke={CUSTOMER_COLOR} strokeWidth={2.5} />
      {point.lowSample && (
        // A white halo keeps the words readable where they cross a curve.
        <text x={cx + 10} y={cy + 4} fontSize={10} fontWeight={600} fill="#92400e" stroke="white" strokeWidth={3} strokeLinejoin="round" paintOrder="stroke">
          n={formatCount(point.n)} · low sample
        </text>
      )}
      {point.flag && (
        <FlagLabel x={cx + 10} y={labelBelow ? cy + (point.lowSample ? 10 : 6) : cy - 20} flag={point.flag} color={flagColor} />
      )}
    </g>
  );
}

function FlagLabel({ x, y, flag, color }: { x: number; y: number; flag: "worse" | "better"; color: string }) {
  const text = flag === "worse" ? "▼ Worse than designed" : "▲ Better than designed";
  return (
    <g>
      <rect x={x} y={y} width={122} height={15} rx={7.5} fill="white" stroke={color} strokeOpacity={0.5} />
      <text x={x + 61} y={y + 11} textAnchor="middle" fontSize={10} fontWeight={600} fill={color}>
        {text}
      </text>
    </g>
  );
}

function CurveTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const datum = active ? (payload?.[0]?.payload as Datum | undefined) : undefined;
  if (!datum) return null;
  const point = datum.point;
  return (
    <div className="w-60 rounded-lg bg-white px-3 py-2 text-xs text-slate-700 shadow-lg ring-1 ring-slate-200">
      <p className="font-semibold text-slate-900">{datum.name}</p>
      {!point || point.actual === null ? (
        <p className="mt-1 text-slate-500">No CSAT answers in this period.</p>
      ) : (
        <dl className="mt-1.5 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 tabular-nums">
          <dt className="text-slate-500">Customers</dt>
          <dd>{formatEmotion(point.actual)}</dd>
          {point.interval && (
            <>
              <dt className="text-slate-500">95% interval</dt>
              <dd>
                {formatEmotion(point.interval.low)} to {formatEmotion(point.interval.high)}
              </dd>
            </>
          )}
          <dt className="text-slate-500">Designed</dt>
          <dd>{point.designed === null ? "not set" : formatEmotion(point.designed)}</dd>
          <dt className="text-slate-500">CSAT</dt>
          <dd>
            {point.csatPct === null ? "—" : formatPct(point.csatPct)} of {formatCount(point.n)} {point.n === 1 ? "answer" : "answers"}
            {point.lowSample && <span className="ml-1 font-medium text-amber-700">low sample</span>}
          </dd>
        </dl>
      )}
      {point?.flag && <p className={point.flag === "worse" ? "mt-1.5 font-medium text-red-700" : "mt-1.5 font-medium text-emerald-700"}>{FLAG_TEXT[point.flag]}</p>}
    </div>
  );
}
