// Factories for people, organizations and their parts, shared by the tests, the e2e setup
// and the demo seed. They write through the application role inside withOrg, exactly like
// the app, so they also exercise row-level security.
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "../client";
import { DEFAULT_TEAMS, PASSWORD_HASH_OPTIONS, type Role } from "../constants";
import { memberships, organizations, teamMembers, teams, users } from "../schema";
import { withOrg } from "../tenancy";

/** Hashing is deliberately slow; tests create many users with the same password. */
const hashCache = new Map<string, Promise<string>>();
function cachedHash(password: string) {
  let hashed = hashCache.get(password);
  if (!hashed) {
    hashed = hash(password, PASSWORD_HASH_OPTIONS);
    hashCache.set(password, hashed);
  }
  return hashed;
}

export const DEFAULT_TEST_PASSWORD = "correct horse battery staple";

const unique = () => randomBytes(4).toString("hex");

export async function createUser(db: Db, input: { name?: string; email?: string; password?: string } = {}) {
  const suffix = unique();
  const [user] = await db
    .insert(users)
    .values({
      name: input.name ?? `Person ${suffix}`,
      email: (input.email ?? `person-${suffix}@example.test`).toLowerCase(),
      passwordHash: await cachedHash(input.password ?? DEFAULT_TEST_PASSWORD),
    })
    .returning();
  return user!;
}

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return user;
}

export async function createOrganization(
  db: Db,
  input: { ownerId: string; name?: string; slug?: string; defaultTeams?: boolean },
) {
  const suffix = unique();
  const [org] = await db
    .insert(organizations)
    .values({ name: input.name ?? `Org ${suffix}`, slug: input.slug ?? `org-${suffix}` })
    .returning();
  await withOrg(db, org!.id, async (tx) => {
    await tx.insert(memberships).values({ organizationId: org!.id, userId: input.ownerId, role: "owner" });
    if (input.defaultTeams !== false) {
      await tx.insert(teams).values(DEFAULT_TEAMS.map((team) => ({ organizationId: org!.id, ...team })));
    }
  });
  return org!;
}

export async function addMember(db: Db, input: { orgId: string; userId: string; role: Role }) {
  return withOrg(db, input.orgId, async (tx) => {
    const [membership] = await tx
      .insert(memberships)
      .values({ organizationId: input.orgId, userId: input.userId, role: input.role })
      .returning();
    return membership!;
  });
}

export async function createTeam(db: Db, input: { orgId: string; name?: string; memberIds?: string[] }) {
  return withOrg(db, input.orgId, async (tx) => {
    const [team] = await tx
      .insert(teams)
      .values({ organizationId: input.orgId, name: input.name ?? `Team ${unique()}` })
      .returning();
    if (input.memberIds?.length) {
      await tx.insert(teamMembers).values(input.memberIds.map((userId) => ({ organizationId: input.orgId, teamId: team!.id, userId })));
    }
    return team!;
  });
}

export async function listTeams(db: Db, orgId: string) {
  return withOrg(db, orgId, (tx) => tx.select().from(teams).where(eq(teams.organizationId, orgId)));
}

export async function addTeamMember(db: Db, input: { orgId: string; teamId: string; userId: string }) {
  return withOrg(db, input.orgId, (tx) =>
    tx.insert(teamMembers).values({ organizationId: input.orgId, teamId: input.teamId, userId: input.userId }),
  );
}
