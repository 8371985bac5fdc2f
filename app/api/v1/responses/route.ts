// Survey responses for the API key's organization (JSON, NDJSON or CSV); see server/http/responses-endpoint.ts.
import { restEndpoint } from "@/server/http/rest-endpoints";

export const dynamic = "force-dynamic";

export const POST = restEndpoint("POST /api/v1/responses");
