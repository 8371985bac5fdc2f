// The alert policy, pinned by hand: when an alert fires, stays, or clears, and how its figure
// is worded. Distributions are counts per score (csat[0] = CSAT 1 … csat[4] = CSAT 5).
import { describe, expect, it } from "vitest";
import { alertFiredText, alertRuleText } from "@/lib/alert-wording";
import { daysBefore, dayIn, judgeAlert, type AlertRule } from "@/server/services/alert-checks";
import { emptyDistribution, satisfactionFigures } from "@/server/metrics/satisfaction";

const figures = (d: Partial<{ csat: number[]; nps: number[]; ces: number[] }>) => satisfactionFigures({ ...emptyDistribution(), ...d });
const rule = (r: Partial<AlertRule>): AlertRule => ({ metric: "csatPct", comparison: "below", threshold: 70, minimumAnswers: 10, state: "ok", ...r });

describe("judgeAlert", () => {
  // 10 CSAT answers, 6 of them 4–5: 60%.
  const sixOfTen = figures({ csat: [1, 1, 2, 3, 3] });

  it("fires when the figure is past the threshold with enough answers", () => {
    expect(judgeAlert(rule({}), sixOfTen)).toEqual({ state: "firing", value: 60, n: 10 });
  });
  it("does not fire exactly at the threshold (below means strictly below)", () => {
    expect(judgeAlert(rule({ threshold: 60 }), sixOfTen).state).toBe("ok");
    expect(judgeAlert(rule({ comparison: "above", threshold: 60 }), sixOfTen).state).toBe("ok");
    expect(judgeAlert(rule({ comparison: "above", threshold: 59.9 }), sixOfTen).state).toBe("firing");
  });
  it("keeps its state, firing or ok, when the window has too few answers or none", () => {
    expect(judgeAlert(rule({ minimumAnswers: 11 }), sixOfTen)).toEqual({ state: "ok", value: 60, n: 10 });
    expect(judgeAlert(rule({ minimumAnswers: 11, state: "firing" }), sixOfTen).state).toBe("firing");
    expect(judgeAlert(rule({ minimumAnswers: 1, state: "firing" }), figures({}))).toEqual({ state: "firing", value: null, n: 0 });
  });
  it("clears when the figure recovers", () => {
    expect(judgeAlert(rule({ threshold: 50, state: "firing" }), sixOfTen).state).toBe("ok");
  });
  it("counts the answers of the metric it watches", () => {
    // NPS: 2 promoters, 1 passive, 2 detractors of 5: +0; CES answers are not NPS answers.
    const mixed = figures({ nps: [1, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1], ces: [0, 0, 0, 0, 0, 0, 9] });
    expect(judgeAlert(rule({ metric: "nps", threshold: 10, minimumAnswers: 5 }), mixed)).toEqual({ state: "firing", value: 0, n: 5 });
    expect(judgeAlert(rule({ metric: "cesMean", comparison: "above", threshold: 6.5, minimumAnswers: 9 }), mixed)).toEqual({ state: "firing", value: 7, n: 9 });
    expect(judgeAlert(rule({ metric: "csatMean", minimumAnswers: 1 }), mixed)).toEqual({ state: "ok", value: null, n: 0 });
  });
});

describe("alert windows and wording", () => {
  it("takes today in the organization's zone and counts days back on the calendar", () => {
    // 04:30 UTC on 5 March is still 4 March in New York and already 5 March in Tokyo.
    expect(dayIn(new Date("2026-03-05T04:30:00Z"), "America/New_York")).toBe("2026-03-04");
    expect(dayIn(new Date("2026-03-05T04:30:00Z"), "Asia/Tokyo")).toBe("2026-03-05");
    expect(daysBefore("2026-03-01", 1)).toBe("2026-02-28");
    expect(daysBefore("2026-03-09", 6)).toBe("2026-03-03");
  });
  it("words a rule and a fired figure", () => {
    expect(alertRuleText({ metric: "csatPct", comparison: "below", threshold: 70, windowDays: 7, minimumAnswers: 30 })).toBe("CSAT % below 70% over 7 days with at least 30 answers");
    expect(alertRuleText({ metric: "nps", comparison: "above", threshold: 20, windowDays: 1 })).toBe("NPS above +20 today");
    expect(alertFiredText({ metric: "cesMean", comparison: "below", threshold: 4, windowDays: 30, value: 3.25, n: 41 })).toBe("CES mean is 3.3 (41 answers): below 4.0 over 30 days");
    // One answer is "1 answer".
    expect(alertRuleText({ metric: "csatPct", comparison: "below", threshold: 100, windowDays: 365, minimumAnswers: 1 })).toBe("CSAT % below 100% over 365 days with at least 1 answer");
  });
});
