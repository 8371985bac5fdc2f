// One finding of the API key's organization: read it (with evidence and history), or change it from the version read.
import { restEndpoint } from "@/server/http/rest-endpoints";

export const dynamic = "force-dynamic";

export const GET = restEndpoint("GET /api/v1/findings/[findingId]");
export const PATCH = restEndpoint("PATCH /api/v1/findings/[findingId]");
