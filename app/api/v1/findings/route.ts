// Findings of the API key's organization: list (filters, cursor paging) and create (routed by the rules).
import { createFindingRest, listFindingsRest } from "@/server/http/findings-endpoint";
import { restRoute } from "@/server/http/rest";

export const dynamic = "force-dynamic";

export const GET = restRoute("GET /api/v1/findings", listFindingsRest);
export const POST = restRoute("POST /api/v1/findings", createFindingRest);
