// The organization's activity log: recorded in the same transaction as the change it
// describes, so the log never claims something that rolled back.
import { and, desc, eq, lt } from "drizzle-orm";
import type { Tx, Queryable } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { OrgContext } from "./context";
import { withOrg } from "@/db/tenancy";

export type AuditAction =
  | "organization.created"
  | "organization.renamed"
  | "member.invited"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "invitation.revoked"
  | "team.created"
  | "team.updated"
  | "team.deleted"
  | "team.member_added"
  | "team.member_removed";

export interface AuditEntry {
  action: AuditAction;
  targetType: "organization" | "member" | "invitation" | "team";
  targetId?: string;
  data?: Record<string, unknown>;
}

export async function recordAudit(tx: Tx, ctx: Pick<OrgContext, "orgId" | "userId">, entry: AuditEntry) {
  await tx.insert(auditEvents).values({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
  });
}

export async function listActivity(db: Queryable, ctx: OrgContext, input: { before?: Date; limit: number }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const rows = await tx
      .select({
        id: auditEvents.id,
        action: auditEvents.action,
        targetType: auditEvents.targetType,
        targetId: auditEvents.targetId,
        data: auditEvents.data,
        createdAt: auditEvents.createdAt,
        actorName: users.name,
        actorEmail: users.email,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(
        and(
          eq(auditEvents.organizationId, ctx.orgId),
          input.before ? lt(auditEvents.createdAt, input.before) : undefined,
        ),
      )
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(input.limit + 1);
    const hasMore = rows.length > input.limit;
    const events = rows.slice(0, input.limit);
    return { events, nextBefore: hasMore ? events.at(-1)?.createdAt : undefined };
  });
}
