// The explorer's filters travel in the URL: what the page writes, the page and the CSV export
// read back the same; empty or malformed parameters never widen into something else silently.
import { describe, expect, it } from "vitest";
import { filtersFromQuery, filtersToQuery, type ResponseFilters } from "@/server/schemas/responses";

describe("response filters in the URL", () => {
  it("round-trips every filter", () => {
    const filters: ResponseFilters = {
      surveyId: "0196a0a0-0000-7000-8000-000000000001",
      touchpointId: "0196a0a0-0000-7000-8000-000000000002",
      stageId: "0196a0a0-0000-7000-8000-000000000003",
      from: "2026-03-01",
      to: "2026-03-31",
      metric: "nps",
      min: 0,
      max: 6,
      hasComment: false,
      q: "50% off",
      segmentKey: "region",
      segmentValue: "North",
    };
    const query = filtersToQuery(filters);
    expect(query.get("hasComment")).toBe("no");
    expect(filtersFromQuery(new URLSearchParams(query.toString()))).toEqual({ success: true, data: filters });
  });

  it("leaves out empty parameters (a plain GET form sends them all)", () => {
    expect(filtersFromQuery(new URLSearchParams("q=&surveyId=&hasComment=yes&min="))).toEqual({ success: true, data: { hasComment: true } });
    expect(filtersFromQuery({ q: ["late", "early"], cursor: "x" })).toEqual({ success: true, data: { q: "late" } });
  });

  it.each([
    ["min=4", "Choose which score the range is for."],
    ["metric=csat&min=5&max=2", "The lowest score is above the highest."],
    ["from=2026-03-10&to=2026-03-01", "The last day comes before the first day."],
    ["from=2026-02-30", "That day does not exist."],
    ["segmentValue=North", "Choose the segment the value is for."],
    ["metric=csat&min=abc", "Use a whole number from 0 to 10."],
    ["metric=csat&max=11", "Use a whole number from 0 to 10."],
    [`q=${"x".repeat(201)}`, "At most 200 characters."],
  ])("refuses %s", (query, message) => {
    const parsed = filtersFromQuery(new URLSearchParams(query));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});
