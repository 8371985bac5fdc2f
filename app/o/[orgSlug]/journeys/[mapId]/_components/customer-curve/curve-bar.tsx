"use client";
// The strip above the board that says what the emotion lane shows: the legend of its two
// curves, the period the customers' figures cover (with its presets), and how many
// touchpoints customers feel worse or better about than designed.
import { RANGE_PRESETS } from "@/server/schemas/dashboard";
import { cn } from "@/lib/cn";
import { plural } from "@/lib/format";
import { EMOTION_COLORS } from "@/app/_components/journey-canvas/tones";
import { CUSTOMER_COLOR } from "./customer-curve-chart";
import { LEGEND, type RangePresetId } from "./curve-model";

interface CurveBarProps {
  preset: RangePresetId | null;
  /** What the control shows for days a link named (no preset). */
  customLabel: string;
  /** The period the figures cover, once the server has answered. */
  period: { from: string; to: string } | null;
  onPreset: (id: RangePresetId) => void;
  status: "loading" | "error" | "ready";
  error: string | null;
  onRetry: () => void;
  /** A new period's figures are on their way; the last ones stay on screen meanwhile. */
  updating: boolean;
  counts: { worse: number; better: number; measured: number; total: number };
}

export function CurveBar({ preset, customLabel, period, onPreset, status, error, onRetry, updating, counts }: CurveBarProps) {
  return (
    <section aria-label="Emotion curve" className="mb-3 flex flex-wrap items-center gap-x-5 gap-y-2 rounded-lg bg-white px-3 py-2 text-xs shadow-sm ring-1 ring-slate-200">
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1.5 text-slate-700" aria-label="Legend">
        <li className="flex items-center gap-1.5">
          <svg aria-hidden width="26" height="10" className="shrink-0">
            <line x1="1" x2="25" y1="5" y2="5" stroke={CUSTOMER_COLOR} strokeWidth="2.5" strokeDasharray="7 4" />
            <circle cx="13" cy="5" r="3.5" fill={CUSTOMER_COLOR} />
          </svg>
          {LEGEND.customers}
        </li>
        <li className="flex items-center gap-1.5">
          <svg aria-hidden width="26" height="10" className="shrink-0">
            <defs>
              {/* In user space: a bounding-box gradient has nothing to span on a flat line. */}
              <linearGradient id="legend-designed" gradientUnits="userSpaceOnUse" x1="1" x2="25" y1="0" y2="0">
                <stop offset="0" stopColor={EMOTION_COLORS[0]} />
                <stop offset="0.5" stopColor={EMOTION_COLORS[2]} />
                <stop offset="1" stopColor={EMOTION_COLORS[4]} />
              </linearGradient>
            </defs>
            <line x1="1" x2="25" y1="5" y2="5" stroke="url(#legend-designed)" strokeWidth="3" strokeLinecap="round" />
          </svg>
          {LEGEND.designed}
        </li>
        <li className="flex items-center gap-1.5 text-slate-500">
          <svg aria-hidden width="12" height="12" className="shrink-0">
            <circle cx="6" cy="6" r="4" fill="white" stroke={CUSTOMER_COLOR} strokeWidth="2" />
          </svg>
          Hollow: fewer than 30 answers
        </li>
      </ul>
      <div className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1.5">
        {updating && status === "ready" ? <span className="text-slate-500">Updating…</span> : <Summary status={status} error={error} onRetry={onRetry} counts={counts} />}
        <label className="flex items-center gap-1.5 text-slate-600">
          <span className="sr-only sm:not-sr-only">Period</span>
          <select
            aria-label="Period of the customers’ curve"
            value={preset ?? "custom"}
            disabled={!period}
            onChange={(event) => onPreset(event.target.value as RangePresetId)}
            className="rounded-md border-0 bg-white py-1 pr-7 pl-2 text-xs font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50"
          >
            {RANGE_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
            {preset === null && <option value="custom">{customLabel}</option>}
          </select>
        </label>
      </div>
    </section>
  );
}

function Summary({ status, error, onRetry, counts }: Pick<CurveBarProps, "status" | "error" | "onRetry" | "counts">) {
  if (status === "loading") return <span className="text-slate-500">Loading customers’ answers…</span>;
  if (status === "error") {
    return (
      <span role="alert" className="flex items-center gap-2 text-red-700">
        {error ?? "The customers’ curve could not be loaded."}
        <button type="button" onClick={onRetry} className="font-medium underline hover:no-underline">
          Try again
        </button>
      </span>
    );
  }
  if (counts.measured === 0) return <span className="text-slate-500">No survey answers for this map’s touchpoints in this period.</span>;
  return (
    <span className="flex flex-wrap items-center gap-1.5 text-slate-600">
      <span>
        {counts.measured} of {plural(counts.total, "touchpoint")} measured
      </span>
      {counts.worse > 0 && <Pill tone="worse">{`${counts.worse} worse than designed`}</Pill>}
      {counts.better > 0 && <Pill tone="better">{`${counts.better} better than designed`}</Pill>}
    </span>
  );
}

function Pill({ tone, children }: { tone: "worse" | "better"; children: string }) {
  return (
    <span
      className={cn(
        "rounded-full px-2 py-0.5 font-semibold ring-1 ring-inset",
        tone === "worse" ? "bg-red-50 text-red-700 ring-red-200" : "bg-emerald-50 text-emerald-700 ring-emerald-200",
      )}
    >
      {tone === "worse" ? "▼ " : "▲ "}
      {children}
    </span>
  );
}
