// Organizations: creating one (with its default teams), listing the ones a user belongs
// to, and resolving "may this user act in the organization named by this URL".
import { and, count, eq } from "drizzle-orm";
import { DEFAULT_TEAMS, type Role } from "@/db/constants";
import type { Db } from "@/db/client";
import { memberships, organizations, teams } from "@/db/schema";
import { isRole } from "../auth/permissions";
import { recordAudit } from "./audit";
import type { OrgContext } from "./context";
import { DomainError, PG_UNIQUE_VIOLATION, invalid, notFound, pgErrorCode } from "./errors";
import { withOrg, withUser } from "@/db/tenancy";
import { slugify } from "../schemas/organization";

export interface OrganizationSummary {
  id: string;
  slug: string;
  name: string;
  role: Role;
}

/** Slugs that would shadow app routes or confuse people. */
const RESERVED_SLUGS = new Set(["new", "api", "admin", "settings", "invite", "sign-in", "sign-up", "app", "o", "www"]);

export async function createOrganization(
  db: Db,
  input: { userId: string; name: string; slug?: string },
): Promise<OrganizationSummary> {
  const explicit = input.slug !== undefined;
  const base = input.slug ?? slugify(input.name);
  if (RESERVED_SLUGS.has(base) && explicit) throw invalid("slug", "That address is reserved. Choose another.");

  // A derived slug that is taken gets a numeric suffix; an explicit one is an error.
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt === 0 && !RESERVED_SLUGS.has(base) ? base : `${base}-${attempt + 1}`;
    try {
      return await db.transaction(async (tx) => {
        const [org] = await tx.insert(organizations).values({ slug, name: input.name }).returning();
        const ctx = { orgId: org!.id, userId: input.userId };
        await withOrg(tx, org!.id, async (orgTx) => {
          // A new membership revokes no session: the creator keeps using the one they have.
          await orgTx.insert(memberships).values({ organizationId: org!.id, userId: input.userId, role: "owner" });
          await orgTx.insert(teams).values(DEFAULT_TEAMS.map((team) => ({ organizationId: org!.id, ...team })));
          await recordAudit(orgTx, ctx, { action: "organization.created", targetType: "organization", targetId: org!.id, data: { name: input.name, slug } });
        });
        return { id: org!.id, slug, name: org!.name, role: "owner" as const };
      });
    } catch (error) {
      if (pgErrorCode(error) !== PG_UNIQUE_VIOLATION) throw error;
      if (explicit) throw invalid("slug", "That address is taken. Choose another.");
    }
  }
  throw new DomainError("CONFLICT", "Could not find a free address for this organization; enter one.");
}

export async function listMyOrganizations(db: Db, userId: string): Promise<OrganizationSummary[]> {
  return withUser(db, userId, async (tx) => {
    const rows = await tx
      .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, role: memberships.role })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, userId))
      .orderBy(organizations.name);
    return rows;
  });
}

export interface OrgAccess extends OrgContext {
  slug: string;
  name: string;
}

/**
 * The organization named in the URL and the caller's role in it, read from the database on
 * every request. A non-member gets NOT_FOUND, exactly as for an organization that does not
 * exist, so org slugs cannot be probed. A session older than the member's last role change
 * must sign in again.
 */
export async function resolveOrgAccess(
  db: Db,
  input: { slug: string; userId: string; authenticatedAt: number },
): Promise<OrgAccess> {
  const [org] = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.slug, input.slug))
    .limit(1);
  if (!org) throw notFound("Organization");
  const membership = await withOrg(db, org.id, async (tx) => {
    const [row] = await tx
      .select({ role: memberships.role, sessionsValidFrom: memberships.sessionsValidFrom })
      .from(memberships)
      .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, input.userId)))
      .limit(1);
    return row;
  });
  if (!membership || !isRole(membership.role)) throw notFound("Organization");
  if (membership.sessionsValidFrom && input.authenticatedAt < membership.sessionsValidFrom.getTime()) {
    throw new DomainError("UNAUTHORIZED", "Your access to this organization changed. Sign in again to continue.");
  }
  return { orgId: org.id, slug: org.slug, name: org.name, userId: input.userId, role: membership.role };
}

export async function getOrganizationOverview(db: Db, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, ctx.orgId)).limit(1);
    if (!org) throw notFound("Organization");
    const [memberCount] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, ctx.orgId));
    const [teamCount] = await tx.select({ n: count() }).from(teams).where(eq(teams.organizationId, ctx.orgId));
    return { id: org.id, slug: org.slug, name: org.name, createdAt: org.createdAt, role: ctx.role, memberCount: memberCount?.n ?? 0, teamCount: teamCount?.n ?? 0 };
  });
}

export async function renameOrganization(db: Db, ctx: OrgContext, input: { name: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const [org] = await tx
      .update(organizations)
      .set({ name: input.name, updatedAt: new Date() })
      .where(eq(organizations.id, ctx.orgId))
      .returning({ id: organizations.id, slug: organizations.slug, name: organizations.name });
    if (!org) throw notFound("Organization");
    await recordAudit(tx, ctx, { action: "organization.renamed", targetType: "organization", targetId: org.id, data: { name: input.name } });
    return org;
  });
}
