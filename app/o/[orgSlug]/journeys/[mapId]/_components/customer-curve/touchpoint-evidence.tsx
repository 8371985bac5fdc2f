"use client";
// What customers said about a touchpoint, in its details dialog: the same figures as its card
// and its point on the curve, spelled out, with the way to its dashboard.
import Link from "next/link";
import { cn } from "@/lib/cn";
import { RelativeTime } from "@/app/_components/ui/relative-time";
import { FLAG_TEXT, formatCount, formatEmotion, formatPct, type CurvePoint } from "./curve-model";

export function TouchpointEvidence({ point, href, periodLabel }: { point: CurvePoint | undefined; href: string; periodLabel: string }) {
  const measured = point && point.actual !== null && point.csatPct !== null;
  return (
    <section aria-label="What customers say" className="rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-xs font-medium text-slate-500">What customers say · {periodLabel}</h3>
        <Link href={href} prefetch={false} className="text-xs font-medium text-indigo-700 hover:text-indigo-900">
          Open its dashboard →
        </Link>
      </div>
      {measured ? (
        <>
          <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 text-sm tabular-nums sm:grid-cols-4">
            <Figure label="CSAT (answers 4–5)">{formatPct(point.csatPct!)}</Figure>
            <Figure label="Answers">
              {formatCount(point.n)}
              {point.lowSample && <span className="ml-1.5 text-xs font-medium text-amber-700">low sample</span>}
            </Figure>
            <Figure label="Customers vs designed">
              {formatEmotion(point.actual!)} vs {point.designed === null ? "not set" : formatEmotion(point.designed)}
            </Figure>
            <Figure label="Last response">{point.lastResponseAt ? <RelativeTime date={point.lastResponseAt} /> : "—"}</Figure>
          </dl>
          {point.interval && (
            <p className="mt-2 text-xs text-slate-500">
              Customers’ emotion is CSAT mean − 3; its 95% interval runs from {formatEmotion(point.interval.low)} to {formatEmotion(point.interval.high)}.
            </p>
          )}
          {point.flag && (
            <p className={cn("mt-2 text-sm font-medium", point.flag === "worse" ? "text-red-700" : "text-emerald-700")}>
              {point.flag === "worse" ? "▼ " : "▲ "}
              {FLAG_TEXT[point.flag]} (by a point or more).
            </p>
          )}
        </>
      ) : (
        <p className="mt-1.5 text-sm text-slate-500">No data yet: no CSAT answers for this touchpoint in this period.</p>
      )}
    </section>
  );
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 font-semibold text-slate-900">{children}</dd>
    </div>
  );
}
