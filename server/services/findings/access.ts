// Which findings a person may see and touch. An organization chooses: everyone sees every
// finding, or members and viewers see only their own teams' (managers and above always see
// all, since they route and oversee). A finding outside someone's view is NOT_FOUND to them,
// exactly like another organization's.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import type { FindingVisibility } from "@/db/finding-constants";
import { findings, organizations, teamMembers } from "@/db/schema";
import { can } from "@/server/auth/permissions";
import { withOrg } from "@/db/tenancy";
import { recordAudit } from "../audit";
import type { OrgContext } from "../context";
import { isPerson, type FindingsCaller } from "./caller";
import { notFound } from "../errors";

/** null: every finding; otherwise the teams whose findings this person sees. */
export async function visibleTeamIds(tx: Tx, ctx: FindingsCaller): Promise<string[] | null> {
  if (!isPerson(ctx) || can(ctx.role, "finding.manage")) return null;
  const [org] = await tx.select({ visibility: organizations.findingsVisibility }).from(organizations).where(eq(organizations.id, ctx.orgId));
  if (org?.visibility !== "team") return null;
  const rows = await tx
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.organizationId, ctx.orgId), eq(teamMembers.userId, ctx.userId)));
  return rows.map((r) => r.teamId);
}

/** The condition that keeps a query to the findings this person sees (unrouted ones stay with managers). */
export function visibleFindings(teamIds: string[] | null): SQL | undefined {
  if (teamIds === null) return undefined;
  return teamIds.length === 0 ? sql`false` : inArray(findings.teamId, teamIds);
}

/** A finding of this organization that this person may see, or NOT_FOUND; optionally locked for an update. */
export async function loadVisibleFinding(tx: Tx, ctx: FindingsCaller, findingId: string, options: { lock?: boolean } = {}) {
  const where = and(eq(findings.organizationId, ctx.orgId), eq(findings.id, findingId), visibleFindings(await visibleTeamIds(tx, ctx)));
  const query = tx.select().from(findings).where(where).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound("Finding");
  return row;
}

export async function findingsVisibility(db: Db, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const [org] = await tx.select({ visibility: organizations.findingsVisibility }).from(organizations).where(eq(organizations.id, ctx.orgId));
    return { visibility: org?.visibility ?? "organization" };
  });
}

/** Admins choose whether members see every finding or only their teams'. */
export async function setFindingsVisibility(db: Db, ctx: OrgContext, input: { visibility: FindingVisibility }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    await tx.update(organizations).set({ findingsVisibility: input.visibility, updatedAt: new Date() }).where(eq(organizations.id, ctx.orgId));
    await recordAudit(tx, ctx, { action: "organization.findings_visibility_changed", targetType: "organization", targetId: ctx.orgId, data: { visibility: input.visibility } });
    return { visibility: input.visibility };
  });
}
