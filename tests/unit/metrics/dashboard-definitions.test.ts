// The dashboards' own definitions, pinned by hand: the figure set with intervals and flags,
// the "stuck" impact, the emotion-curve flag, and the default period.
import { describe, expect, it } from "vitest";
import { figureSet } from "@/server/metrics/figures";
import { emptyDistribution } from "@/server/metrics/satisfaction";
import { emotionFlag } from "@/server/services/dashboards/map-curve";
import { resolvePeriod, todayIn } from "@/server/services/dashboards/period";
import { stuckImpact } from "@/server/services/dashboards/stuck";

describe("figureSet", () => {
  it("no answers: every value null, n 0, no interval, low sample", () => {
    const f = figureSet(emptyDistribution(), 0);
    for (const metric of ["csatPct", "csatMean", "nps", "cesMean"] as const) {
      expect(f[metric]).toEqual({ value: null, n: 0, interval: null, lowSample: true });
    }
    expect(f.responses).toBe(0);
  });

  it("40 CSAT answers (8 × each score 1…5): 40 % satisfied, mean 3, not low sample", () => {
    const d = emptyDistribution();
    d.csat = [8, 8, 8, 8, 8];
    const f = figureSet(d, 40);
    expect(f.csatPct.value).toBe(40);
    expect(f.csatPct.n).toBe(40);
    expect(f.csatPct.lowSample).toBe(false);
    // Wilson 16/40: centre (.4 + .04802)/1.09604 = .40877, half 1.78822 × √(.006 + .0006) = .14528 → 26.35 … 55.40
    expect(f.csatPct.interval!.low).toBeCloseTo(26.3483, 3);
    expect(f.csatPct.interval!.high).toBeCloseTo(55.4041, 3);
    expect(f.csatMean.value).toBe(3);
    // s² = 8 × (4 + 1 + 0 + 1 + 4)/39 = 2.0513, SE .22646, t(.975, 39) = 2.02269 → 2.5419 … 3.4581
    expect(f.csatMean.interval!.low).toBeCloseTo(2.54194, 4);
    expect(f.nps).toEqual({ value: null, n: 0, interval: null, lowSample: true });
  });
});

describe("stuck impact", () => {
  it("(journey 80 % − touchpoint 60 %) × 50 of 200 CSAT answers = 5 points", () => {
    expect(stuckImpact(80, 60, 50, 200)).toBe(5);
  });

  it("a touchpoint above the average has a negative impact (it is not listed as stuck)", () => {
    expect(stuckImpact(80, 90, 100, 200)).toBe(-5);
  });
});

describe("emotion flag", () => {
  it("one point or more below the design is worse, above is better, less is nothing", () => {
    expect(emotionFlag(1, 0, false)).toBe("worse");
    expect(emotionFlag(-1, 0.5, false)).toBe("better");
    expect(emotionFlag(1, 0.01, false)).toBeNull();
  });

  it("no flag on a low sample, without a design or without answers", () => {
    expect(emotionFlag(2, -2, true)).toBeNull();
    expect(emotionFlag(null, -2, false)).toBeNull();
    expect(emotionFlag(2, null, false)).toBeNull();
  });
});

describe("the period", () => {
  const now = new Date("2026-11-30T03:30:00Z");

  it("today is the organization's: 03:30 UTC on 30 Nov is still 29 Nov in New York", () => {
    expect(todayIn("America/New_York", now)).toBe("2026-11-29");
    expect(todayIn("UTC", now)).toBe("2026-11-30");
  });

  it("default: the last 90 days ending today, compared with the 90 days before", () => {
    expect(resolvePeriod({ compare: "previous", granularity: "week" }, "UTC", now)).toEqual({
      from: "2026-09-02",
      to: "2026-11-30",
      compareFrom: "2026-06-04",
      compareTo: "2026-09-01",
      granularity: "week",
      timeZone: "UTC",
    });
  });

  it("a custom comparison, or none", () => {
    const custom = resolvePeriod({ from: "2026-03-01", to: "2026-03-31", compare: "custom", compareFrom: "2025-03-01", compareTo: "2025-03-31", granularity: "day" }, "UTC", now);
    expect([custom.compareFrom, custom.compareTo]).toEqual(["2025-03-01", "2025-03-31"]);
    const none = resolvePeriod({ from: "2026-03-01", to: "2026-03-31", compare: "none", granularity: "day" }, "UTC", now);
    expect([none.compareFrom, none.compareTo]).toEqual([null, null]);
  });

  it("more than three years is refused with a field error", () => {
    expect(() => resolvePeriod({ from: "2020-01-01", to: "2026-01-01", compare: "none", granularity: "month" }, "UTC", now)).toThrow("at most three years");
  });
});
