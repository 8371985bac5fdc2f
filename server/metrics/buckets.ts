// Calendar buckets of organization days (YYYY-MM-DD): the day itself, its ISO week (starting
// Monday) or its month, each named by its first day — the same as Postgres' date_trunc('week'
// | 'month', day), which the queries use. Pure date arithmetic on UTC midnights, no time zones:
// days are already the organization's.
import type { Granularity } from "../schemas/dashboard";

const MS_PER_DAY = 86_400_000;
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return toDay(new Date(toDate(day).getTime() + days * MS_PER_DAY));
}

/** Days from a to b, both included (1 for a single day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / MS_PER_DAY) + 1;
}

/** The first day of the bucket a day falls in. */
export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === "day") return day;
  if (granularity === "month") return `${day.slice(0, 7)}-01`;
  // getUTCDay: Sunday 0 … Saturday 6; ISO weeks start on Monday.
  const weekday = (toDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Every bucket touching from … to, in order (the first and last may be partial). */
export function bucketsBetween(from: string, to: string, granularity: Granularity): string[] {
  const buckets: string[] = [];
  for (let bucket = bucketOf(from, granularity); bucket <= to; ) {
    buckets.push(bucket);
    if (granularity === "day") bucket = addDays(bucket, 1);
    else if (granularity === "week") bucket = addDays(bucket, 7);
    else {
      const date = toDate(bucket);
      bucket = toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
    }
  }
  return buckets;
}

/**
 * The finest granularity, no finer than the one asked, whose buckets over from … to number at
 * most maxPoints (month when even months are more): a tiny chart drawn with a year of days
 * shows noise, and costs 7× the rows of its weeks.
 */
export function granularityAtMost(from: string, to: string, granularity: Granularity, maxPoints: number): Granularity {
  const order: Granularity[] = ["day", "week", "month"];
  for (const g of order.slice(order.indexOf(granularity))) {
    if (g === "month" || bucketsBetween(from, to, g).length <= maxPoints) return g;
  }
  return "month";
}
