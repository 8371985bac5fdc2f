// Survey responses for the API key's organization (JSON, NDJSON or CSV); see server/http/responses-endpoint.ts.
import { postResponses } from "@/server/http/responses-endpoint";
import { restRoute } from "@/server/http/rest";

export const dynamic = "force-dynamic";

export const POST = restRoute("POST /api/v1/responses", postResponses);
