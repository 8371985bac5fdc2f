// Members of an organization: listing, changing roles, removing — within the hierarchy
// (nobody acts above their own role) and never leaving an organization without an owner.
import { and, asc, eq } from "drizzle-orm";
import type { Role } from "@/db/constants";
import type { Db, Tx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { canGrantRole, canManageMember } from "../auth/permissions";
import { recordAudit } from "./audit";
import type { OrgContext } from "./context";
import { forbidden, notFound } from "./errors";
import { withOrg } from "@/db/tenancy";

export async function listMembers(db: Db, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, (tx) =>
    tx
      .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, ctx.orgId))
      .orderBy(asc(users.name)),
  );
}

async function loadMember(tx: Tx, ctx: OrgContext, userId: string) {
  const [member] = await tx
    .select({ id: memberships.id, role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.userId, userId)))
    .limit(1)
    // Serializes concurrent role changes on the same member (and the last-owner check).
    .for("update", { of: memberships });
  if (!member) throw notFound("Member");
  return member;
}

/** Locks the owner rows so two owners cannot demote each other at the same time. */
async function ownerCount(tx: Tx, ctx: OrgContext): Promise<number> {
  const owners = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.role, "owner")))
    .for("update");
  return owners.length;
}

export async function changeMemberRole(db: Db, ctx: OrgContext, input: { userId: string; role: Role }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const member = await loadMember(tx, ctx, input.userId);
    if (!canManageMember(ctx.role, member.role)) throw forbidden("You cannot change the role of someone above you.");
    if (!canGrantRole(ctx.role, input.role)) throw forbidden("You cannot grant a role above your own.");
    if (member.role === input.role) return { userId: input.userId, role: input.role };
    if (member.role === "owner" && (await ownerCount(tx, ctx)) <= 1) {
      throw forbidden("An organization needs at least one owner. Make someone else owner first.");
    }
    await tx
      .update(memberships)
      // Sessions of the member from before this change stop working for this organization.
      .set({ role: input.role, sessionsValidFrom: new Date(), updatedAt: new Date() })
      .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.id, member.id)));
    await recordAudit(tx, ctx, {
      action: "member.role_changed",
      targetType: "member",
      targetId: input.userId,
      data: { name: member.name, email: member.email, from: member.role, to: input.role },
    });
    return { userId: input.userId, role: input.role };
  });
}

export async function removeMember(db: Db, ctx: OrgContext, input: { userId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const member = await loadMember(tx, ctx, input.userId);
    if (!canManageMember(ctx.role, member.role)) throw forbidden("You cannot remove someone above you.");
    if (member.role === "owner" && (await ownerCount(tx, ctx)) <= 1) {
      throw forbidden("An organization needs at least one owner. Make someone else owner first.");
    }
    await tx.delete(memberships).where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.id, member.id)));
    await recordAudit(tx, ctx, {
      action: "member.removed",
      targetType: "member",
      targetId: input.userId,
      data: { name: member.name, email: member.email, role: member.role },
    });
    return { userId: input.userId };
  });
}
