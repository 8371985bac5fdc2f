// 95% intervals against values worked out by hand from the textbook formulas (the working is
// in each comment), for the cases that break naive code: no answers, one answer, ties, all
// detractors.
import { describe, expect, it } from "vitest";
import { LOW_SAMPLE, isLowSample, meanStats, npsInterval, npsStandardError, tInterval, tQuantile, wilsonPct } from "@/server/metrics/intervals";

const CSAT = [1, 2, 3, 4, 5];

describe("wilsonPct (CSAT %)", () => {
  it("8 satisfied of 10: p = .8, z² = 3.8415, centre .99207/1.38415 = .71674, half .22658 → 49.02 … 94.33", () => {
    const i = wilsonPct(8, 10)!;
    expect(i.low).toBeCloseTo(49.0162, 3);
    expect(i.high).toBeCloseTo(94.3318, 3);
  });

  it("none satisfied of 5: the interval starts at 0 and does not collapse (0 … 43.45)", () => {
    const i = wilsonPct(0, 5)!;
    expect(i.low).toBe(0);
    expect(i.high).toBeCloseTo(43.4482, 3);
  });

  it("one answer, satisfied: 20.65 … 100, not a certainty", () => {
    const i = wilsonPct(1, 1)!;
    expect(i.low).toBeCloseTo(20.6549, 3);
    expect(i.high).toBe(100);
  });

  it("no answers: no interval", () => {
    expect(wilsonPct(0, 0)).toBeNull();
  });
});

describe("tInterval (CSAT and CES means)", () => {
  it("answers 1,3,3,4,4,4,5,5,5,5: mean 3.9, s² = 14.9/9, t(.975, 9) = 2.26216 → 2.9796 … 4.8204", () => {
    const stats = meanStats([1, 0, 2, 3, 4], CSAT);
    expect(stats.n).toBe(10);
    expect(stats.mean).toBeCloseTo(3.9, 10);
    expect(stats.variance).toBeCloseTo(1.655556, 5);
    const i = tInterval(stats)!;
    expect(i.low).toBeCloseTo(2.97956, 4);
    expect(i.high).toBeCloseTo(4.82044, 4);
  });

  it("ties only (five 4s): no spread, the interval is the mean itself", () => {
    expect(tInterval(meanStats([0, 0, 0, 5, 0], CSAT))).toEqual({ low: 4, high: 4 });
  });

  it("one answer: a mean but no interval (no variance from one answer)", () => {
    const stats = meanStats([0, 1, 0, 0, 0], CSAT);
    expect(stats).toEqual({ n: 1, mean: 2, variance: null });
    expect(tInterval(stats)).toBeNull();
  });

  it("no answers: no mean, no interval", () => {
    expect(meanStats([0, 0, 0, 0, 0], CSAT)).toEqual({ n: 0, mean: null, variance: null });
    expect(tInterval(meanStats([0, 0, 0, 0, 0], CSAT))).toBeNull();
  });

  it("t quantiles match the published table", () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.2622, 4);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.0452, 4);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.96, 3);
  });
});

describe("NPS standard error and interval", () => {
  it("5 promoters, 3 passives, 2 detractors: NPS 30, var = .5 + .2 − .3² = .61, SE = √(.061) = 24.698 points → −18.41 … 78.41", () => {
    expect(npsStandardError(5, 2, 10)).toBeCloseTo(24.6982, 3);
    const i = npsInterval(5, 2, 10)!;
    expect(i.low).toBeCloseTo(-18.4075, 3);
    expect(i.high).toBeCloseTo(78.4075, 3);
  });

  it("all detractors: NPS −100 with no spread, the interval stays at −100", () => {
    expect(npsStandardError(0, 4, 4)).toBe(0);
    expect(npsInterval(0, 4, 4)).toEqual({ low: -100, high: -100 });
  });

  it("the interval is kept within −100 … 100 (9 promoters, 1 detractor: 80 ± 37.19 → 42.81 … 100)", () => {
    // var = .9 + .1 − .8² = .36, SE = √(.036) = 18.974 points, 1.96 × SE = 37.19
    const i = npsInterval(9, 1, 10)!;
    expect(i.low).toBeCloseTo(42.8123, 3);
    expect(i.high).toBe(100);
  });

  it("fewer than two answers: no interval", () => {
    expect(npsInterval(1, 0, 1)).toBeNull();
    expect(npsInterval(0, 0, 0)).toBeNull();
  });
});

describe("low sample", () => {
  it("below 30 answers is low sample; 30 is not", () => {
    expect(LOW_SAMPLE).toBe(30);
    expect(isLowSample(29)).toBe(true);
    expect(isLowSample(30)).toBe(false);
    expect(isLowSample(0)).toBe(true);
  });
});
