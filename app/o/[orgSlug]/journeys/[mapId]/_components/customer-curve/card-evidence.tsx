"use client";
// What customers said about one touchpoint, at the foot of its card: CSAT %, how many answered,
// how fresh that is, and whether they feel worse or better than the team designed. The whole
// block links to the touchpoint's dashboard for the same period.
import Link from "next/link";
import { cn } from "@/lib/cn";
import { formatRelative } from "@/lib/format";
import { FLAG_TEXT, formatCount, formatPct, type CurvePoint } from "./curve-model";

interface CardEvidenceProps {
  touchpointName: string;
  /** Undefined while the figures load. */
  point: CurvePoint | undefined;
  loading: boolean;
  href: string;
}

export function CardEvidence({ touchpointName, point, loading, href }: CardEvidenceProps) {
  if (loading) {
    return (
      <div aria-hidden data-board-evidence className="mt-2 space-y-1.5 border-t border-slate-100 pt-2">
        <div className="h-3 w-24 animate-pulse rounded bg-slate-100" />
        <div className="h-2.5 w-32 animate-pulse rounded bg-slate-100" />
      </div>
    );
  }
  const measured = point && point.n > 0 && point.csatPct !== null;
  const fresh = point?.lastResponseAt ? `last response ${formatRelative(point.lastResponseAt)}` : null;
  const label = measured
    ? `${touchpointName}: CSAT ${formatPct(point.csatPct!)} of ${formatCount(point.n)} answers${point.lowSample ? " (low sample)" : ""}, ${fresh ?? "no response date"}${point.flag ? `. ${FLAG_TEXT[point.flag]}` : ""}. Open its dashboard.`
    : `${touchpointName}: no survey data yet. Open its dashboard.`;
  return (
    <Link
      href={href}
      // Eighteen cards would each render a dashboard page ahead of time; open it on click only.
      prefetch={false}
      aria-label={label}
      title="Open this touchpoint’s satisfaction dashboard"
      data-board-evidence
      className="-mx-1.5 mt-2 block rounded-md border-t border-slate-100 px-1.5 pt-1.5 pb-1 hover:bg-indigo-50/60 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      {measured ? (
        <>
          {/* Each figure stays whole: "n=22 · low sample" moves to its own line rather than splitting. */}
          <span className="flex flex-wrap items-baseline gap-x-1.5 text-xs whitespace-nowrap tabular-nums">
            <span className="font-semibold text-slate-900">CSAT {formatPct(point.csatPct!)}</span>
            <span className={cn(point.lowSample ? "font-medium text-amber-700" : "text-slate-500")}>
              n={formatCount(point.n)}
              {point.lowSample && " · low sample"}
            </span>
          </span>
          <span className="mt-0.5 block truncate text-[11px] text-slate-500" suppressHydrationWarning>
            {fresh ?? "no response date"}
          </span>
          {point.flag && (
            <span
              className={cn(
                "mt-1 flex items-center gap-1 rounded px-1.5 py-0.5 text-[10.5px] leading-tight font-semibold ring-1 ring-inset",
                point.flag === "worse" ? "bg-red-50 text-red-700 ring-red-200" : "bg-emerald-50 text-emerald-700 ring-emerald-200",
              )}
            >
              <span aria-hidden>{point.flag === "worse" ? "▼" : "▲"}</span>
              {FLAG_TEXT[point.flag]}
            </span>
          )}
        </>
      ) : (
        <span className="block text-[11px] text-slate-400 italic">No data yet</span>
      )}
    </Link>
  );
}
