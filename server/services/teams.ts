// Teams inside an organization and who is on them. Teams carry a version: an update that
// read an older version is refused with CONFLICT instead of overwriting someone's edit.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, teamMembers, teams, users } from "@/db/schema";
import { recordAudit } from "./audit";
import type { OrgContext } from "./context";
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, invalid, notFound, pgErrorCode } from "./errors";
import { inOrg, inOrgLoader } from "./load-in-org";
import { withOrg } from "@/db/tenancy";
import { staleVersion } from "./versioning";

export async function listTeams(db: Db, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const rows = await tx
      .select()
      .from(teams)
      .where(eq(teams.organizationId, ctx.orgId))
      .orderBy(asc(teams.name));
    const members = await tx
      .select({ teamId: teamMembers.teamId, userId: users.id, name: users.name, email: users.email })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(eq(teamMembers.organizationId, ctx.orgId))
      .orderBy(asc(users.name));
    return rows.map((team) => ({
      id: team.id,
      name: team.name,
      description: team.description,
      version: team.version,
      members: members.filter((m) => m.teamId === team.id).map(({ teamId: _teamId, ...m }) => m),
    }));
  });
}

const loadTeam = inOrgLoader(teams, "Team");

const duplicateName = () => invalid("name", "A team with this name already exists.");

export async function createTeam(db: Db, ctx: OrgContext, input: { name: string; description: string }) {
  try {
    return await withOrg(db, ctx.orgId, async (tx) => {
      const [team] = await tx.insert(teams).values({ organizationId: ctx.orgId, ...input }).returning();
      await recordAudit(tx, ctx, { action: "team.created", targetType: "team", targetId: team!.id, data: { name: input.name } });
      return { id: team!.id, name: team!.name, description: team!.description, version: team!.version };
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw duplicateName();
    throw error;
  }
}

export async function updateTeam(db: Db, ctx: OrgContext, input: { teamId: string; version: number; name: string; description: string }) {
  try {
    return await withOrg(db, ctx.orgId, async (tx) => {
      const before = await loadTeam(tx, ctx, input.teamId);
      const [team] = await tx
        .update(teams)
        .set({ name: input.name, description: input.description, version: sql`${teams.version} + 1`, updatedAt: new Date() })
        .where(and(inOrg(teams, { orgId: ctx.orgId, id: input.teamId }), eq(teams.version, input.version)))
        .returning();
      if (!team) throw staleVersion("Team");
      await recordAudit(tx, ctx, {
        action: "team.updated",
        targetType: "team",
        targetId: team.id,
        data: { name: team.name, ...(before.name !== team.name ? { previousName: before.name } : {}) },
      });
      return { id: team.id, name: team.name, description: team.description, version: team.version };
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw duplicateName();
    throw error;
  }
}

export async function deleteTeam(db: Db, ctx: OrgContext, input: { teamId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const team = await loadTeam(tx, ctx, input.teamId);
    await tx.delete(teams).where(inOrg(teams, { orgId: ctx.orgId, id: team.id }));
    await recordAudit(tx, ctx, { action: "team.deleted", targetType: "team", targetId: team.id, data: { name: team.name } });
    return { id: team.id };
  });
}

export async function addTeamMember(db: Db, ctx: OrgContext, input: { teamId: string; userId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const team = await loadTeam(tx, ctx, input.teamId);
    const [member] = await tx
      .select({ name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.userId, input.userId)))
      .limit(1);
    if (!member) throw notFound("Member");
    try {
      // A savepoint, so a duplicate does not abort the whole transaction.
      await tx.transaction((sp) => sp.insert(teamMembers).values({ organizationId: ctx.orgId, teamId: team.id, userId: input.userId }));
    } catch (error) {
      const code = pgErrorCode(error);
      if (code === PG_UNIQUE_VIOLATION) return { teamId: team.id, userId: input.userId };
      if (code === PG_FOREIGN_KEY_VIOLATION) throw notFound("Member");
      throw error;
    }
    await recordAudit(tx, ctx, { action: "team.member_added", targetType: "team", targetId: team.id, data: { team: team.name, member: member.name, userId: input.userId } });
    return { teamId: team.id, userId: input.userId };
  });
}

export async function removeTeamMember(db: Db, ctx: OrgContext, input: { teamId: string; userId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const team = await loadTeam(tx, ctx, input.teamId);
    const removed = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.organizationId, ctx.orgId), eq(teamMembers.teamId, team.id), eq(teamMembers.userId, input.userId)))
      .returning({ userId: teamMembers.userId });
    if (removed.length === 0) throw notFound("Team member");
    await recordAudit(tx, ctx, { action: "team.member_removed", targetType: "team", targetId: team.id, data: { team: team.name, userId: input.userId } });
    return { teamId: team.id, userId: input.userId };
  });
}
