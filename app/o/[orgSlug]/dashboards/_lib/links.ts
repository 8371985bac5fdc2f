// Addresses between the dashboards and the rest of the app, carrying the view's filters.
import { dashboardFiltersToQuery, type DashboardFilters } from "@/server/schemas/dashboard";
import { todayIn } from "./period";

export function withFilters(path: string, filters: Partial<DashboardFilters>): string {
  const query = dashboardFiltersToQuery(filters).toString();
  return query ? `${path}?${query}` : path;
}

/**
 * A response in the responses explorer. The explorer has no single-response view, so the link
 * narrows it to the response's touchpoint, its day (in the organization's zone) and words of its
 * comment: in practice the one response, shown with its scores, survey and segment.
 */
export function responseHref(orgSlug: string, r: { touchpointId: string; submittedAt: Date | string; comment: string }, timeZone: string): string {
  const day = todayIn(timeZone, new Date(r.submittedAt));
  const query = new URLSearchParams({ touchpointId: r.touchpointId, from: day, to: day, q: r.comment.slice(0, 200) });
  return `/o/${orgSlug}/surveys/responses?${query}`;
}
