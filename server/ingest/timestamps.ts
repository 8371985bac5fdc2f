// Reading the timestamps survey tools export: ISO 8601, US (MM/DD/YYYY hh:mm:ss AM),
// European (DD/MM/YYYY HH:mm, also with dots), Google Forms' "2026/03/04 3:45:12 PM GMT+1",
// with an offset, Z/UTC/GMT, or no zone at all — then the zone the export's header states, or
// the survey's. Whether 03/04 is March or April is decided once for the whole column.
import { fromZonedTime } from "date-fns-tz";

export type DateOrder = "ymd" | "mdy" | "dmy";

export interface DateOrderGuess {
  order: DateOrder;
  /** A value that decided it (a day over 12), or null when every value was ambiguous. */
  evidence: string | null;
}

export type TimestampResult = { ok: true; value: Date } | { ok: false; message: string };

const DATE = String.raw`(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})`;
const TIME = String.raw`(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?`;
const ZONE = String.raw`(?:\s*(?:(Z|UTC|GMT)(?:\s*([+-])(\d{1,2})(?::?(\d{2}))?)?|([+-])(\d{2}):?(\d{2})))?`;
const PATTERN = new RegExp(`^${DATE}${TIME}${ZONE}$`);

interface Parts {
  first: string;
  second: string;
  third: string;
}

function split(raw: string): (RegExpExecArray & Parts) | null {
  const match = PATTERN.exec(raw.trim());
  if (!match) return null;
  return Object.assign(match, { first: match[1]!, second: match[2]!, third: match[3]! });
}

/**
 * The day/month order of a column: year first is ISO; otherwise a first part over 12 means
 * day/month, a second part over 12 month/day. A column that shows both is an error; one that
 * shows neither is read month/day (the survey tools' US default), and the wizard says so.
 */
export function inferDateOrder(values: Iterable<string>): DateOrderGuess | { error: string } {
  let dmy: string | null = null;
  let mdy: string | null = null;
  let ymd: string | null = null;
  for (const raw of values) {
    const parts = split(raw);
    if (!parts) continue;
    if (parts.first.length === 4) ymd ??= raw;
    else if (Number(parts.first) > 12) dmy ??= raw;
    else if (Number(parts.second) > 12) mdy ??= raw;
    if (dmy && mdy) return { error: `The column mixes day/month ("${dmy}") and month/day ("${mdy}") dates.` };
  }
  if (dmy) return { order: "dmy", evidence: dmy };
  if (mdy) return { order: "mdy", evidence: mdy };
  if (ymd) return { order: "ymd", evidence: ymd };
  return { order: "mdy", evidence: null };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** ISO 8601 in UTC to the millisecond, as APIs and scripts write it ("2026-03-04T10:15:00.123Z"). */
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z$/;

/** A timestamp as a UTC instant. `timeZone` (IANA) applies only when the value states no zone. */
export function parseTimestamp(raw: string, options: { order: DateOrder; timeZone: string }): TimestampResult {
  const text = raw.trim();
  // The common shape first, without the general pattern's work (a tenth of a large import's CPU);
  // anything it would not accept as it stands goes the general way, which explains the problem.
  const iso = ISO_UTC.exec(text);
  if (iso) {
    const [year, month, day, hour, minute, second] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]! && !(month === 2 && day === 29 && !isLeapYear(year)) && hour <= 23 && minute <= 59 && second <= 59) {
      return { ok: true, value: new Date(Date.UTC(year, month - 1, day, hour, minute, second, iso[7] ? Number(iso[7]) : 0)) };
    }
  }
  const parts = split(text);
  if (!parts) return { ok: false, message: `"${text.slice(0, 40)}" is not a date and time we can read.` };
  const [, , , , h, mi, s, fraction, meridiem, zone, gmtSign, gmtHours, gmtMinutes, sign, offHours, offMinutes] = parts;

  let year: number, month: number, day: number;
  if (parts.first.length === 4) [year, month, day] = [Number(parts.first), Number(parts.second), Number(parts.third)];
  else {
    if (parts.third.length !== 4 && parts.third.length !== 2) return { ok: false, message: `"${text}" has no four-digit year.` };
    year = parts.third.length === 2 ? 2000 + Number(parts.third) : Number(parts.third);
    [month, day] = options.order === "dmy" ? [Number(parts.second), Number(parts.first)] : [Number(parts.first), Number(parts.second)];
  }
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]! || (month === 2 && day === 29 && !isLeapYear(year))) {
    const readAs = parts.first.length === 4 || options.order === "ymd" ? "year-month-day" : options.order === "dmy" ? "day/month" : "month/day";
    return { ok: false, message: `"${text}" is not a real date (read as ${readAs}).` };
  }

  let hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (meridiem) {
    if (hour < 1 || hour > 12) return { ok: false, message: `"${text}" has an hour outside 1–12 with AM/PM.` };
    hour = (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, message: `"${text}" has a time that does not exist.` };
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, "0")) : 0;

  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let offsetMinutes: number | null = null;
  if (sign) offsetMinutes = (sign === "-" ? -1 : 1) * (Number(offHours) * 60 + Number(offMinutes));
  else if (gmtSign) offsetMinutes = (gmtSign === "-" ? -1 : 1) * (Number(gmtHours) * 60 + Number(gmtMinutes ?? 0));
  else if (zone) offsetMinutes = 0;
  if (offsetMinutes !== null) {
    if (Math.abs(offsetMinutes) > 14 * 60) return { ok: false, message: `"${text}" has an offset beyond ±14 hours.` };
    return { ok: true, value: new Date(local - offsetMinutes * 60_000) };
  }
  return { ok: true, value: zonedToUtc(local, options.timeZone) };
}

/**
 * Wall-clock time in an IANA zone → the instant. date-fns-tz does the zone maths (a time in a
 * DST gap moves forward, as clocks do). A file has few distinct hours and many rows, so the
 * offset of each local hour is remembered — only when the hour has one offset from start to
 * end (not an hour with a transition inside, as in zones that change on the half hour).
 */
const offsetCache = new Map<string, number>();
const HOUR = 3_600_000;
function offsetAt(localAsUtcMs: number, timeZone: string): number {
  return localAsUtcMs - fromZonedTime(new Date(localAsUtcMs).toISOString().slice(0, 23), timeZone).getTime();
}
function zonedToUtc(localAsUtcMs: number, timeZone: string): Date {
  const hourStart = Math.floor(localAsUtcMs / HOUR) * HOUR;
  const key = `${timeZone}|${hourStart}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return new Date(localAsUtcMs - cached);
  const offset = offsetAt(localAsUtcMs, timeZone);
  if (offsetAt(hourStart, timeZone) === offset && offsetAt(hourStart + HOUR - 1000, timeZone) === offset) {
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return new Date(localAsUtcMs - offset);
}

function isLeapYear(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether a string names a time zone this runtime knows (IANA), e.g. "Europe/Paris". */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
