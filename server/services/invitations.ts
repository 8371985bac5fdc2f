// Invitations: a single-use link, bound to one email address, valid for 7 days. The link is
// an organization token (org-tokens.ts): only its hash is stored.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { INVITATION_TTL_DAYS, type Role } from "@/db/constants";
import type { Db } from "@/db/client";
import { invitations, memberships, organizations, users } from "@/db/schema";
import { canGrantRole } from "../auth/permissions";
import { recordAudit } from "./audit";
import type { OrgContext } from "./context";
import { DomainError, conflict, forbidden, invalid, notFound } from "./errors";
import { inOrg, loadInOrg } from "./load-in-org";
import { hashToken, newOrgToken, orgIdOfToken } from "./org-tokens";
import { withOrg } from "@/db/tenancy";

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

function statusOf(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt <= now) return "expired";
  return "pending";
}

export async function createInvitation(db: Db, ctx: OrgContext, input: { email: string; role: Role }, now = new Date()) {
  if (!canGrantRole(ctx.role, input.role)) throw invalid("role", "You cannot invite someone with a role above your own.");
  return withOrg(db, ctx.orgId, async (tx) => {
    const [existing] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, ctx.orgId), eq(users.email, input.email)))
      .limit(1);
    if (existing) throw invalid("email", "This person is already a member.");

    const { token, tokenHash } = newOrgToken(ctx.orgId);
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
    const [invitation] = await tx
      .insert(invitations)
      .values({ organizationId: ctx.orgId, email: input.email, role: input.role, tokenHash, invitedByUserId: ctx.userId, expiresAt, createdAt: now })
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt });
    await recordAudit(tx, ctx, { action: "member.invited", targetType: "invitation", targetId: invitation!.id, data: { email: input.email, role: input.role } });
    return { invitation: invitation!, token };
  });
}

export async function listPendingInvitations(db: Db, ctx: OrgContext, now = new Date()) {
  return withOrg(db, ctx.orgId, (tx) =>
    tx
      .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt, invitedByName: users.name })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedByUserId))
      .where(and(eq(invitations.organizationId, ctx.orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
      .orderBy(desc(invitations.createdAt)),
  );
}

export async function revokeInvitation(db: Db, ctx: OrgContext, input: { invitationId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const invitation = await loadInOrg(tx, invitations, { orgId: ctx.orgId, id: input.invitationId }, "Invitation", { lock: "update" });
    if (!canGrantRole(ctx.role, invitation.role)) throw forbidden("You cannot revoke an invitation for a role above your own.");
    if (statusOf(invitation) !== "pending") throw conflict(`This invitation is already ${statusOf(invitation)}.`);
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(inOrg(invitations, { orgId: ctx.orgId, id: invitation.id }));
    await recordAudit(tx, ctx, { action: "invitation.revoked", targetType: "invitation", targetId: invitation.id, data: { email: invitation.email, role: invitation.role } });
    return { id: invitation.id };
  });
}

/** What the invitation page shows before accepting. Null for a token that matches nothing. */
export async function previewInvitation(db: Db, token: string, now = new Date()) {
  const orgId = orgIdOfToken(token);
  if (!orgId) return null;
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId)).limit(1);
  if (!org) return null;
  return withOrg(db, org.id, async (tx) => {
    const [invitation] = await tx
      .select({ email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt, invitedByName: users.name })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedByUserId))
      .where(and(eq(invitations.organizationId, org.id), eq(invitations.tokenHash, hashToken(token))))
      .limit(1);
    if (!invitation) return null;
    return {
      organization: { name: org.name, slug: org.slug },
      email: invitation.email,
      role: invitation.role,
      invitedByName: invitation.invitedByName,
      expiresAt: invitation.expiresAt,
      status: statusOf(invitation, now),
    };
  });
}

/**
 * Accepting adds a membership for the signed-in user and nothing else: it never creates,
 * merges or changes an account, and only the user signed in with the invited email may
 * accept.
 */
export async function acceptInvitation(db: Db, user: { userId: string; email: string }, token: string, now = new Date()) {
  const orgId = orgIdOfToken(token);
  if (!orgId) throw notFound("Invitation");
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId)).limit(1);
  if (!org) throw notFound("Invitation");
  return withOrg(db, org.id, async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.organizationId, org.id), eq(invitations.tokenHash, hashToken(token))))
      .limit(1)
      .for("update");
    if (!invitation) throw notFound("Invitation");
    const status = statusOf(invitation, now);
    if (status !== "pending") {
      throw new DomainError("FORBIDDEN", status === "expired" ? "This invitation has expired. Ask for a new one." : `This invitation was already ${status}.`);
    }
    if (invitation.email !== user.email.toLowerCase()) {
      throw forbidden("This invitation was sent to a different email address. Sign in with that address to accept it.");
    }
    const [existing] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, user.userId)))
      .limit(1);
    if (existing) throw conflict("You are already a member of this organization.");

    // A new membership revokes no session: the invitee keeps using the one they accepted with.
    await tx.insert(memberships).values({ organizationId: org.id, userId: user.userId, role: invitation.role });
    await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedByUserId: user.userId })
      .where(inOrg(invitations, { orgId: org.id, id: invitation.id }));
    await recordAudit(tx, { orgId: org.id, userId: user.userId }, { action: "member.joined", targetType: "member", targetId: user.userId, data: { email: invitation.email, role: invitation.role } });
    return { organization: { id: org.id, slug: org.slug, name: org.name }, role: invitation.role };
  });
}
