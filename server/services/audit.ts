// The organization's activity log: recorded in the same transaction as the change it
// describes, so the log never claims something that rolled back.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx, Queryable } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { Actor, OrgContext } from "./context";
import { invalid } from "./errors";
import { withOrg } from "@/db/tenancy";

export type AuditAction =
  | "organization.created"
  | "organization.renamed"
  | "organization.time_zone_changed"
  | "alert.created"
  | "alert.updated"
  | "alert.deleted"
  | "member.invited"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "invitation.revoked"
  | "team.created"
  | "team.updated"
  | "team.deleted"
  | "team.member_added"
  | "team.member_removed"
  | "persona.created"
  | "persona.updated"
  | "persona.deleted"
  | "journey_map.created"
  | "journey_map.imported"
  | "journey_map.deleted"
  | "journey_map.shared"
  | "journey_map.share_revoked"
  | "api_key.created"
  | "api_key.revoked"
  | "organization.findings_visibility_changed"
  | "responses.imported";

export interface AuditEntry {
  action: AuditAction;
  targetType: "organization" | "member" | "invitation" | "team" | "persona" | "journey_map" | "api_key" | "alert" | "import";
  targetId?: string;
  data?: Record<string, unknown>;
}

/** Records one event in the caller's transaction (see auditEventValues for what it says). */
export async function recordAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry) {
  await tx.insert(auditEvents).values(auditEventValues(ctx, entry));
}

type AuditContext = { orgId: string; userId: string | null } | { orgId: string; actor: Actor };

/**
 * userId null: the system acted (the operator CLI); entry.data says how. With an actor that is
 * not a person, the event's data names it — the table has a column for a person only:
 * `via` (a system actor's label), or `apiKeyId` with the key's name and prefix as they are now.
 * One event's row, also for writers that insert several events in one statement.
 */
export function auditEventValues(ctx: AuditContext, entry: AuditEntry): typeof auditEvents.$inferInsert {
  const actor: Actor | null = "actor" in ctx ? ctx.actor : ctx.userId === null ? null : { kind: "user", userId: ctx.userId };
  const data = { ...entry.data, ...(actor?.kind === "api_key" ? { apiKeyId: actor.apiKeyId } : actor?.kind === "system" ? { via: actor.label } : {}) };
  return {
    organizationId: ctx.orgId,
    actorUserId: actor?.kind === "user" ? actor.userId : null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    // The key's name is read in the same statement (no round trip): it is what a person recognizes.
    data:
      actor?.kind === "api_key"
        ? sql`${JSON.stringify(data)}::jsonb || coalesce((select jsonb_build_object('apiKeyName', k.name, 'apiKeyPrefix', k.prefix) from api_keys k where k.organization_id = ${ctx.orgId} and k.id = ${actor.apiKeyId}), '{}'::jsonb)`
        : data,
  };
}

/**
 * Pages are keyed on (created_at, id) at microsecond precision: a JS Date (milliseconds)
 * would skip events that share the last shown event's millisecond.
 */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f-]{36})$/;
const createdAtText = sql<string>`to_char(${auditEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listActivity(db: Queryable, ctx: OrgContext, input: { cursor?: string; limit: number }) {
  const cursor = input.cursor ? CURSOR.exec(input.cursor) : undefined;
  if (cursor === null) throw invalid("cursor", "Not a valid page cursor.");
  return withOrg(db, ctx.orgId, async (tx) => {
    const rows = await tx
      .select({
        id: auditEvents.id,
        action: auditEvents.action,
        targetType: auditEvents.targetType,
        targetId: auditEvents.targetId,
        data: auditEvents.data,
        createdAt: auditEvents.createdAt,
        position: createdAtText,
        actorName: users.name,
        actorEmail: users.email,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(
        and(
          eq(auditEvents.organizationId, ctx.orgId),
          cursor ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${cursor[1]}::timestamptz, ${cursor[2]}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(input.limit + 1);
    const hasMore = rows.length > input.limit;
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      events: page.map(({ position: _position, ...event }) => event),
      nextCursor: hasMore && last ? `${last.position}_${last.id}` : undefined,
    };
  });
}
