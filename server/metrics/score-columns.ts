// The rollup's score-distribution columns (csat_1 … csat_5, nps_0 … nps_10, ces_1 … ces_7),
// named once: the queries that sum them and the code that reads them back agree by construction.
import { CES_SCORES, CSAT_SCORES, NPS_SCORES, type ScoreDistribution } from "./satisfaction";

const columns = (metric: string, scores: readonly number[]) => scores.map((s) => `${metric}_${s}`);

export const SCORE_COLUMNS = { csat: columns("csat", CSAT_SCORES), nps: columns("nps", NPS_SCORES), ces: columns("ces", CES_SCORES) } as const;
export const ALL_SCORE_COLUMNS = [...SCORE_COLUMNS.csat, ...SCORE_COLUMNS.nps, ...SCORE_COLUMNS.ces];

/** Each column with its metric and score: `count(*) filter (where csat = 1) as csat_1` and the like. */
export const SCORE_COLUMN_DEFINITIONS = [
  ...CSAT_SCORES.map((score) => ({ metric: "csat" as const, score, column: `csat_${score}` })),
  ...NPS_SCORES.map((score) => ({ metric: "nps" as const, score, column: `nps_${score}` })),
  ...CES_SCORES.map((score) => ({ metric: "ces" as const, score, column: `ces_${score}` })),
];

/** A distribution from a result row carrying every score column (numbers or numeric strings). */
export function distributionOf(row: Record<string, unknown>): ScoreDistribution {
  return { csat: countsOf(row, SCORE_COLUMNS.csat), nps: countsOf(row, SCORE_COLUMNS.nps), ces: countsOf(row, SCORE_COLUMNS.ces) };
}

// A plain loop: a year of rollup rows passes through here on every dashboard call.
function countsOf(row: Record<string, unknown>, names: readonly string[]): number[] {
  const counts = new Array<number>(names.length);
  for (let i = 0; i < names.length; i++) {
    const value = row[names[i]!];
    counts[i] = typeof value === "number" ? value : Number(value ?? 0);
  }
  return counts;
}
