// Each team's SLA targets per severity (managers set them; the board's clocks read them, and
// severities a team has not set use DEFAULT_SLA_HOURS).
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teamSlas, teams } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { SetTeamSlaInput } from "@/server/schemas/findings";
import type { OrgContext } from "../context";
import { notFound } from "../errors";

export async function listTeamSlas(db: Db, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, (tx) =>
    tx.select().from(teamSlas).where(eq(teamSlas.organizationId, ctx.orgId)).orderBy(asc(teamSlas.teamId), asc(teamSlas.severity)),
  );
}

export async function setTeamSla(db: Db, ctx: OrgContext, input: Omit<SetTeamSlaInput, "orgSlug">) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.organizationId, ctx.orgId), eq(teams.id, input.teamId)));
    if (!team) throw notFound("Team");
    const values = { firstResponseHours: input.firstResponseHours, resolutionHours: input.resolutionHours, weekdaysOnly: input.weekdaysOnly, updatedAt: new Date() };
    const [row] = await tx
      .insert(teamSlas)
      .values({ organizationId: ctx.orgId, teamId: team.id, severity: input.severity, ...values })
      .onConflictDoUpdate({ target: [teamSlas.organizationId, teamSlas.teamId, teamSlas.severity], set: values })
      .returning();
    return row!;
  });
}
