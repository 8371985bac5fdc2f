// The key's organization's touchpoints: what `touchpoint` in a response may name.
import { restEndpoint } from "@/server/http/rest-endpoints";

export const dynamic = "force-dynamic";

export const GET = restEndpoint("GET /api/v1/touchpoints");
