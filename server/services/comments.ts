// Comments on a map, a touchpoint or an obstacle. "@Name" mentions a member (the rule in
// lib/mentions.ts, the same the browser highlights with): each mentioned member (not the
// author) gets a notification, written in the comment's transaction.
import { and, asc, eq } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/db/client";
import { comments, memberships, notifications, users } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { mentionedMembers } from "@/lib/mentions";
import type { OrgContext } from "./context";
import { invalid } from "./errors";
import { loadMap } from "./journey-maps";
import { recordMapEvent } from "./map-history";
import { loadObstacle } from "./obstacles";
import { loadTouchpoint } from "./touchpoints";

interface CommentTarget {
  mapId: string;
  touchpointId: string | null;
  obstacleId: string | null;
}

/** The organization's members with their roles (whom a comment's "@Name" can mention). */
export async function orgMembers(tx: Tx, orgId: string) {
  return tx
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, orgId))
    .orderBy(asc(users.name));
}

/** The target's own row must be on the named map: ids are never trusted across objects. */
async function describeTarget(tx: Tx, ctx: OrgContext, target: CommentTarget): Promise<string> {
  const map = await loadMap(tx, ctx, target.mapId);
  if (target.obstacleId) {
    const obstacle = await loadObstacle(tx, ctx, target.obstacleId);
    if (obstacle.mapId !== map.id || (target.touchpointId && obstacle.touchpointId !== target.touchpointId)) throw invalid("obstacleId", "That obstacle is not on this map.");
    return obstacle.title;
  }
  if (target.touchpointId) {
    const touchpoint = await loadTouchpoint(tx, ctx, target.touchpointId);
    if (touchpoint.mapId !== map.id) throw invalid("touchpointId", "That touchpoint is not on this map.");
    return touchpoint.name;
  }
  return map.name;
}

export async function listComments(db: Queryable, ctx: OrgContext, input: { mapId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    await loadMap(tx, ctx, input.mapId);
    return tx
      .select({
        id: comments.id,
        touchpointId: comments.touchpointId,
        obstacleId: comments.obstacleId,
        body: comments.body,
        createdAt: comments.createdAt,
        authorUserId: comments.authorUserId,
        authorName: users.name,
      })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorUserId))
      .where(and(eq(comments.organizationId, ctx.orgId), eq(comments.mapId, input.mapId)))
      .orderBy(asc(comments.createdAt), asc(comments.id));
  });
}

export async function createComment(db: Db, ctx: OrgContext, input: CommentTarget & { body: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const about = await describeTarget(tx, ctx, input);
    // An obstacle's comment also belongs to its touchpoint, so the card can count it.
    const touchpointId = input.obstacleId ? (await loadObstacle(tx, ctx, input.obstacleId)).touchpointId : input.touchpointId;
    const [comment] = await tx
      .insert(comments)
      .values({ organizationId: ctx.orgId, mapId: input.mapId, touchpointId, obstacleId: input.obstacleId, authorUserId: ctx.userId, body: input.body })
      .returning();
    const mentioned = mentionedMembers(input.body, await orgMembers(tx, ctx.orgId)).filter((m) => m.userId !== ctx.userId);
    if (mentioned.length > 0) {
      await tx.insert(notifications).values(
        mentioned.map((m) => ({ organizationId: ctx.orgId, recipientUserId: m.userId, actorUserId: ctx.userId, mapId: input.mapId, commentId: comment!.id })),
      );
    }
    await recordMapEvent(tx, ctx, input.mapId, "comment.created", { about, mentions: mentioned.map((m) => m.name) });
    return { id: comment!.id, mentioned: mentioned.map((m) => ({ userId: m.userId, name: m.name })) };
  });
}
