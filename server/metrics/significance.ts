// Whether a figure changed significantly between two periods (two-sided, 5% level):
// two-proportion z test for CSAT %, Welch's t test for the means, and a z test on the NPS
// difference with the two periods' standard errors combined.
import { npsStandardError, tQuantile, Z95, type MeanStats } from "./intervals";

/** Pooled two-proportion z test; false when either period has no answers or nothing varies. */
export function proportionChangeSignificant(a: { successes: number; n: number }, b: { successes: number; n: number }): boolean {
  if (a.n === 0 || b.n === 0) return false;
  const pooled = (a.successes + b.successes) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  if (se === 0) return false;
  return Math.abs(a.successes / a.n - b.successes / b.n) / se >= Z95;
}

/** Welch–Satterthwaite degrees of freedom of two samples' variances. */
export function welchDegreesOfFreedom(a: MeanStats, b: MeanStats): number | null {
  if (a.variance === null || b.variance === null) return null;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  if (va + vb === 0) return null;
  return (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
}

/**
 * Welch's t test; needs two answers in each period. Two periods without any spread in their
 * scores differ significantly exactly when their means differ.
 */
export function meanChangeSignificant(a: MeanStats, b: MeanStats): boolean {
  if (a.mean === null || b.mean === null || a.variance === null || b.variance === null) return false;
  const se = Math.sqrt(a.variance / a.n + b.variance / b.n);
  if (se === 0) return a.mean !== b.mean;
  const df = welchDegreesOfFreedom(a, b)!;
  return Math.abs(a.mean - b.mean) / se >= tQuantile(0.975, df);
}

export interface NpsCounts {
  promoters: number;
  detractors: number;
  n: number;
}

/** z test on NPS_a − NPS_b with SE = √(SE_a² + SE_b²); same zero-spread rule as the means. */
export function npsChangeSignificant(a: NpsCounts, b: NpsCounts): boolean {
  const seA = npsStandardError(a.promoters, a.detractors, a.n);
  const seB = npsStandardError(b.promoters, b.detractors, b.n);
  if (seA === null || seB === null) return false;
  const difference = (100 * (a.promoters - a.detractors)) / a.n - (100 * (b.promoters - b.detractors)) / b.n;
  const se = Math.sqrt(seA ** 2 + seB ** 2);
  if (se === 0) return difference !== 0;
  return Math.abs(difference) / se >= Z95;
}
