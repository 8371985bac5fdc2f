// A member's in-app notifications in one organization (today: mentions in comments).
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { comments, journeyMaps, notifications, users } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { OrgContext } from "./context";

const mine = (ctx: OrgContext) => and(eq(notifications.organizationId, ctx.orgId), eq(notifications.recipientUserId, ctx.userId));

export async function listNotifications(db: Queryable, ctx: OrgContext, input: { limit: number }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const items = await tx
      .select({
        id: notifications.id,
        kind: notifications.kind,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
        actorName: users.name,
        mapId: notifications.mapId,
        mapName: journeyMaps.name,
        commentId: notifications.commentId,
        touchpointId: comments.touchpointId,
        obstacleId: comments.obstacleId,
        excerpt: comments.body,
      })
      .from(notifications)
      .innerJoin(comments, and(eq(comments.organizationId, notifications.organizationId), eq(comments.id, notifications.commentId)))
      .innerJoin(journeyMaps, and(eq(journeyMaps.organizationId, notifications.organizationId), eq(journeyMaps.id, notifications.mapId)))
      .leftJoin(users, eq(users.id, notifications.actorUserId))
      .where(mine(ctx))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.limit);
    const [unread] = await tx.select({ n: count() }).from(notifications).where(and(mine(ctx), isNull(notifications.readAt)));
    return { items: items.map((item) => ({ ...item, excerpt: item.excerpt.length > 160 ? `${item.excerpt.slice(0, 157)}…` : item.excerpt })), unread: unread?.n ?? 0 };
  });
}

/** Only one's own notifications: another member's id simply matches nothing. */
export async function markNotificationRead(db: Db, ctx: OrgContext, input: { notificationId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const updated = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(mine(ctx), eq(notifications.id, input.notificationId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { updated: updated.length };
  });
}

export async function markAllNotificationsRead(db: Db, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const updated = await tx.update(notifications).set({ readAt: new Date() }).where(and(mine(ctx), isNull(notifications.readAt))).returning({ id: notifications.id });
    return { updated: updated.length };
  });
}
