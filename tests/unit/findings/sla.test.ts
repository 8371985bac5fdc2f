// SLA due times and clock states, against times worked out by hand on a calendar.
import { describe, expect, it } from "vitest";
import { dueAt, slaClock } from "@/server/findings/sla";

const utc = (iso: string) => new Date(iso);
const everyHour = { timeZone: "UTC", weekdaysOnly: false };
const weekdays = { timeZone: "UTC", weekdaysOnly: true };

describe("dueAt", () => {
  it.each([
    // start (Fri 2 Jan 2026 …), hours, calendar, due
    ["2026-01-02T10:00:00Z", 24, everyHour, "2026-01-03T10:00:00.000Z"],
    // Friday's last 14 hours, then Monday's first 10: the weekend does not count.
    ["2026-01-02T10:00:00Z", 24, weekdays, "2026-01-05T10:00:00.000Z"],
    // Raised on a Saturday: the clock starts on Monday at midnight.
    ["2026-01-03T15:00:00Z", 8, weekdays, "2026-01-05T08:00:00.000Z"],
    // Five working days of 24 hours from Monday 09:00 end on the next Monday 09:00.
    ["2026-01-05T09:00:00Z", 120, weekdays, "2026-01-12T09:00:00.000Z"],
    // Berlin: Friday 20:00 local leaves 4 hours on Friday; Monday 00:00 local is Sunday 23:00 UTC, + 20 h.
    ["2026-01-02T19:00:00Z", 24, { timeZone: "Europe/Berlin", weekdaysOnly: true }, "2026-01-05T19:00:00.000Z"],
    // New York springs forward on Sunday 8 March 2026: Friday 12:00 EST leaves 12 h; Monday starts at 04:00 UTC (EDT), + 12 h.
    ["2026-03-06T17:00:00Z", 24, { timeZone: "America/New_York", weekdaysOnly: true }, "2026-03-09T16:00:00.000Z"],
    // Every hour counts: 24 real hours across the change, 13:00 on the wall clock.
    ["2026-03-07T17:00:00Z", 24, { timeZone: "America/New_York", weekdaysOnly: false }, "2026-03-08T17:00:00.000Z"],
  ])("from %s plus %i h (%o) is %s", (start, hours, calendar, due) => {
    expect(dueAt(utc(start), hours, calendar).toISOString()).toBe(due);
  });

  it("refuses a target that is not a positive number of hours", () => {
    expect(() => dueAt(utc("2026-01-05T09:00:00Z"), 0, weekdays)).toThrow(RangeError);
  });
});

describe("slaClock", () => {
  const start = utc("2026-01-05T09:00:00Z"); // a Monday
  it.each([
    ["2026-01-05T20:00:00Z", "on_track", 13],
    // 19 of 24 hours spent: past three quarters.
    ["2026-01-06T04:00:00Z", "due_soon", 5],
    ["2026-01-06T09:00:00Z", "breached", 0],
    ["2026-01-06T12:00:00Z", "breached", -3],
  ])("at %s is %s with %i h left", (now, state, hoursLeft) => {
    const clock = slaClock(start, 24, utc(now), weekdays);
    expect(clock.state).toBe(state);
    expect(clock.remainingMs).toBe(hoursLeft * 3_600_000);
    expect(clock.dueAt.toISOString()).toBe("2026-01-06T09:00:00.000Z");
  });

  it("stops counting over the weekend when weekdays only", () => {
    // Friday 15:00 → Monday 06:00: 9 h on Friday, none on the weekend, 6 h on Monday.
    const clock = slaClock(utc("2026-01-02T15:00:00Z"), 24, utc("2026-01-05T06:00:00Z"), weekdays);
    expect(clock.remainingMs).toBe(9 * 3_600_000);
    expect(clock.state).toBe("on_track");
  });

  it("counts the weekend when every hour counts", () => {
    const clock = slaClock(utc("2026-01-02T15:00:00Z"), 24, utc("2026-01-05T06:00:00Z"), everyHour);
    expect(clock.state).toBe("breached");
    expect(clock.remainingMs).toBe(-39 * 3_600_000);
  });
});
