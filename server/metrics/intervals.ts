// 95% intervals for the satisfaction figures, from score distributions: Wilson for CSAT %
// (a proportion), Student's t for the CSAT and CES means (sample variance, df = n − 1), and the
// trinomial standard error for NPS. A figure with fewer than LOW_SAMPLE answers is flagged.
import jStat from "jstat";

/** Below this many answers a figure is shown as "low sample", not as if it were solid. */
export const LOW_SAMPLE = 30;
/** The two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

const quantiles = new Map<string, number>();
const MAX_REMEMBERED = 20_000;

/**
 * Student's t quantile (jstat's inverse CDF, accurate to ~1e-9 against published tables).
 * Remembered per (p, df): the inverse CDF iterates (~30 µs), and a 365-day view asks for the
 * same few hundred sample sizes on every call.
 */
export function tQuantile(p: number, df: number): number {
  const key = `${p}:${df}`;
  let q = quantiles.get(key);
  if (q === undefined) {
    if (quantiles.size >= MAX_REMEMBERED) quantiles.clear();
    q = jStat.studentt.inv(p, df);
    quantiles.set(key, q);
  }
  return q;
}

/** Wilson score interval of successes / n, in percent; null without answers. */
export function wilsonPct(successes: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: 100 * Math.max(0, center - half), high: 100 * Math.min(1, center + half) };
}

export interface MeanStats {
  n: number;
  mean: number | null;
  /** Sample variance (divisor n − 1); null below two answers. */
  variance: number | null;
}

/** n, mean and sample variance of a distribution: counts[i] answered scores[i]. */
export function meanStats(counts: readonly number[], scores: readonly number[]): MeanStats {
  const n = counts.reduce((sum, c) => sum + c, 0);
  if (n === 0) return { n, mean: null, variance: null };
  const mean = counts.reduce((sum, c, i) => sum + c * scores[i]!, 0) / n;
  if (n < 2) return { n, mean, variance: null };
  const squares = counts.reduce((sum, c, i) => sum + c * (scores[i]! - mean) ** 2, 0);
  return { n, mean, variance: squares / (n - 1) };
}

/** mean ± t(0.975, n − 1) · s / √n; null below two answers (no variance to speak of). */
export function tInterval(stats: MeanStats): Interval | null {
  if (stats.mean === null || stats.variance === null) return null;
  const half = tQuantile(0.975, stats.n - 1) * Math.sqrt(stats.variance / stats.n);
  return { low: stats.mean - half, high: stats.mean + half };
}

/**
 * Standard error of NPS in points: NPS/100 = p − d with p, d the promoter and detractor
 * shares, whose variance per answer is p + d − (p − d)² (a trinomial score of +1, 0, −1).
 */
export function npsStandardError(promoters: number, detractors: number, n: number): number | null {
  if (n < 2) return null;
  const p = promoters / n;
  const d = detractors / n;
  return 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
}

/** NPS ± 1.96 SE, kept within −100 … 100; null below two answers. */
export function npsInterval(promoters: number, detractors: number, n: number): Interval | null {
  const se = npsStandardError(promoters, detractors, n);
  if (se === null) return null;
  const nps = (100 * (promoters - detractors)) / n;
  return { low: Math.max(-100, nps - Z95 * se), high: Math.min(100, nps + Z95 * se) };
}

export const isLowSample = (n: number) => n < LOW_SAMPLE;
