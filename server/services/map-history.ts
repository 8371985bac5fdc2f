// A map's history: every change to the map or anything on it, written in the change's own
// transaction (so history never shows a change that rolled back) and shown on the map.
import { and, desc, eq, lt } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { journeyMaps, mapEvents, users } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { OrgContext } from "./context";
import { loadInOrg } from "./load-in-org";

export type MapAction =
  | "map.created"
  | "map.imported"
  | "map.updated"
  | "stage.created"
  | "stage.updated"
  | "stage.moved"
  | "stage.deleted"
  | "touchpoint.created"
  | "touchpoint.updated"
  | "touchpoint.moved"
  | "touchpoint.deleted"
  | "obstacle.created"
  | "obstacle.updated"
  | "obstacle.deleted"
  | "comment.created"
  | "share_link.created"
  | "share_link.revoked";

export async function recordMapEvent(tx: Tx, ctx: Pick<OrgContext, "orgId" | "userId">, mapId: string, action: MapAction, data: Record<string, unknown> = {}) {
  await tx.insert(mapEvents).values({ organizationId: ctx.orgId, mapId, actorUserId: ctx.userId, action, data });
}

/** Newest first; ids are uuid v7 (time-ordered), so the last id of a page is the cursor. */
export async function listMapHistory(db: Queryable, ctx: OrgContext, input: { mapId: string; cursor?: string; limit: number }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    // Like every other map procedure: a map that is not in this organization is NOT_FOUND, not an empty history.
    await loadInOrg(tx, journeyMaps, { orgId: ctx.orgId, id: input.mapId }, "Journey map");
    const rows = await tx
      .select({ id: mapEvents.id, action: mapEvents.action, data: mapEvents.data, createdAt: mapEvents.createdAt, actorName: users.name })
      .from(mapEvents)
      .leftJoin(users, eq(users.id, mapEvents.actorUserId))
      .where(and(eq(mapEvents.organizationId, ctx.orgId), eq(mapEvents.mapId, input.mapId), input.cursor ? lt(mapEvents.id, input.cursor) : undefined))
      .orderBy(desc(mapEvents.id))
      .limit(input.limit + 1);
    const page = rows.slice(0, input.limit);
    return { events: page, nextCursor: rows.length > input.limit ? page.at(-1)?.id : undefined };
  });
}
