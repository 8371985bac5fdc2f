// Saved board views: named filters of the organization's board, curated by managers and
// offered to everyone beside "My team's queue".
import { and, asc, count, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { findingViews, journeyMaps, memberships, stages, teams, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { FINDING_VIEW_LIMITS, findingFiltersSchema, type FindingFilters } from "@/server/schemas/findings";
import type { OrgContext } from "../context";
import { invalid, notFound, pgConstraint } from "../errors";
import { loadInOrg, type TenantTable } from "../load-in-org";

const inOrganization = (ctx: OrgContext) => eq(findingViews.organizationId, ctx.orgId);

export async function listFindingViews(db: Db, ctx: OrgContext) {
  const rows = await withOrg(db, ctx.orgId, (tx) => tx.select().from(findingViews).where(inOrganization(ctx)).orderBy(asc(findingViews.name)));
  // A view saved before a filter changed shape keeps what still parses.
  return rows.map((row) => ({ id: row.id, name: row.name, filters: findingFiltersSchema.catch({}).parse(row.filters) }));
}

/** A saved view names only this organization's teams, people and journey places. */
async function assertFilterTargets(tx: Tx, orgId: string, f: FindingFilters) {
  const checks: [string | undefined, TenantTable, string][] = [
    [f.teamId, teams, "Team"],
    [f.mapId, journeyMaps, "Journey map"],
    [f.stageId, stages, "Stage"],
    [f.touchpointId, touchpoints, "Touchpoint"],
  ];
  for (const [id, table, what] of checks) if (id) await loadInOrg(tx, table, { orgId, id }, what);
  if (f.assignee && f.assignee !== "me" && f.assignee !== "nobody") {
    const [member] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, f.assignee)));
    if (!member) throw notFound("Member");
  }
}

export async function saveFindingView(db: Db, ctx: OrgContext, input: { name: string; filters: FindingFilters }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    await assertFilterTargets(tx, ctx.orgId, input.filters);
    const [{ n }] = (await tx.select({ n: count() }).from(findingViews).where(inOrganization(ctx))) as [{ n: number }];
    if (n >= FINDING_VIEW_LIMITS.perOrganization) throw invalid("name", `The board keeps ${FINDING_VIEW_LIMITS.perOrganization} saved views; delete one first.`);
    try {
      const [view] = await tx.insert(findingViews).values({ organizationId: ctx.orgId, createdByUserId: ctx.userId, name: input.name, filters: input.filters }).returning();
      return { id: view!.id, name: view!.name, filters: input.filters };
    } catch (error) {
      if (pgConstraint(error) === "finding_views_org_name_key") throw invalid("name", "There is already a view with this name.");
      throw error;
    }
  });
}

export async function deleteFindingView(db: Db, ctx: OrgContext, input: { viewId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const [deleted] = await tx.delete(findingViews).where(and(inOrganization(ctx), eq(findingViews.id, input.viewId))).returning({ id: findingViews.id });
    if (!deleted) throw notFound("View");
    return deleted;
  });
}
