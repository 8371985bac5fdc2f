// What every dashboard shows for a set of responses: each figure with its sample size, 95%
// interval and low-sample flag, and how it compares with another period. Built from the score
// distribution only, so the rollup and the raw responses give the same figures by construction.
import { isLowSample, meanStats, npsInterval, tInterval, wilsonPct, type Interval } from "./intervals";
import { CES_SCORES, CSAT_SCORES, satisfactionFigures, type ScoreDistribution, type SatisfactionFigures } from "./satisfaction";
import { meanChangeSignificant, npsChangeSignificant, proportionChangeSignificant } from "./significance";

export interface Estimate {
  value: number | null;
  /** Answers the figure is computed from. */
  n: number;
  /** 95% interval; null without enough answers (none for CSAT %, fewer than two otherwise). */
  interval: Interval | null;
  /** Fewer than LOW_SAMPLE answers: show it, but not as if it were solid. */
  lowSample: boolean;
}

export interface FigureSet {
  responses: number;
  csatPct: Estimate;
  csatMean: Estimate;
  nps: Estimate;
  promoters: number;
  passives: number;
  detractors: number;
  cesMean: Estimate;
}

export const METRICS = ["csatPct", "csatMean", "nps", "cesMean"] as const;
export type Metric = (typeof METRICS)[number];

/** CSAT answers of 4 or 5. */
const satisfied = (d: ScoreDistribution) => (d.csat[3] ?? 0) + (d.csat[4] ?? 0);

const estimate = (value: number | null, n: number, interval: Interval | null): Estimate => ({ value, n, interval, lowSample: isLowSample(n) });

export function figureSet(d: ScoreDistribution, responses: number): FigureSet {
  const f = satisfactionFigures(d);
  return {
    responses,
    csatPct: estimate(f.csatPct, f.csatN, wilsonPct(satisfied(d), f.csatN)),
    csatMean: estimate(f.csatMean, f.csatN, tInterval(meanStats(d.csat, CSAT_SCORES))),
    nps: estimate(f.nps, f.npsN, npsInterval(f.promoters, f.detractors, f.npsN)),
    promoters: f.promoters,
    passives: f.passives,
    detractors: f.detractors,
    cesMean: estimate(f.cesMean, f.cesN, tInterval(meanStats(d.ces, CES_SCORES))),
  };
}

/** The flat figures of the read API and the CLI (same definitions), with the response count. */
export function flatFigures(d: ScoreDistribution, responses: number): SatisfactionFigures & { n: number } {
  return { n: responses, ...satisfactionFigures(d) };
}

export interface Change {
  /** current − previous, in the figure's unit (points for CSAT % and NPS); null when either is missing. */
  change: number | null;
  /** Two-sided test at 5%: two-proportion z (CSAT %), Welch t (means), z on the NPS difference. */
  significant: boolean;
}

/** How each figure moved from the previous distribution to the current one. */
export function changes(current: ScoreDistribution, previous: ScoreDistribution): Record<Metric, Change> {
  const now = satisfactionFigures(current);
  const before = satisfactionFigures(previous);
  const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    csatPct: {
      change: difference(now.csatPct, before.csatPct),
      significant: proportionChangeSignificant({ successes: satisfied(current), n: now.csatN }, { successes: satisfied(previous), n: before.csatN }),
    },
    csatMean: { change: difference(now.csatMean, before.csatMean), significant: meanChangeSignificant(meanStats(current.csat, CSAT_SCORES), meanStats(previous.csat, CSAT_SCORES)) },
    nps: {
      change: difference(now.nps, before.nps),
      significant: npsChangeSignificant({ promoters: now.promoters, detractors: now.detractors, n: now.npsN }, { promoters: before.promoters, detractors: before.detractors, n: before.npsN }),
    },
    cesMean: { change: difference(now.cesMean, before.cesMean), significant: meanChangeSignificant(meanStats(current.ces, CES_SCORES), meanStats(previous.ces, CES_SCORES)) },
  };
}
