// The customers' curve on the canvas: its period presets and URL form, how an interval is cut
// at the ends of the −2…+2 scale, the signed emotion text, and the flag counts of the strip.
// Expected values are worked out by hand.
import { describe, expect, it } from "vitest";
import {
  addDays,
  curveCounts,
  curveRangeFromQuery,
  errorBarOf,
  formatEmotion,
  presetPeriod,
  rangeLabel,
  type CurvePoint,
} from "@/app/o/[orgSlug]/journeys/[mapId]/_components/customer-curve/curve-model";

describe("the curve's period", () => {
  it("moves calendar days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    // Europe's clocks go forward on 29 March 2026: whole days still move by one.
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
  });

  it("counts a preset's days with today included", () => {
    expect(presetPeriod("7d", "2026-11-30")).toEqual({ from: "2026-11-24", to: "2026-11-30" });
    expect(presetPeriod("30d", "2026-11-30")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    // 30 days of November, 31 of October, 29 of September (2nd to 30th).
    expect(presetPeriod("90d", "2026-11-30")).toEqual({ from: "2026-09-02", to: "2026-11-30" });
    expect(presetPeriod("365d", "2026-11-30")).toEqual({ from: "2025-12-01", to: "2026-11-30" });
  });

  it("reads a preset or two days from the address, and falls back to the last 90 days", () => {
    expect(curveRangeFromQuery({ range: "30d" })).toEqual({ kind: "preset", id: "30d" });
    expect(curveRangeFromQuery({ from: "2026-01-01", to: "2026-03-31" })).toEqual({ kind: "days", from: "2026-01-01", to: "2026-03-31" });
    expect(curveRangeFromQuery({})).toEqual({ kind: "preset", id: "90d" });
    expect(curveRangeFromQuery({ range: "2y" })).toEqual({ kind: "preset", id: "90d" });
    expect(curveRangeFromQuery({ from: "2026-03-31", to: "2026-01-01" })).toEqual({ kind: "preset", id: "90d" });
    expect(curveRangeFromQuery({ from: "2026-02-30", to: "2026-03-31" })).toEqual({ kind: "preset", id: "90d" });
    expect(curveRangeFromQuery({ from: "2026-13-01", to: "2026-13-02" })).toEqual({ kind: "preset", id: "90d" });
    expect(curveRangeFromQuery({ from: "2026-01-01" })).toEqual({ kind: "preset", id: "90d" });
  });

  it("names the period as the control shows it", () => {
    expect(rangeLabel({ kind: "preset", id: "365d" })).toBe("Last 12 months");
    expect(rangeLabel({ kind: "days", from: "2026-01-01", to: "2026-03-31" })).toBe("1 Jan 2026 – 31 Mar 2026");
  });
});

const point = (over: Partial<CurvePoint>): CurvePoint => ({
  touchpointId: "t",
  key: "t",
  name: "T",
  channel: "web",
  stage: { id: "s", name: "S", position: "a0" },
  designed: 0,
  actual: 0,
  interval: { low: -0.1, high: 0.1 },
  n: 100,
  lowSample: false,
  csatPct: 50,
  lastResponseAt: null,
  flag: null,
  ...over,
});

describe("the curve's points", () => {
  it("draws an interval as the distances below and above the point, cut at the ends of the scale", () => {
    expect(errorBarOf(point({ actual: -0.8, interval: { low: -1.0, high: -0.6 } }))).toEqual([expect.closeTo(0.2, 10), expect.closeTo(0.2, 10)]);
    // One answer of 5 and one of 4: mean 4.5 → +1.5, t-interval 4.5 ± 12.706·0.5 → cut at +2.
    expect(errorBarOf(point({ actual: 1.5, interval: { low: 1.5 - 6.353, high: 1.5 + 6.353 } }))).toEqual([3.5, 0.5]);
    expect(errorBarOf(point({ actual: 1, interval: null }))).toBeNull();
    expect(errorBarOf(point({ actual: null }))).toBeNull();
  });

  it("writes positions on the scale signed, with a true minus sign", () => {
    expect(formatEmotion(-0.75)).toBe("−0.8");
    expect(formatEmotion(1.24)).toBe("+1.2");
    expect(formatEmotion(0.04)).toBe("0.0");
    expect(formatEmotion(-2)).toBe("−2.0");
  });

  it("counts measured and flagged touchpoints of the map only", () => {
    const points = new Map([
      ["a", point({ touchpointId: "a", flag: "worse" })],
      ["b", point({ touchpointId: "b", flag: "better" })],
      ["c", point({ touchpointId: "c", flag: "better" })],
      ["d", point({ touchpointId: "d", actual: null, n: 0, csatPct: null })],
      ["gone", point({ touchpointId: "gone", flag: "worse" })],
    ]);
    expect(curveCounts([{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }, { id: "e" }], points)).toEqual({ worse: 1, better: 2, measured: 3, total: 5 });
  });
});
