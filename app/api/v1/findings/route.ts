// Findings of the API key's organization: list (filters, cursor paging) and create (routed by the rules).
import { restEndpoint } from "@/server/http/rest-endpoints";

export const dynamic = "force-dynamic";

export const GET = restEndpoint("GET /api/v1/findings");
export const POST = restEndpoint("POST /api/v1/findings");
