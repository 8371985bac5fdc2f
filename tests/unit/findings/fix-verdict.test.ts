// The fix verdict on hand-made before/after distributions.
import { describe, expect, it } from "vitest";
import { fixVerdict } from "@/server/findings/fix-verdict";
import { changes, figureSet } from "@/server/metrics/figures";
import type { ScoreDistribution } from "@/server/metrics/satisfaction";

/** n CSAT answers of which `satisfied` are 5 and the rest 1. */
const csat = (satisfied: number, n: number): ScoreDistribution => ({ csat: [n - satisfied, 0, 0, 0, satisfied], nps: Array(11).fill(0), ces: Array(7).fill(0) });
const nps = (promoters: number, detractors: number): ScoreDistribution => ({ csat: [0, 0, 0, 0, 0], nps: [detractors, 0, 0, 0, 0, 0, 0, 0, 0, 0, promoters], ces: Array(7).fill(0) });

function judge(before: ScoreDistribution, after: ScoreDistribution, daysSince: number) {
  const count = (d: ScoreDistribution) => [...d.csat, ...d.nps, ...d.ces].reduce((a, b) => a + b, 0);
  return fixVerdict(figureSet(before, count(before)), figureSet(after, count(after)), changes(after, before), daysSince);
}

describe("fixVerdict", () => {
  it.each([
    // 50% → 90% of 40 answers each: z ≈ 3.9, significant.
    ["improved", csat(20, 40), csat(36, 40), 20, { verdict: "improved", metric: "csatPct" }],
    // 50% → 55%: z ≈ 0.45.
    ["no change", csat(20, 40), csat(22, 40), 20, { verdict: "no_change", metric: "csatPct" }],
    ["worse", csat(36, 40), csat(20, 40), 20, { verdict: "worse", metric: "csatPct" }],
    // 3 days and 10 answers since: too early.
    ["too early", csat(20, 40), csat(10, 10), 3, { verdict: "measuring", metric: "csatPct" }],
    // 3 days but 40 answers since: enough answers.
    ["enough answers early", csat(20, 40), csat(36, 40), 3, { verdict: "improved", metric: "csatPct" }],
    // No CSAT asked: NPS −50 → +50 on 40 answers each.
    ["NPS when no CSAT", nps(10, 30), nps(30, 10), 20, { verdict: "improved", metric: "nps" }],
    ["nothing asked", csat(0, 0), csat(0, 0), 20, { verdict: "no_data", metric: null }],
  ])("%s", (_, before, after, days, expected) => {
    expect(judge(before, after, days)).toEqual(expected);
  });
});
