// Reading a dashboard's data in a server page. Access failures navigate as on every page
// (not a member → not found, session ended → sign-in); a view the server refuses to answer
// (a period too long, a raw query that ran out of time) comes back as its message, which the
// screen shows in place of the charts instead of a crash.
import "server-only";
import { TRPCError } from "@trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { dashboardFiltersFromQuery, dashboardFiltersSchema, type DashboardFilters } from "@/server/schemas/dashboard";

export type Loaded<T> = { ok: true; data: T } | { ok: false; message: string };

const NAVIGATING = new Set(["NOT_FOUND", "UNAUTHORIZED", "INTERNAL_SERVER_ERROR"]);

export async function dashboardData<T>(call: Promise<T>, returnTo: string): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await call };
  } catch (error) {
    if (error instanceof TRPCError && !NAVIGATING.has(error.code)) return { ok: false, message: error.message };
    return orPageError(Promise.reject(error), returnTo);
  }
}

type Query = Record<string, string | string[] | undefined>;

/** The filters in the address; ones that do not parse are dropped and named, never a crash. */
export function filtersOf(query: Query | URLSearchParams): { filters: DashboardFilters; problem: string | null } {
  const parsed = dashboardFiltersFromQuery(query);
  if (parsed.success) return { filters: parsed.data, problem: null };
  return { filters: dashboardFiltersSchema.parse({}), problem: parsed.error.issues[0]?.message ?? "The filters could not be read." };
}

export type DashboardPageProps = { params: Promise<{ orgSlug: string }>; searchParams: Promise<Query> };

/** Whether the view is narrowed by anything but the default period (for the empty state's wording). */
export const isFiltered = (f: DashboardFilters) => Boolean(f.mapId || f.stageId || f.surveyId || f.channel || f.segmentKey || f.from || f.to);
