// A member's in-app notifications in one organization: mentions in comments, alerts that
// fired on a touchpoint their team owns, and findings assigned, routed or near their SLA.
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/db/client";
import { comments, journeyMaps, notifications, teamMembers, users } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { AlertComparison, AlertMetric } from "@/db/alert-constants";
import { alertFiredText } from "@/lib/alert-wording";
import type { OrgContext } from "./context";

const mine = (ctx: OrgContext) => and(eq(notifications.organizationId, ctx.orgId), eq(notifications.recipientUserId, ctx.userId));

/** What an alert notification recorded when it fired (alert-checks.ts). */
export interface AlertNotificationData {
  touchpointId: string;
  touchpointName: string;
  metric: AlertMetric;
  comparison: AlertComparison;
  threshold: number;
  windowDays: number;
  value: number | null;
  n: number;
}

/** What a finding notification recorded (findings/notify.ts). */
export interface FindingNotificationData {
  number: number;
  title: string;
  summary: string;
}

export async function listNotifications(db: Queryable, ctx: OrgContext, input: { limit: number }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const rows = await tx
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
        body: comments.body,
        alertId: notifications.alertId,
        findingId: notifications.findingId,
        data: notifications.data,
      })
      .from(notifications)
      .leftJoin(comments, and(eq(comments.organizationId, notifications.organizationId), eq(comments.id, notifications.commentId)))
      .leftJoin(journeyMaps, and(eq(journeyMaps.organizationId, notifications.organizationId), eq(journeyMaps.id, notifications.mapId)))
      .leftJoin(users, eq(users.id, notifications.actorUserId))
      .where(mine(ctx))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.limit);
    const [unread] = await tx.select({ n: count() }).from(notifications).where(and(mine(ctx), isNull(notifications.readAt)));
    const items = rows.map(({ body, data, ...item }) => {
      const alert = item.kind === "alert" ? (data as unknown as AlertNotificationData) : null;
      const finding = item.findingId ? (data as unknown as FindingNotificationData) : null;
      const excerpt = alert ? alertFiredText(alert) : finding ? finding.summary : (body ?? "");
      return {
        ...item,
        touchpointId: alert?.touchpointId ?? item.touchpointId,
        alert: alert ? { touchpointName: alert.touchpointName } : null,
        finding: finding && item.findingId ? { id: item.findingId, number: finding.number, title: finding.title } : null,
        excerpt: excerpt.length > 160 ? `${excerpt.slice(0, 157)}…` : excerpt,
      };
    });
    return { items, unread: unread?.n ?? 0 };
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

/**
 * Notifies every member of a team (e.g. a touchpoint's owning team when its alert fires).
 * Returns who was notified; a team without members, or no team, notifies nobody.
 */
export async function notifyTeamMembers(
  tx: Tx,
  p: { orgId: string; teamId: string | null; kind: "alert"; mapId: string | null; alertId: string; data: Record<string, unknown> },
): Promise<string[]> {
  if (!p.teamId) return [];
  const members = await tx
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.organizationId, p.orgId), eq(teamMembers.teamId, p.teamId)));
  if (members.length === 0) return [];
  await tx.insert(notifications).values(
    members.map((m) => ({ organizationId: p.orgId, recipientUserId: m.userId, kind: p.kind, mapId: p.mapId, alertId: p.alertId, data: p.data })),
  );
  return members.map((m) => m.userId);
}
