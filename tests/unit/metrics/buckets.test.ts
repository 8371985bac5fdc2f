// Day, ISO week (Monday) and month buckets, against a calendar.
import { describe, expect, it } from "vitest";
import { addDays, bucketOf, bucketsBetween, daysBetween, granularityAtMost } from "@/server/metrics/buckets";

describe("bucketOf", () => {
  it("a day is its own bucket", () => {
    expect(bucketOf("2026-11-29", "day")).toBe("2026-11-29");
  });

  it("ISO weeks start on Monday: Sunday 29 Nov 2026 is in the week of Monday 23 Nov; Monday 30 Nov starts one", () => {
    expect(bucketOf("2026-11-29", "week")).toBe("2026-11-23");
    expect(bucketOf("2026-11-30", "week")).toBe("2026-11-30");
  });

  it("a week crosses the year: Friday 1 Jan 2027 is in the week of Monday 28 Dec 2026", () => {
    expect(bucketOf("2027-01-01", "week")).toBe("2026-12-28");
  });

  it("months: 29 Feb 2028 (leap day) is in February", () => {
    expect(bucketOf("2028-02-29", "month")).toBe("2028-02-01");
  });
});

describe("bucketsBetween", () => {
  it("every month touching the range, the first and last partial", () => {
    expect(bucketsBetween("2026-01-30", "2026-03-02", "month")).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
  });

  it("weeks from a Wednesday to the next Monday: two buckets", () => {
    expect(bucketsBetween("2026-11-18", "2026-11-23", "week")).toEqual(["2026-11-16", "2026-11-23"]);
  });

  it("days across the end of March (no time zone games: days are already the organization's)", () => {
    expect(bucketsBetween("2026-03-28", "2026-04-01", "day")).toEqual(["2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31", "2026-04-01"]);
  });

  it("one day", () => {
    expect(bucketsBetween("2026-05-05", "2026-05-05", "week")).toEqual(["2026-05-04"]);
  });
});

describe("day arithmetic", () => {
  it("90 days ending 30 Nov 2026 start on 2 Sep", () => {
    expect(addDays("2026-11-30", -89)).toBe("2026-09-02");
    expect(daysBetween("2026-09-02", "2026-11-30")).toBe(90);
  });
});

describe("granularityAtMost (a sparkline's buckets)", () => {
  // [from, to, asked, at most, expected]: 60 days by day fit; 365 days by day are 53 weeks; a
  // three-year period by week (157 weeks) falls back to its 37 months.
  const cases: [string, string, "day" | "week" | "month", number, "day" | "week" | "month"][] = [
    ["2026-10-02", "2026-11-30", "day", 60, "day"],
    ["2026-10-01", "2026-11-30", "day", 60, "week"],
    ["2025-12-01", "2026-11-30", "day", 60, "week"],
    ["2025-12-01", "2026-11-30", "week", 60, "week"],
    ["2023-11-30", "2026-11-30", "week", 60, "month"],
    ["2023-11-30", "2026-11-30", "day", 10, "month"],
    ["2026-11-01", "2026-11-30", "month", 60, "month"],
  ];
  it.each(cases)("%s … %s by %s, at most %i points → %s", (from, to, asked, max, expected) => {
    expect(granularityAtMost(from, to, asked, max)).toBe(expected);
  });
});
