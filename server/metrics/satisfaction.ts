// The satisfaction figures of a set of responses, computed from score distributions (how
// many answered each score) — the shape the daily rollup stores, so any range of days, any
// touchpoint or segment sums its rows first and then calls these. One definition for the
// CLI, the dashboards and the findings, so the same responses never show two numbers.

/** How many answered each score: csat[0] is CSAT 1 … csat[4] CSAT 5; nps[0] is NPS 0 … nps[10]; ces[0] is CES 1 … ces[6] CES 7. */
export interface ScoreDistribution {
  csat: number[];
  nps: number[];
  ces: number[];
}

export interface SatisfactionFigures {
  csatN: number;
  /** Share of CSAT answers that are 4 or 5, in percent; null without answers. */
  csatPct: number | null;
  csatMean: number | null;
  npsN: number;
  /** Percent promoters (9–10) minus percent detractors (0–6), −100 … 100; null without answers. */
  nps: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  cesN: number;
  /** Mean of the seven-point "made it easy" scale (higher is easier); null without answers. */
  cesMean: number | null;
}

export const CSAT_SCORES = [1, 2, 3, 4, 5] as const;
export const NPS_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const CES_SCORES = [1, 2, 3, 4, 5, 6, 7] as const;

export function emptyDistribution(): ScoreDistribution {
  return { csat: CSAT_SCORES.map(() => 0), nps: NPS_SCORES.map(() => 0), ces: CES_SCORES.map(() => 0) };
}

/** Adds b into a (for summing rollup rows). */
export function addDistribution(a: ScoreDistribution, b: ScoreDistribution): ScoreDistribution {
  const add = (x: number[], y: number[]) => x.map((n, i) => n + (y[i] ?? 0));
  return { csat: add(a.csat, b.csat), nps: add(a.nps, b.nps), ces: add(a.ces, b.ces) };
}

/** Adds b into a, in place: summing thousands of rollup rows allocates nothing per row. */
export function addDistributionInto(a: ScoreDistribution, b: ScoreDistribution): void {
  for (let i = 0; i < a.csat.length; i++) a.csat[i]! += b.csat[i] ?? 0;
  for (let i = 0; i < a.nps.length; i++) a.nps[i]! += b.nps[i] ?? 0;
  for (let i = 0; i < a.ces.length; i++) a.ces[i]! += b.ces[i] ?? 0;
}

const total = (counts: number[]) => counts.reduce((sum, n) => sum + n, 0);
const mean = (counts: number[], scores: readonly number[]) => {
  const n = total(counts);
  return n === 0 ? null : counts.reduce((sum, count, i) => sum + count * scores[i]!, 0) / n;
};
const sumOf = (counts: number[], scores: readonly number[], include: (score: number) => boolean) =>
  counts.reduce((sum, count, i) => (include(scores[i]!) ? sum + count : sum), 0);

export function satisfactionFigures(d: ScoreDistribution): SatisfactionFigures {
  const csatN = total(d.csat);
  const npsN = total(d.nps);
  const promoters = sumOf(d.nps, NPS_SCORES, (s) => s >= 9);
  const passives = sumOf(d.nps, NPS_SCORES, (s) => s === 7 || s === 8);
  const detractors = sumOf(d.nps, NPS_SCORES, (s) => s <= 6);
  return {
    csatN,
    csatPct: csatN === 0 ? null : (100 * sumOf(d.csat, CSAT_SCORES, (s) => s >= 4)) / csatN,
    csatMean: mean(d.csat, CSAT_SCORES),
    npsN,
    nps: npsN === 0 ? null : (100 * (promoters - detractors)) / npsN,
    promoters,
    passives,
    detractors,
    cesN: total(d.ces),
    cesMean: mean(d.ces, CES_SCORES),
  };
}
