// Timestamps from survey exports: every format the tools write, offsets, the survey's zone
// for values without one (across daylight saving), and the day/month order of a column.
import { describe, expect, it } from "vitest";
import { inferDateOrder, parseTimestamp, type DateOrder } from "@/server/ingest/timestamps";

const iso = (raw: string, order: DateOrder = "mdy", timeZone = "UTC") => {
  const result = parseTimestamp(raw, { order, timeZone });
  return result.ok ? result.value.toISOString() : `error: ${result.message}`;
};

describe("parseTimestamp", () => {
  it("reads ISO 8601 with Z, offsets, or none (the survey's zone)", () => {
    expect(iso("2026-03-04T10:20:30Z")).toBe("2026-03-04T10:20:30.000Z");
    expect(iso("2026-03-04T10:20:30.123456Z")).toBe("2026-03-04T10:20:30.123Z");
    expect(iso("2026-03-04 10:20:30+01:00")).toBe("2026-03-04T09:20:30.000Z");
    expect(iso("2026-03-04T10:20:30-0530")).toBe("2026-03-04T15:50:30.000Z");
    expect(iso("2026-03-04", "mdy", "Europe/Paris")).toBe("2026-03-03T23:00:00.000Z");
    expect(iso("2026-07-04 10:00", "mdy", "America/New_York")).toBe("2026-07-04T14:00:00.000Z");
    expect(iso("2026-01-04 10:00", "mdy", "America/New_York")).toBe("2026-01-04T15:00:00.000Z");
  });

  it("reads US and European forms by the column's order, with 12-hour clocks", () => {
    expect(iso("03/04/2026 10:20:30 AM")).toBe("2026-03-04T10:20:30.000Z");
    expect(iso("03/04/2026 12:05:00 AM")).toBe("2026-03-04T00:05:00.000Z");
    expect(iso("03/04/2026 12:05:00 PM")).toBe("2026-03-04T12:05:00.000Z");
    expect(iso("3/4/2026 1:05 pm")).toBe("2026-03-04T13:05:00.000Z");
    expect(iso("03/04/2026 10:20", "dmy")).toBe("2026-04-03T10:20:00.000Z");
    expect(iso("25.12.2026 18:30", "dmy")).toBe("2026-12-25T18:30:00.000Z");
    expect(iso("3/4/26 10:20")).toBe("2026-03-04T10:20:00.000Z");
  });

  it("reads Google Forms' GMT offsets and Z/UTC/GMT suffixes", () => {
    expect(iso("2026/03/04 3:45:12 PM GMT+1")).toBe("2026-03-04T14:45:12.000Z");
    expect(iso("2026/03/04 3:45:12 PM GMT-05:00")).toBe("2026-03-04T20:45:12.000Z");
    expect(iso("2026/03/04 3:45:12 PM GMT", "mdy", "Asia/Tokyo")).toBe("2026-03-04T15:45:12.000Z");
    expect(iso("03/04/2026 10:00 UTC", "mdy", "Asia/Tokyo")).toBe("2026-03-04T10:00:00.000Z");
  });

  it("uses the zone's rules across daylight saving, hour by hour", () => {
    // Europe/Berlin springs forward at 02:00 local on 2026-03-29 and falls back at 03:00 on 2026-10-25.
    expect(iso("2026-03-29 01:30", "ymd", "Europe/Berlin")).toBe("2026-03-29T00:30:00.000Z");
    expect(iso("2026-03-29 03:30", "ymd", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(iso("2026-10-25 01:30", "ymd", "Europe/Berlin")).toBe("2026-10-24T23:30:00.000Z");
    expect(iso("2026-10-25 04:30", "ymd", "Europe/Berlin")).toBe("2026-10-25T03:30:00.000Z");
    // The same hour read twice gives the same answer (the second time from the cache).
    expect(iso("2026-10-25 04:10", "ymd", "Europe/Berlin")).toBe("2026-10-25T03:10:00.000Z");
    // Lord Howe moves half an hour at 02:00 local on 2026-04-05 (from +11 to +10:30).
    expect(iso("2026-04-05 01:15", "ymd", "Australia/Lord_Howe")).toBe("2026-04-04T14:15:00.000Z");
    expect(iso("2026-04-05 03:15", "ymd", "Australia/Lord_Howe")).toBe("2026-04-04T16:45:00.000Z");
  });

  it("refuses what is not a real date or time, saying what it read", () => {
    expect(iso("not a date")).toBe('error: "not a date" is not a date and time we can read.');
    expect(iso("02/30/2026")).toBe('error: "02/30/2026" is not a real date (read as month/day).');
    expect(iso("13/01/2026")).toBe('error: "13/01/2026" is not a real date (read as month/day).');
    expect(iso("2027-02-29")).toMatch(/not a real date/);
    expect(iso("2028-02-29")).toBe("2028-02-29T00:00:00.000Z");
    expect(iso("2026-03-04 25:00")).toBe('error: "2026-03-04 25:00" has a time that does not exist.');
    expect(iso("03/04/2026 13:00 PM")).toMatch(/outside 1–12/);
    expect(iso("2026-03-04T10:00+15:00")).toMatch(/beyond ±14 hours/);
  });

  it("reads the common ISO UTC shape the quick way with the same answers and the same refusals", () => {
    expect(iso("2028-02-29T23:59:59.999Z")).toBe("2028-02-29T23:59:59.999Z");
    expect(iso("2026-12-31T00:00:00Z", "dmy", "Asia/Tokyo")).toBe("2026-12-31T00:00:00.000Z");
    expect(iso("2027-02-29T10:00:00Z")).toBe('error: "2027-02-29T10:00:00Z" is not a real date (read as year-month-day).');
    expect(iso("2026-04-31T10:00:00Z")).toBe('error: "2026-04-31T10:00:00Z" is not a real date (read as year-month-day).');
    expect(iso("2026-03-04T24:00:00Z")).toBe('error: "2026-03-04T24:00:00Z" has a time that does not exist.');
    expect(iso("2026-03-04T10:60:00Z")).toBe('error: "2026-03-04T10:60:00Z" has a time that does not exist.');
  });
});

describe("inferDateOrder", () => {
  it("decides from a day over 12 anywhere in the column", () => {
    expect(inferDateOrder(["03/04/2026", "05/06/2026", "25/06/2026 10:00"])).toEqual({ order: "dmy", evidence: "25/06/2026 10:00" });
    expect(inferDateOrder(["03/04/2026", "06/25/2026"])).toEqual({ order: "mdy", evidence: "06/25/2026" });
    expect(inferDateOrder(["2026-03-04T10:00:00Z"])).toEqual({ order: "ymd", evidence: "2026-03-04T10:00:00Z" });
  });

  it("reads an all-ambiguous column as month/day and says nothing decided it", () => {
    expect(inferDateOrder(["03/04/2026", "01/02/2026"])).toEqual({ order: "mdy", evidence: null });
    expect(inferDateOrder([])).toEqual({ order: "mdy", evidence: null });
  });

  it("refuses a column that mixes both orders", () => {
    expect(inferDateOrder(["13/01/2026", "01/13/2026"])).toEqual({
      error: 'The column mixes day/month ("13/01/2026") and month/day ("01/13/2026") dates.',
    });
  });
});
