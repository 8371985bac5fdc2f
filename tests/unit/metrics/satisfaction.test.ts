import { describe, expect, it } from "vitest";
import { addDistribution, emptyDistribution, satisfactionFigures, type ScoreDistribution } from "@/server/metrics/satisfaction";

/** A distribution from lists of answers, so each case reads as the answers given. */
function answers(csat: number[], nps: number[], ces: number[]): ScoreDistribution {
  const d = emptyDistribution();
  for (const s of csat) d.csat[s - 1]!++;
  for (const s of nps) d.nps[s]!++;
  for (const s of ces) d.ces[s - 1]!++;
  return d;
}

describe("satisfactionFigures", () => {
  it("no answers: counts are zero and every figure is null, not 0 or NaN", () => {
    expect(satisfactionFigures(emptyDistribution())).toEqual({
      csatN: 0, csatPct: null, csatMean: null, npsN: 0, nps: null, promoters: 0, passives: 0, detractors: 0, cesN: 0, cesMean: null,
    });
  });

  it("one answer of each", () => {
    expect(satisfactionFigures(answers([4], [8], [2]))).toEqual({
      csatN: 1, csatPct: 100, csatMean: 4, npsN: 1, nps: 0, promoters: 0, passives: 1, detractors: 0, cesN: 1, cesMean: 2,
    });
  });

  it("boundaries: CSAT 3 is not satisfied, NPS 6 detracts, 7–8 are passive, 9 promotes", () => {
    // CSAT 3,4,5,5 → 3 of 4 satisfied = 75 %, mean 17/4; NPS 6,7,8,9,10 → (2 − 1)/5 = 20
    const f = satisfactionFigures(answers([3, 4, 5, 5], [6, 7, 8, 9, 10], []));
    expect(f.csatPct).toBe(75);
    expect(f.csatMean).toBe(4.25);
    expect(f).toMatchObject({ promoters: 2, passives: 2, detractors: 1, npsN: 5, nps: 20 });
  });

  it("ties: as many promoters as detractors is an NPS of 0", () => {
    expect(satisfactionFigures(answers([], [0, 10, 3, 9], [])).nps).toBe(0);
  });

  it("all detractors is −100; all promoters is 100", () => {
    expect(satisfactionFigures(answers([], [0, 1, 2, 6, 6], [])).nps).toBe(-100);
    expect(satisfactionFigures(answers([], [9, 10], [])).nps).toBe(100);
  });

  it("CES mean and thirds", () => {
    // 1 + 2 + 7 = 10 over 3
    expect(satisfactionFigures(answers([], [], [1, 2, 7])).cesMean).toBeCloseTo(10 / 3, 12);
    expect(satisfactionFigures(answers([1, 2, 5], [], [])).csatPct).toBeCloseTo(100 / 3, 12);
  });

  it("adding distributions equals computing over all the answers", () => {
    const a = answers([1, 5], [0, 9], [7]);
    const b = answers([4], [10, 10, 6], [1, 1]);
    expect(satisfactionFigures(addDistribution(a, b))).toEqual(satisfactionFigures(answers([1, 5, 4], [0, 9, 10, 10, 6], [7, 1, 1])));
  });
});
