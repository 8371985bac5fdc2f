// The findings REST API (app/api/v1/findings/**) for issue trackers and BI tools: the same
// services as the board, with the API key as the actor; a PATCH names the version it read
// and gets 409 when someone changed the finding since.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { idSchema } from "../schemas/common";
import { REST_FINDINGS_BODY_LIMIT, restCreateFindingSchema, restFindingsQuerySchema, restPatchFindingSchema } from "../schemas/rest-findings";
import { notFound } from "../services/errors";
import { getFinding } from "../services/findings/board";
import type { ApiKeyCaller } from "../services/findings/caller";
import { patchFinding } from "../services/findings/changes";
import { insertFinding } from "../services/findings/create";
import { findingsFeed } from "../services/findings/feed";
import { actorOf } from "../services/findings/caller";
import { readJsonBody, readQuery } from "./json-body";
import type { ApiContext } from "./rest";

const callerOf = (api: ApiContext): ApiKeyCaller => ({ orgId: api.orgId, actor: api.actor });

/** The <id> of /api/v1/findings/<id>; anything that is not a uuid is simply not found. */
function findingIdOf(api: ApiContext): string {
  const id = api.url.pathname.split("/").filter(Boolean).at(-1) ?? "";
  if (!idSchema.safeParse(id).success) throw notFound("Finding");
  return id;
}

/** A touchpoint named by its id or its key (case-insensitive), in the key's organization. */
async function touchpointIdOf(db: Db, orgId: string, ref: string): Promise<string> {
  const byId = idSchema.safeParse(ref).success;
  const [row] = await withOrg(db, orgId, (tx) =>
    tx
      .select({ id: touchpoints.id })
      .from(touchpoints)
      .where(and(eq(touchpoints.organizationId, orgId), byId ? eq(touchpoints.id, ref) : sql`lower(${touchpoints.key}) = lower(${ref})`))
      .limit(1),
  );
  if (!row) throw notFound("Touchpoint");
  return row.id;
}

export async function listFindingsRest(_request: Request, api: ApiContext): Promise<Response> {
  const query = readQuery(api.url, restFindingsQuerySchema);
  return Response.json(await findingsFeed(api.db, callerOf(api), query));
}

export async function getFindingRest(_request: Request, api: ApiContext): Promise<Response> {
  return Response.json({ finding: await getFinding(api.db, callerOf(api), findingIdOf(api)) });
}

export async function createFindingRest(request: Request, api: ApiContext): Promise<Response> {
  const body = await readJsonBody(request, restCreateFindingSchema, REST_FINDINGS_BODY_LIMIT);
  const touchpointId = body.touchpoint ? await touchpointIdOf(api.db, api.orgId, body.touchpoint) : undefined;
  const caller = callerOf(api);
  const created = await withOrg(api.db, api.orgId, (tx) =>
    insertFinding(tx, api.orgId, actorOf(caller), { title: body.title, description: body.description, touchpointId, severity: body.severity, labels: body.labels, responseIds: body.responseIds }),
  );
  return Response.json({ finding: await getFinding(api.db, caller, created.id) }, { status: 201 });
}

export async function patchFindingRest(request: Request, api: ApiContext): Promise<Response> {
  const findingId = findingIdOf(api);
  const { version, status, reason, duplicateOfId, ...fields } = await readJsonBody(request, restPatchFindingSchema, REST_FINDINGS_BODY_LIMIT);
  const caller = callerOf(api);
  await patchFinding(api.db, caller, { findingId, version, fields, status: status ? { status, reason, duplicateOfId } : undefined });
  return Response.json({ finding: await getFinding(api.db, caller, findingId) });
}
