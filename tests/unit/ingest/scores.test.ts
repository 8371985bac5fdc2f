// Survey answers as scores: numbers and the standard labels of each scale, read the way a
// CX analyst would read them; anything else is an error, never a silent guess.
import { describe, expect, it } from "vitest";
import { parseScore } from "@/server/ingest/scores";

const value = (metric: "csat" | "nps" | "ces", raw: string) => {
  const result = parseScore(metric, raw);
  return result.ok ? result.value : `error: ${result.message}`;
};

describe("parseScore", () => {
  it("reads numbers on each scale, and an empty answer as not answered", () => {
    expect(value("csat", "4")).toBe(4);
    expect(value("csat", " 5 ")).toBe(5);
    expect(value("csat", "4.0")).toBe(4);
    expect(value("csat", "4,0")).toBe(4);
    expect(value("nps", "0")).toBe(0);
    expect(value("nps", "10")).toBe(10);
    expect(value("ces", "7")).toBe(7);
    expect(value("csat", "")).toBeNull();
    expect(value("nps", "   ")).toBeNull();
  });

  it("reads the standard labels as a human would", () => {
    const expected: [string, "csat" | "nps" | "ces", number][] = [
      ["Very satisfied", "csat", 5],
      ["very  SATISFIED", "csat", 5],
      ["Satisfied", "csat", 4],
      ["Neither satisfied nor dissatisfied", "csat", 3],
      ["Dissatisfied", "csat", 2],
      ["Very dissatisfied", "csat", 1],
      ["5 - Very satisfied", "csat", 5],
      ["1 = Very dissatisfied", "csat", 1],
      ["10 - Extremely likely", "nps", 10],
      ["0 - Not at all likely", "nps", 0],
      ["Extremely likely", "nps", 10],
      ["Not at all likely", "nps", 0],
      ["7 (Strongly agree)", "ces", 7],
      ["Strongly agree", "ces", 7],
      ["Agree", "ces", 6],
      ["Somewhat agree", "ces", 5],
      ["Neither agree nor disagree", "ces", 4],
      ["Somewhat disagree", "ces", 3],
      ["Disagree", "ces", 2],
      ["Strongly disagree", "ces", 1],
      ["Very easy", "ces", 6],
      ["Extremely difficult", "ces", 1],
    ];
    for (const [raw, metric, score] of expected) expect(value(metric, raw), `${metric}: ${raw}`).toBe(score);
  });

  it("refuses values outside the scale, fractions and unknown labels, naming the value", () => {
    expect(value("csat", "6")).toBe("error: CSAT must be between 1 and 5; got 6.");
    expect(value("csat", "0")).toBe("error: CSAT must be between 1 and 5; got 0.");
    expect(value("nps", "11")).toBe("error: NPS must be between 0 and 10; got 11.");
    expect(value("nps", "-1")).toBe("error: NPS must be between 0 and 10; got -1.");
    expect(value("ces", "8")).toBe("error: CES must be between 1 and 7; got 8.");
    expect(value("csat", "4.5")).toBe("error: CSAT must be a whole number; got 4.5.");
    expect(value("csat", "Extremely likely")).toMatch(/^error: "Extremely likely" is not a CSAT answer/);
    expect(value("nps", "Very satisfied")).toMatch(/^error: "Very satisfied" is not a NPS answer/);
    expect(value("ces", "=1+1")).toMatch(/^error: "=1\+1" is not a CES answer/);
    expect(value("csat", "12 - Great")).toBe("error: CSAT must be between 1 and 5; got 12 - Great.");
  });
});
