// Per-touchpoint satisfaction for the key's organization (and per bucket with ?granularity=):
// the dashboards' figures and definitions, days in the organization's time zone, `to` included.
import { restEndpoint } from "@/server/http/rest-endpoints";

export const dynamic = "force-dynamic";

export const GET = restEndpoint("GET /api/v1/stats/touchpoints");
