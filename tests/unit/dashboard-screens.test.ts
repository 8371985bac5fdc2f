// The dashboard screens' own small rules: the filter bar's date presets, how periods, figures
// and changes are written, the link from a comment to its response (the day in the
// organization's zone), table sorting with missing figures last, and score bar colours.
import { describe, expect, it } from "vitest";
import { responseHref, withFilters } from "@/app/o/[orgSlug]/dashboards/_lib/links";
import { bucketLabel, figureTitle, formatChange, formatFigure, formatPeriod, segmentLabel } from "@/app/o/[orgSlug]/dashboards/_lib/metrics";
import { addDays, presetOf, todayIn } from "@/app/o/[orgSlug]/dashboards/_lib/period";
import { sortRows } from "@/app/o/[orgSlug]/dashboards/_lib/sort";
import { scoreBarsView, segmentsView } from "@/app/o/[orgSlug]/dashboards/_lib/view";

describe("date presets", () => {
  it("counts calendar days across month ends and leap days", () => {
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-11-30", -89)).toBe("2026-09-02");
  });

  it("recognises a preset only when the range ends today and has its length", () => {
    expect(presetOf("2026-11-24", "2026-11-30", "2026-11-30")).toBe("7d");
    expect(presetOf("2026-11-01", "2026-11-30", "2026-11-30")).toBe("30d");
    expect(presetOf("2025-12-01", "2026-11-30", "2026-11-30")).toBe("365d");
    expect(presetOf("2026-11-24", "2026-11-29", "2026-11-30")).toBe("custom");
    expect(presetOf("2026-11-20", "2026-11-30", "2026-11-30")).toBe("custom");
    expect(presetOf(undefined, "2026-11-30", "2026-11-30")).toBe("custom");
  });

  it("takes today in the organization's zone, not the machine's", () => {
    const lateEvening = new Date("2026-03-01T03:30:00Z");
    expect(todayIn("America/New_York", lateEvening)).toBe("2026-02-28");
    expect(todayIn("Europe/Berlin", lateEvening)).toBe("2026-03-01");
    expect(todayIn("Not/AZone", lateEvening)).toBe("2026-03-01");
  });
});

describe("writing figures", () => {
  it("writes each figure in its unit, and a dash when there is none", () => {
    expect(formatFigure("csatPct", 54.5123)).toBe("54.5%");
    expect(formatFigure("nps", -13.6)).toBe("-14");
    expect(formatFigure("cesMean", 4.456)).toBe("4.46");
    expect(formatFigure("responses", 16227)).toBe("16,227");
    expect(formatFigure("csatPct", null)).toBe("–");
  });

  it("signs changes and keeps the metric's precision", () => {
    expect(formatChange("csatPct", 2.24)).toBe("+2.2");
    expect(formatChange("nps", -5)).toBe("−5.0");
    expect(formatChange("cesMean", -0.071)).toBe("−0.07");
    expect(formatChange("responses", 4060)).toBe("+4,060");
    expect(formatChange("csatPct", 0)).toBe("±0.0");
    expect(formatChange("csatPct", null)).toBe("–");
  });

  it("puts the interval, n and the low-sample warning in a figure's title", () => {
    expect(figureTitle("csatPct", { value: 66, n: 214, interval: { low: 61.2, high: 70.4 }, lowSample: false })).toBe("95% interval 61.2% to 70.4% · n = 214");
    expect(figureTitle("nps", { value: 20, n: 12, interval: null, lowSample: true })).toBe("n = 12 · low sample (fewer than 30 answers)");
  });

  it("names periods and buckets as people read them", () => {
    expect(formatPeriod("2026-09-02", "2026-11-30")).toBe("2 Sep – 30 Nov 2026");
    expect(formatPeriod("2025-12-01", "2026-11-30")).toBe("1 Dec 2025 – 30 Nov 2026");
    expect(formatPeriod("2026-11-30", "2026-11-30")).toBe("30 Nov 2026");
    expect(bucketLabel("2026-11-23", "week")).toBe("23 Nov");
    expect(bucketLabel("2026-11-01", "month")).toBe("Nov 2026");
    expect(segmentLabel("age_band")).toBe("Age band");
  });
});

describe("links", () => {
  it("carries the filters to another screen, leaving defaults out", () => {
    expect(withFilters("/o/acme/dashboards", { compare: "previous", granularity: "week" })).toBe("/o/acme/dashboards");
    expect(withFilters("/o/acme/dashboards/stuck", { granularity: "month", segmentKey: "region", segmentValues: ["West", "South"] })).toBe(
      "/o/acme/dashboards/stuck?segmentKey=region&granularity=month&segmentValue=West&segmentValue=South",
    );
  });

  it("points a comment at its response: its touchpoint, its day in the organization's zone and its words", () => {
    const href = responseHref("acme", { touchpointId: "0192f0a4-0000-7000-8000-000000000001", submittedAt: new Date("2026-03-01T03:30:00Z"), comment: "Late & 50% off?" }, "America/New_York");
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/o/acme/surveys/responses");
    expect(Object.fromEntries(url.searchParams)).toEqual({ touchpointId: "0192f0a4-0000-7000-8000-000000000001", from: "2026-02-28", to: "2026-02-28", q: "Late & 50% off?" });
    const long = new URL(responseHref("acme", { touchpointId: "t", submittedAt: "2026-03-01T12:00:00Z", comment: "x".repeat(500) }, "UTC"), "http://x");
    expect(long.searchParams.get("q")).toHaveLength(200);
  });
});

describe("tables and bars", () => {
  const rows = [
    { name: "Delivery", csat: 81.4 },
    { name: "Set-up", csat: 6.2 },
    { name: "Warranty", csat: null },
    { name: "checkout", csat: 74.1 },
  ];
  const valueOf = (row: (typeof rows)[number], key: "name" | "csat") => row[key];

  it("sorts either way with missing figures last", () => {
    expect(sortRows(rows, { key: "csat", dir: "asc" }, valueOf).map((r) => r.name)).toEqual(["Set-up", "checkout", "Delivery", "Warranty"]);
    expect(sortRows(rows, { key: "csat", dir: "desc" }, valueOf).map((r) => r.name)).toEqual(["Delivery", "checkout", "Set-up", "Warranty"]);
    expect(sortRows(rows, { key: "name", dir: "asc" }, valueOf).map((r) => r.name)).toEqual(["checkout", "Delivery", "Set-up", "Warranty"]);
  });

  it("colours score bars by each scale's usual bands", () => {
    const tones = (metric: "csat" | "nps" | "ces", scores: number[]) => scoreBarsView(metric, scores.map((score) => ({ score, count: 1 }))).map((b) => b.tone[0]).join("");
    expect(tones("csat", [1, 2, 3, 4, 5])).toBe("bbmgg");
    expect(tones("nps", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe("bbbbbbbmmgg");
    expect(tones("ces", [1, 2, 3, 4, 5, 6, 7])).toBe("bbbmggg");
  });

  it("lists segment values in reading order", () => {
    const figures = { responses: 1, csatPct: { value: 1, n: 1, interval: null, lowSample: true } } as never;
    const view = segmentsView([{ key: "age_band", values: ["65+", "25–34", "18–24", "100+"].map((value) => ({ value, figures })) }] as never);
    expect(view[0]!.rows.map((r) => r.label)).toEqual(["18–24", "25–34", "65+", "100+"]);
  });
});
