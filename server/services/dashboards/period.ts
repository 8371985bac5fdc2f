// The period a dashboard shows, from its filters: organization calendar days, both included.
// Without dates, the last DEFAULT_RANGE_DAYS days ending today in the organization's time
// zone; the comparison is the period of equal length just before, a chosen one, or none.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { organizations } from "@/db/schema";
import { addDays, daysBetween } from "../../metrics/buckets";
import { DEFAULT_RANGE_DAYS, type DashboardFilters, type Granularity } from "../../schemas/dashboard";
import { invalid } from "../errors";

/** Longest period one view may cover (three years and a leap day): bounds every query and bucket list. */
export const MAX_PERIOD_DAYS = 1097;

export interface Period {
  from: string;
  to: string;
  /** null when the view compares with nothing. */
  compareFrom: string | null;
  compareTo: string | null;
  granularity: Granularity;
  /** The IANA zone the days are counted in. */
  timeZone: string;
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export async function organizationTimeZone(tx: Queryable, orgId: string): Promise<string> {
  const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  return org?.timeZone ?? "UTC";
}

type PeriodFilters = Pick<DashboardFilters, "from" | "to" | "compare" | "compareFrom" | "compareTo" | "granularity">;

export function resolvePeriod(filters: PeriodFilters, timeZone: string, now = new Date()): Period {
  const to = filters.to ?? (filters.from && filters.from > todayIn(timeZone, now) ? filters.from : todayIn(timeZone, now));
  const from = filters.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw invalid("to", "The last day comes before the first day.");
  const length = daysBetween(from, to);
  if (length > MAX_PERIOD_DAYS) throw invalid("from", "Choose at most three years.");
  let compareFrom: string | null = null;
  let compareTo: string | null = null;
  if (filters.compare === "previous") {
    compareTo = addDays(from, -1);
    compareFrom = addDays(compareTo, -(length - 1));
  } else if (filters.compare === "custom" && filters.compareFrom && filters.compareTo) {
    if (daysBetween(filters.compareFrom, filters.compareTo) > MAX_PERIOD_DAYS) throw invalid("compareFrom", "Choose at most three years.");
    compareFrom = filters.compareFrom;
    compareTo = filters.compareTo;
  }
  return { from, to, compareFrom, compareTo, granularity: filters.granularity, timeZone };
}
