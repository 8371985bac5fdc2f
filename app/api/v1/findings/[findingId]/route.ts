// One finding of the API key's organization: read it (with evidence and history), or change it from the version read.
import { getFindingRest, patchFindingRest } from "@/server/http/findings-endpoint";
import { restRoute } from "@/server/http/rest";

export const dynamic = "force-dynamic";

export const GET = restRoute("GET /api/v1/findings/[findingId]", getFindingRest);
export const PATCH = restRoute("PATCH /api/v1/findings/[findingId]", patchFindingRest);
