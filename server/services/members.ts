// Members of an organization: listing, changing roles, removing — within the hierarchy
// (nobody acts above their own role) and never leaving an organization without an owner.
import { and, asc, count, eq } from "drizzle-orm";
import type { Role } from "@/db/constants";
import type { Db, Tx } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { can, canGrantRole, canManageMember, type Permission } from "../auth/permissions";
import { recordAudit } from "./audit";
import type { OrgContext } from "./context";
import { forbidden, notFound } from "./errors";
import { inOrg } from "./load-in-org";
import { conflictOnRace } from "./races";
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

/**
 * Every change to the roster takes its turn here first: it locks the organization's row
 * (one lock, so no order to get wrong — changes used to lock their target and then the owner
 * rows, and two owners demoting each other deadlocked). With the turn, it reads the actor's
 * role afresh and checks `permission` again: a change that went first may have lowered it
 * since the request began.
 */
async function takeRosterTurn(tx: Tx, ctx: OrgContext, permission: Permission): Promise<Role> {
  // NO KEY UPDATE: rows that reference the organization can still be written meanwhile.
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, ctx.orgId)).for("no key update");
  const [actor] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.userId, ctx.userId)))
    .limit(1);
  if (!actor || !can(actor.role, permission)) throw forbidden("Your role in this organization changed a moment ago; reload to see what you can do now.");
  return actor.role;
}

async function loadMember(tx: Tx, ctx: OrgContext, userId: string) {
  const [member] = await tx
    .select({ id: memberships.id, role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.userId, userId)))
    .limit(1);
  if (!member) throw notFound("Member");
  return member;
}

async function ownerCount(tx: Tx, ctx: OrgContext): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}

const LAST_OWNER = "An organization needs at least one owner. Make someone else owner first.";

/**
 * A roster change in its own transaction, taking its turn first. Should the database still
 * refuse to order two changes (a deadlock or serialization failure), the loser hears so
 * plainly instead of getting an internal error.
 */
function rosterChange<T>(db: Db, ctx: OrgContext, permission: Permission, change: (tx: Tx, actorRole: Role) => Promise<T>): Promise<T> {
  return conflictOnRace(
    () => withOrg(db, ctx.orgId, async (tx) => change(tx, await takeRosterTurn(tx, ctx, permission))),
    "Someone changed roles at the same moment; reload and try again.",
  );
}

export async function changeMemberRole(db: Db, ctx: OrgContext, input: { userId: string; role: Role }) {
  return rosterChange(db, ctx, "member.changeRole", async (tx, actorRole) => {
    const member = await loadMember(tx, ctx, input.userId);
    if (!canManageMember(actorRole, member.role)) throw forbidden("You cannot change the role of someone above you.");
    if (!canGrantRole(actorRole, input.role)) throw forbidden("You cannot grant a role above your own.");
    if (member.role === input.role) return { userId: input.userId, role: input.role };
    if (member.role === "owner" && (await ownerCount(tx, ctx)) <= 1) throw forbidden(LAST_OWNER);
    await tx
      .update(memberships)
      // Sessions of the member from before this change stop working for this organization.
      .set({ role: input.role, sessionsValidFrom: new Date(), updatedAt: new Date() })
      .where(inOrg(memberships, { orgId: ctx.orgId, id: member.id }));
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
  return rosterChange(db, ctx, "member.remove", async (tx, actorRole) => {
    const member = await loadMember(tx, ctx, input.userId);
    if (!canManageMember(actorRole, member.role)) throw forbidden("You cannot remove someone above you.");
    if (member.role === "owner" && (await ownerCount(tx, ctx)) <= 1) throw forbidden(LAST_OWNER);
    await tx.delete(memberships).where(inOrg(memberships, { orgId: ctx.orgId, id: member.id }));
    await recordAudit(tx, ctx, {
      action: "member.removed",
      targetType: "member",
      targetId: input.userId,
      data: { name: member.name, email: member.email, role: member.role },
    });
    return { userId: input.userId };
  });
}
