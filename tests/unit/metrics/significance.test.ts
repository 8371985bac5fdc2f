// Whether a change between two periods is significant, against test statistics worked out by
// hand (working in each comment).
import { describe, expect, it } from "vitest";
import { changes } from "@/server/metrics/figures";
import { meanStats } from "@/server/metrics/intervals";
import { emptyDistribution } from "@/server/metrics/satisfaction";
import { meanChangeSignificant, npsChangeSignificant, proportionChangeSignificant, welchDegreesOfFreedom } from "@/server/metrics/significance";

const CSAT = [1, 2, 3, 4, 5];
/** Counts per CSAT score from a list of answers. */
const csat = (answers: number[]) => CSAT.map((s) => answers.filter((a) => a === s).length);

describe("CSAT %: two-proportion z test", () => {
  it("80/100 vs 60/100: pooled .7, SE = √(.21 × .02) = .0648, z = 3.09 → significant", () => {
    expect(proportionChangeSignificant({ successes: 80, n: 100 }, { successes: 60, n: 100 })).toBe(true);
  });

  it("55/100 vs 50/100: SE = √(.2475 × .02) = .0704, z = 0.71 → not significant", () => {
    expect(proportionChangeSignificant({ successes: 55, n: 100 }, { successes: 50, n: 100 })).toBe(false);
  });

  it("no answers in one period, or everyone satisfied in both: not significant", () => {
    expect(proportionChangeSignificant({ successes: 5, n: 5 }, { successes: 0, n: 0 })).toBe(false);
    expect(proportionChangeSignificant({ successes: 5, n: 5 }, { successes: 7, n: 7 })).toBe(false);
  });
});

describe("means: Welch's t test", () => {
  // A = 1,3,3,4,4,4,5,5,5,5: mean 3.9, s² 1.6556; B = 2,2,3,3,3,4: mean 2.8333, s² 0.5667.
  const a = meanStats(csat([1, 3, 3, 4, 4, 4, 5, 5, 5, 5]), CSAT);
  const b = meanStats(csat([2, 2, 3, 3, 3, 4]), CSAT);

  it("A vs B: SE = √(.16556 + .09444) = .5099, t = 2.092, df = 13.998, t(.975, 14) = 2.145 → not significant (a z test would have said yes)", () => {
    expect(welchDegreesOfFreedom(a, b)).toBeCloseTo(13.9977, 3);
    expect(meanChangeSignificant(a, b)).toBe(false);
  });

  it("A vs 1,1,2,2,2,3 (mean 1.8333): t = 4.05 → significant", () => {
    expect(meanChangeSignificant(a, meanStats(csat([1, 1, 2, 2, 2, 3]), CSAT))).toBe(true);
  });

  it("no spread in either period: significant exactly when the means differ", () => {
    const fives = meanStats(csat([5, 5]), CSAT);
    expect(meanChangeSignificant(fives, meanStats(csat([1, 1]), CSAT))).toBe(true);
    expect(meanChangeSignificant(fives, meanStats(csat([5, 5, 5]), CSAT))).toBe(false);
  });

  it("one answer in a period: nothing can be said", () => {
    expect(meanChangeSignificant(a, meanStats(csat([1]), CSAT))).toBe(false);
  });
});

describe("NPS: z test on the difference with combined SE", () => {
  it("60 promoters/20 detractors of 100 (NPS 40) vs 30/40 of 100 (NPS −10): SE² = .0064+.0069 → SE 11.53 points, z = 4.34 → significant", () => {
    // var a = .8 − .16 = .64 → SE 8; var b = .7 − .01 = .69 → SE 8.307; combined √(64 + 69) = 11.53
    expect(npsChangeSignificant({ promoters: 60, detractors: 20, n: 100 }, { promoters: 30, detractors: 40, n: 100 })).toBe(true);
  });

  it("NPS 40 vs 30 on 100 answers each (SE ≈ 11.5): z ≈ 0.86 → not significant", () => {
    expect(npsChangeSignificant({ promoters: 60, detractors: 20, n: 100 }, { promoters: 55, detractors: 25, n: 100 })).toBe(false);
  });

  it("all detractors in both periods: no change, not significant", () => {
    expect(npsChangeSignificant({ promoters: 0, detractors: 4, n: 4 }, { promoters: 0, detractors: 9, n: 9 })).toBe(false);
  });
});

describe("changes() between two distributions", () => {
  it("CSAT % 80 → 60 on 100 answers each: change +20 points, significant; nothing answered NPS or CES", () => {
    const now = emptyDistribution();
    now.csat = [10, 5, 5, 40, 40];
    const before = emptyDistribution();
    before.csat = [20, 10, 10, 30, 30];
    const c = changes(now, before);
    expect(c.csatPct).toEqual({ change: 20, significant: true });
    expect(c.nps).toEqual({ change: null, significant: false });
    expect(c.cesMean).toEqual({ change: null, significant: false });
    // means 3.95 vs 3.4: change .55
    expect(c.csatMean.change).toBeCloseTo(0.55, 10);
  });
});
