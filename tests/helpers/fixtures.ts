// Shared fixtures: a populated organization and the two-organization setup every
// cross-tenant test starts from. Each call makes fresh, uniquely named rows, so tests in
// one database never see each other's data.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { ROLES, type Role } from "@/db/constants";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { addMember, createOrganization, createTeam, createUser } from "@/db/seed/factories";
import { createInvitation } from "@/server/services/invitations";
import type { InputTargets } from "./procedures";

export const uniqueSuffix = () => randomBytes(4).toString("hex");

export type TestUser = Awaited<ReturnType<typeof createUser>>;

/** Re-reads a user, e.g. to pick up a bumped session_version. */
export async function reloadUser(db: Db, userId: string): Promise<TestUser> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new Error(`user ${userId} is gone`);
  return user;
}

export interface PopulatedOrg {
  org: { id: string; slug: string; name: string };
  owner: TestUser;
  /** One member per role; members.owner is the owner above. */
  members: Record<Role, TestUser>;
  /** A team (not one of the defaults) with members.member on it. */
  team: { id: string; name: string; version: number };
  invitation: { id: string; email: string; token: string };
}

/**
 * An organization with an owner, one member of every other role, a named team with a
 * member, a pending invitation and the audit events these produce: a row in every tenant
 * table there is today.
 */
export async function populatedOrg(db: Db, label: string): Promise<PopulatedOrg> {
  const s = uniqueSuffix();
  const person = (role: Role) => createUser(db, { name: `${label} ${role} ${s}`, email: `${label.toLowerCase()}-${role}-${s}@example.test` });
  const owner = await person("owner");
  const org = await createOrganization(db, { ownerId: owner.id, name: `${label} Corp ${s}`, slug: `${label.toLowerCase()}-${s}` });
  const members = { owner } as Record<Role, TestUser>;
  for (const role of ROLES.slice(1)) {
    members[role] = await person(role);
    await addMember(db, { orgId: org.id, userId: members[role].id, role });
  }
  const team = await createTeam(db, { orgId: org.id, name: `${label} Secret Team ${s}`, memberIds: [members.member.id] });
  const email = `${label.toLowerCase()}-invitee-${s}@example.test`;
  const { invitation, token } = await createInvitation(db, { orgId: org.id, userId: owner.id, role: "owner" }, { email, role: "viewer" });
  return {
    org: { id: org.id, slug: org.slug, name: org.name },
    owner,
    members,
    team: { id: team.id, name: team.name, version: team.version },
    invitation: { id: invitation.id, email, token },
  };
}

/** Strings that identify org A and must never reach a member of another organization. */
export function identifiersOf(o: PopulatedOrg): string[] {
  const people = Object.values(o.members).flatMap((u) => [u.id, u.email, u.name]);
  return [o.org.id, o.org.slug, o.org.name, o.team.id, o.team.name, o.invitation.id, o.invitation.email, o.invitation.token, ...people];
}

export async function twoOrgs(db: Db) {
  const a = await populatedOrg(db, "Alpha");
  const b = await populatedOrg(db, "Bravo");
  return { a, b };
}

/** The organization's own objects, as targets for generated procedure inputs (a viewer as the member acted on). */
export function ownTargets(o: PopulatedOrg): InputTargets {
  return {
    orgSlug: o.org.slug,
    teamId: o.team.id,
    teamVersion: o.team.version,
    userId: o.members.viewer.id,
    invitationId: o.invitation.id,
    token: o.invitation.token,
  };
}
