// Every public REST route and the scope its API key needs: the one table the REST adapter
// reads, and the tests compare with a literal copy of their own. A route missing here
// cannot be served (restRoute refuses to build it).
import type { ApiKeyScope } from "../schemas/api-keys";

export const REST_ROUTES = {
  "POST /api/v1/responses": "responses:write",
  "GET /api/v1/touchpoints": "stats:read",
  "GET /api/v1/findings": "findings:read",
  "POST /api/v1/findings": "findings:write",
  "GET /api/v1/findings/[findingId]": "findings:read",
  "PATCH /api/v1/findings/[findingId]": "findings:write",
  "GET /api/v1/stats/touchpoints": "stats:read",
} as const satisfies Record<string, ApiKeyScope>;

export type RestRouteName = keyof typeof REST_ROUTES;
