// Each public REST route's handler, by the route's name in REST_ROUTES: the one list both
// servers of /api/v1 read — Next's route files (app/api/v1) and the start script's own HTTP
// server (rest-node.ts), which answers these routes without Next's routing in between.
import { fieldErrorsFromIssues } from "../schemas/common";
import { touchpointStatsQueryFromUrl } from "../schemas/dashboard";
import { touchpointStats } from "../services/dashboards/touchpoint-stats";
import { DomainError } from "../services/errors";
import { listTouchpointCatalog } from "../services/touchpoint-catalog";
import { createFindingRest, getFindingRest, listFindingsRest, patchFindingRest } from "./findings-endpoint";
import { restRoute, type RestHandler } from "./rest";
import type { RestRouteName } from "./rest-routes";
import { postResponses } from "./responses-endpoint";

const getTouchpointStats: RestHandler = async (_request, api) => {
  const query = touchpointStatsQueryFromUrl(api.url.searchParams);
  if (!query.success) throw new DomainError("VALIDATION", query.message, "fields" in query ? query.fields : fieldErrorsFromIssues(query.issues));
  const stats = await touchpointStats(api.db, api, query.data);
  return Response.json({ from: query.data.from, to: query.data.to, granularity: query.data.granularity ?? null, timeZone: stats.timeZone, touchpoints: stats.touchpoints });
};

const HANDLERS: Record<RestRouteName, RestHandler> = {
  "POST /api/v1/responses": postResponses,
  "GET /api/v1/touchpoints": async (_request, api) => Response.json({ touchpoints: await listTouchpointCatalog(api.db, api) }),
  "GET /api/v1/findings": listFindingsRest,
  "POST /api/v1/findings": createFindingRest,
  "GET /api/v1/findings/[findingId]": getFindingRest,
  "PATCH /api/v1/findings/[findingId]": patchFindingRest,
  "GET /api/v1/stats/touchpoints": getTouchpointStats,
};

/** The route's full handler: the REST adapter (key, scope, rate, errors, headers) around its endpoint. */
export const restEndpoint = (route: RestRouteName) => restRoute(route, HANDLERS[route]);
