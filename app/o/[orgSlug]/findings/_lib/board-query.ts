// Which findings the board shows, read from its address. With no filter in the address the
// board opens on the viewer's default: members and viewers work from their team's queue
// (closest to breach first), managers and above oversee all findings. "?all=yes" asks for
// every finding explicitly, so a member can leave the queue and the address says so.
import type { Role } from "@/db/constants";
import { can } from "@/server/auth/permissions";
import { findingFiltersFromQuery, findingFiltersToQuery, type FindingFilters } from "@/server/schemas/findings";

export const MY_QUEUE: FindingFilters = { myTeams: true, sort: "sla" };

export function defaultFilters(role: Role): FindingFilters {
  return can(role, "finding.manage") ? {} : MY_QUEUE;
}

export function boardFiltersFromQuery(query: URLSearchParams, role: Role) {
  const parsed = findingFiltersFromQuery(query);
  const filters = parsed.success ? parsed.data : {};
  const explicit = Object.keys(filters).length > 0 || query.get("all") === "yes";
  return { filters: explicit ? filters : defaultFilters(role), error: parsed.success ? null : (parsed.error.issues[0]?.message ?? "Unknown filter.") };
}

/** The board's address for a set of filters ("?all=yes" when there are none). */
export function boardHref(path: string, filters: FindingFilters) {
  const query = findingFiltersToQuery(filters);
  if (query.size === 0) query.set("all", "yes");
  return `${path}?${query}`;
}

/** True when two filter sets ask for the same findings (order of keys aside). */
export function sameFilters(a: FindingFilters, b: FindingFilters) {
  return findingFiltersToQuery(a).toString() === findingFiltersToQuery(b).toString();
}
