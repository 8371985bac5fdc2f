// What the filter bar needs on every screen: its choices (maps, stages, surveys, segment keys
// with their values) and the period it shows, even when the figures could not be loaded.
import "server-only";
import { orPageError } from "@/app/_lib/page-data";
import { DEFAULT_RANGE_DAYS, type DashboardFilters } from "@/server/schemas/dashboard";
import type { serverApi } from "@/server/trpc/server";
import { addDays, todayIn } from "./period";
import type { Loaded } from "./data";
import { filterOptionsView, type FilterOptions } from "./view";

type Api = Awaited<ReturnType<typeof serverApi>>;

export async function loadFilterOptions(api: Api, orgSlug: string, returnTo: string): Promise<FilterOptions> {
  return filterOptionsView(await orPageError(api.dashboard.segmentKeys({ orgSlug }), returnTo));
}

/**
 * The period the bar shows and "today" for its presets: the server's resolved period when the
 * figures loaded (its days are in the organization's zone), else the filters' own days.
 */
export function periodOf(resolved: { from: string; to: string; timeZone: string } | null, filters: DashboardFilters): { period: { from: string; to: string }; today: string } {
  const today = todayIn(resolved?.timeZone ?? "UTC");
  if (resolved) return { period: { from: resolved.from, to: resolved.to }, today };
  const to = filters.to ?? today;
  return { period: { from: filters.from ?? addDays(to, 1 - DEFAULT_RANGE_DAYS), to }, today };
}

/**
 * Everything a dashboard page loads besides its own figures: the filter bar's choices and the
 * period it shows. Spread into DashboardFrame (`{...frame}`) so every screen wires it the same way.
 */
export async function dashboardFrame<T extends { period: { from: string; to: string; timeZone: string } }>(
  api: Api,
  input: { orgSlug: string; path: string; filters: DashboardFilters; problem: string | null; figures: Promise<Loaded<T>> },
) {
  const [options, loaded] = await Promise.all([loadFilterOptions(api, input.orgSlug, input.path), input.figures]);
  const { period, today } = periodOf(loaded.ok ? loaded.data.period : null, input.filters);
  return { loaded, frame: { orgSlug: input.orgSlug, path: input.path, filters: input.filters, problem: input.problem, options, period, today } };
}
