// Per-touchpoint satisfaction for the key's organization (and per bucket with ?granularity=):
// the dashboards' figures and definitions, days in the organization's time zone, `to` included.
import { restRoute } from "@/server/http/rest";
import { fieldErrorsFromIssues } from "@/server/schemas/common";
import { touchpointStatsQueryFromUrl } from "@/server/schemas/dashboard";
import { touchpointStats } from "@/server/services/dashboards/touchpoint-stats";
import { DomainError } from "@/server/services/errors";

export const dynamic = "force-dynamic";

export const GET = restRoute("GET /api/v1/stats/touchpoints", async (_request, api) => {
  const query = touchpointStatsQueryFromUrl(api.url.searchParams);
  if (!query.success) throw new DomainError("VALIDATION", query.message, "fields" in query ? query.fields : fieldErrorsFromIssues(query.issues));
  const stats = await touchpointStats(api.db, api, query.data);
  return Response.json({ from: query.data.from, to: query.data.to, granularity: query.data.granularity ?? null, timeZone: stats.timeZone, touchpoints: stats.touchpoints });
});
