// Did the fix work? The touchpoint's satisfaction in the weeks before a finding was resolved
// against the weeks since, judged on the first metric the touchpoint is asked about (CSAT %,
// else NPS, else CES): a significant rise is "improved", a significant fall "worse", anything
// else "no change" — once there is enough evidence; before that, "measuring".
import type { Change, FigureSet, Metric } from "@/server/metrics/figures";

/** Days on each side of the resolution that are compared. */
export const FIX_WINDOW_DAYS = 28;
/** The verdict waits for this many days since the fix, or this many answers, whichever comes first. */
export const FIX_MIN_DAYS = 14;
export const FIX_MIN_ANSWERS = 30;

export type FixVerdict = "measuring" | "improved" | "no_change" | "worse" | "no_data";

const ORDER: { metric: Metric; n: (f: FigureSet) => number; higherIsBetter: boolean }[] = [
  { metric: "csatPct", n: (f) => f.csatPct.n, higherIsBetter: true },
  { metric: "nps", n: (f) => f.nps.n, higherIsBetter: true },
  // CES here is the seven-point "made it easy" scale: higher is easier.
  { metric: "cesMean", n: (f) => f.cesMean.n, higherIsBetter: true },
];

export function fixVerdict(before: FigureSet, after: FigureSet, change: Record<Metric, Change>, daysSince: number): { verdict: FixVerdict; metric: Metric | null } {
  const judged = ORDER.find((m) => m.n(before) > 0 && m.n(after) > 0) ?? ORDER.find((m) => m.n(before) > 0);
  if (!judged) return { verdict: "no_data", metric: null };
  if (daysSince < FIX_MIN_DAYS && judged.n(after) < FIX_MIN_ANSWERS) return { verdict: "measuring", metric: judged.metric };
  const { change: delta, significant } = change[judged.metric];
  if (delta === null || !significant) return { verdict: "no_change", metric: judged.metric };
  return { verdict: delta > 0 === judged.higherIsBetter ? "improved" : "worse", metric: judged.metric };
}
