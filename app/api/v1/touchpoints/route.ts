// The key's organization's touchpoints: what `touchpoint` in a response may name.
import { restRoute } from "@/server/http/rest";
import { listTouchpointCatalog } from "@/server/services/touchpoint-catalog";

export const dynamic = "force-dynamic";

export const GET = restRoute("GET /api/v1/touchpoints", async (_request, api) => Response.json({ touchpoints: await listTouchpointCatalog(api.db, api) }));
