// Organizations: creating one (with its default teams), listing the ones a user belongs
// to, and resolving "may this user act in the organization named by this URL".
import { count, eq, sql } from "drizzle-orm";
import { DEFAULT_TEAMS, type Role } from "@/db/constants";
import { queryRows, type Db } from "@/db/client";
import { memberships, organizations, teams } from "@/db/schema";
import { isRole } from "../auth/permissions";
import { readRequestAccess, sessionUserOf, type PublicUser, type SessionIdentity } from "./accounts";
import { isTimeZone } from "../ingest/timestamps";
import { recordAudit } from "./audit";
import { rebuildDailyRollup } from "./daily-rollup";
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
  /** IANA zone the organization's days are counted in. */
  timeZone: string;
}

/**
 * Who is asking and may they act in the organization named in the URL — the session, the
 * user, the organization and the membership, read from the database in one statement on every
 * request. An ended session is UNAUTHORIZED; a non-member gets NOT_FOUND, exactly as for an
 * organization that does not exist, so org slugs cannot be probed. A session older than the
 * member's last role change must sign in again.
 */
export async function resolveOrgAccess(db: Db, input: { slug: string; session: SessionIdentity; now?: Date }): Promise<{ user: PublicUser; org: OrgAccess }> {
  const row = await readRequestAccess(db, input.session, input.slug, input.now);
  const user = sessionUserOf(row, input.session);
  if (!row || !user) throw new DomainError("UNAUTHORIZED", "Your session has ended. Sign in again.");
  if (!row.org_id || !row.role || !isRole(row.role)) throw notFound("Organization");
  if (row.sessions_valid_from && input.session.authenticatedAt < new Date(row.sessions_valid_from).getTime()) {
    throw new DomainError("UNAUTHORIZED", "Your access to this organization changed. Sign in again to continue.");
  }
  return {
    user,
    org: { orgId: row.org_id, slug: row.org_slug!, name: row.org_name!, timeZone: row.org_time_zone ?? "UTC", userId: user.id, role: row.role },
  };
}

export async function getOrganizationOverview(db: Db, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, ctx.orgId)).limit(1);
    if (!org) throw notFound("Organization");
    const [memberCount] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, ctx.orgId));
    const [teamCount] = await tx.select({ n: count() }).from(teams).where(eq(teams.organizationId, ctx.orgId));
    return { id: org.id, slug: org.slug, name: org.name, timeZone: org.timeZone, createdAt: org.createdAt, role: ctx.role, memberCount: memberCount?.n ?? 0, teamCount: teamCount?.n ?? 0 };
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

/**
 * Sets the organization's time zone and re-buckets its daily rollup into the new zone's days,
 * in one transaction: imports running meanwhile either finish first (and are re-bucketed) or
 * wait and count in the new zone (daily-rollup.ts lockOrgTimeZone).
 */
export async function setOrganizationTimeZone(db: Db, ctx: OrgContext, input: { timeZone: string }) {
  if (!isTimeZone(input.timeZone)) throw invalid("timeZone", `"${input.timeZone}" is not a time zone (use a name such as Europe/Paris).`);
  return withOrg(db, ctx.orgId, async (tx) => {
    // The database must know the zone too: it computes the rollup's days.
    const [known] = await queryRows<{ ok: boolean }>(tx, sql`select exists (select 1 from pg_timezone_names where name = ${input.timeZone}) as ok`);
    if (!known?.ok) throw invalid("timeZone", `"${input.timeZone}" is not a time zone the database knows.`);
    const [before] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, ctx.orgId)).for("update");
    if (!before) throw notFound("Organization");
    if (before.timeZone === input.timeZone) return { timeZone: input.timeZone, rebucketedResponses: 0 };
    await tx.update(organizations).set({ timeZone: input.timeZone, updatedAt: new Date() }).where(eq(organizations.id, ctx.orgId));
    const rebucketedResponses = await rebuildDailyRollup(tx, { orgId: ctx.orgId, timeZone: input.timeZone });
    await recordAudit(tx, ctx, { action: "organization.time_zone_changed", targetType: "organization", targetId: ctx.orgId, data: { from: before.timeZone, to: input.timeZone } });
    return { timeZone: input.timeZone, rebucketedResponses };
  });
}
