// SLA clocks: when a finding must have its first response and its resolution, per team and
// severity. A target counts either every hour or only the hours of weekdays (Monday–Friday in
// the organization's time zone), as the team's setting says. Local days are measured between
// real midnights, so a daylight-saving day is 23 or 25 hours long, as it is for the people
// waiting.
import { addDays } from "date-fns";
import { formatInTimeZone, fromZonedTime } from "date-fns-tz";

export interface SlaCalendar {
  timeZone: string;
  /** true: Saturdays and Sundays do not count. */
  weekdaysOnly: boolean;
}

const HOUR_MS = 3_600_000;

/** The local calendar day (YYYY-MM-DD) of an instant, and its ISO weekday (1 = Monday … 7 = Sunday). */
function localDay(at: Date, timeZone: string): { day: string; weekday: number } {
  return { day: formatInTimeZone(at, timeZone, "yyyy-MM-dd"), weekday: Number(formatInTimeZone(at, timeZone, "i")) };
}

/** The instant the local day after `day` begins. */
function nextMidnight(day: string, timeZone: string): Date {
  const next = addDays(new Date(`${day}T00:00:00Z`), 1).toISOString().slice(0, 10);
  return fromZonedTime(`${next}T00:00:00`, timeZone);
}

/** The instant a target of `hours` counted from `start` runs out. */
export function dueAt(start: Date, hours: number, calendar: SlaCalendar): Date {
  if (!(hours > 0)) throw new RangeError("An SLA target is a positive number of hours.");
  if (!calendar.weekdaysOnly) return new Date(start.getTime() + hours * HOUR_MS);
  let remaining = hours * HOUR_MS;
  let at = start;
  for (;;) {
    const { day, weekday } = localDay(at, calendar.timeZone);
    const endOfDay = nextMidnight(day, calendar.timeZone);
    if (weekday <= 5) {
      const available = endOfDay.getTime() - at.getTime();
      if (remaining <= available) return new Date(at.getTime() + remaining);
      remaining -= available;
    }
    at = endOfDay;
  }
}

/** How much of a target's time has been spent at `now`, counting as the calendar does (0 … ∞). */
function elapsedMs(start: Date, now: Date, calendar: SlaCalendar): number {
  if (now <= start) return 0;
  if (!calendar.weekdaysOnly) return now.getTime() - start.getTime();
  let spent = 0;
  let at = start;
  while (at < now) {
    const { day, weekday } = localDay(at, calendar.timeZone);
    const until = new Date(Math.min(nextMidnight(day, calendar.timeZone).getTime(), now.getTime()));
    if (weekday <= 5) spent += until.getTime() - at.getTime();
    at = until;
  }
  return spent;
}

export type SlaState = "on_track" | "due_soon" | "breached";

/** A clock is "due soon" once this share of its time is spent (the card turns amber). */
export const DUE_SOON_SHARE = 0.75;

export interface SlaClock {
  state: SlaState;
  dueAt: Date;
  /** Counted time left (negative once breached), in milliseconds. */
  remainingMs: number;
}

export function slaClock(start: Date, hours: number, now: Date, calendar: SlaCalendar): SlaClock {
  const due = dueAt(start, hours, calendar);
  const budget = hours * HOUR_MS;
  const spent = elapsedMs(start, now, calendar);
  const state: SlaState = spent >= budget ? "breached" : spent >= DUE_SOON_SHARE * budget ? "due_soon" : "on_track";
  return { state, dueAt: due, remainingMs: budget - spent };
}
