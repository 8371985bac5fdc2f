// Managing the routing rules (managers and above) and applying them on request to findings
// nobody has triaged yet. Rules keep their order in `position`; reordering names every rule.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { findingEvidence, findings, memberships, routingRules, teams } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { route } from "@/server/findings/routing";
import { FINDING_LIMITS, type RoutingRuleFields } from "@/server/schemas/findings";
import type { OrgContext } from "../context";
import { invalid, notFound } from "../errors";
import { inOrg, inOrgLoader } from "../load-in-org";
import { staleVersion } from "../versioning";
import { recordFindingEvent } from "./history";
import { loadEvidence, loadRules, routingFacts } from "./routing-facts";
import { actorOf } from "./caller";

type RuleFields = Omit<RoutingRuleFields, "orgSlug">;

const loadRule = inOrgLoader(routingRules, "Routing rule");

async function checkTargets(tx: Tx, orgId: string, fields: RuleFields) {
  const [team] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.organizationId, orgId), eq(teams.id, fields.teamId)));
  if (!team) throw notFound("Team");
  if (fields.assigneeUserId) {
    const [member] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, fields.assigneeUserId)));
    if (!member) throw invalid("assigneeUserId", "Assign to a member of this organization.");
  }
}

export async function listRoutingRules(db: Db, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, (tx) =>
    tx.select().from(routingRules).where(eq(routingRules.organizationId, ctx.orgId)).orderBy(asc(routingRules.position), asc(routingRules.id)),
  );
}

export async function createRoutingRule(db: Db, ctx: OrgContext, fields: RuleFields) {
  return withOrg(db, ctx.orgId, async (tx) => {
    await checkTargets(tx, ctx.orgId, fields);
    const [{ count, last }] = (await tx
      .select({ count: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${routingRules.position}), 0)::int` })
      .from(routingRules)
      .where(eq(routingRules.organizationId, ctx.orgId))) as [{ count: number; last: number }];
    if (count >= FINDING_LIMITS.rules) throw invalid("name", `An organization has at most ${FINDING_LIMITS.rules} routing rules.`);
    const [rule] = await tx
      .insert(routingRules)
      .values({ organizationId: ctx.orgId, position: last + 1, name: fields.name, conditions: fields.conditions, teamId: fields.teamId, assigneeUserId: fields.assigneeUserId, severity: fields.severity, enabled: fields.enabled })
      .returning();
    return { id: rule!.id, version: rule!.version };
  });
}

export async function updateRoutingRule(db: Db, ctx: OrgContext, input: RuleFields & { ruleId: string; version: number }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const before = await loadRule(tx, ctx, input.ruleId);
    await checkTargets(tx, ctx.orgId, input);
    const [rule] = await tx
      .update(routingRules)
      .set({ name: input.name, conditions: input.conditions, teamId: input.teamId, assigneeUserId: input.assigneeUserId, severity: input.severity, enabled: input.enabled, version: sql`${routingRules.version} + 1`, updatedAt: new Date() })
      .where(and(inOrg(routingRules, { orgId: ctx.orgId, id: before.id }), eq(routingRules.version, input.version)))
      .returning();
    if (!rule) throw staleVersion("Routing rule");
    return { id: rule.id, version: rule.version };
  });
}

export async function deleteRoutingRule(db: Db, ctx: OrgContext, input: { ruleId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const rule = await loadRule(tx, ctx, input.ruleId);
    await tx.delete(routingRules).where(inOrg(routingRules, { orgId: ctx.orgId, id: rule.id }));
    return { id: rule.id };
  });
}

/** The new order names every rule exactly once. */
export async function reorderRoutingRules(db: Db, ctx: OrgContext, input: { ruleIds: string[] }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const existing = await tx.select({ id: routingRules.id }).from(routingRules).where(eq(routingRules.organizationId, ctx.orgId)).for("update");
    const known = new Set(existing.map((r) => r.id));
    if (input.ruleIds.length !== known.size || new Set(input.ruleIds).size !== known.size || input.ruleIds.some((id) => !known.has(id))) {
      throw invalid("ruleIds", "The order must name every rule once. Reload and try again.");
    }
    for (const [index, id] of input.ruleIds.entries()) {
      await tx.update(routingRules).set({ position: index + 1 }).where(inOrg(routingRules, { orgId: ctx.orgId, id }));
    }
    return { ruleIds: input.ruleIds };
  });
}

/** Re-routes every finding still New (untriaged) by today's rules; returns how many changed team. */
export async function applyRulesToUntriaged(db: Db, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const rules = await loadRules(tx, ctx.orgId);
    const untriaged = await tx.select().from(findings).where(and(eq(findings.organizationId, ctx.orgId), eq(findings.status, "new"))).for("update");
    let changed = 0;
    for (const finding of untriaged) {
      const responseIds = (await tx.select({ id: findingEvidence.responseId }).from(findingEvidence).where(and(eq(findingEvidence.organizationId, ctx.orgId), eq(findingEvidence.findingId, finding.id)))).map((r) => r.id);
      const evidence = await loadEvidence(tx, ctx.orgId, responseIds);
      const decision = route(rules, await routingFacts(tx, ctx.orgId, finding, evidence));
      if (decision.teamId === finding.teamId && decision.ruleId === finding.routedByRuleId) continue;
      await tx
        .update(findings)
        .set({ teamId: decision.teamId, routedByRuleId: decision.ruleId, assigneeUserId: decision.assigneeUserId ?? finding.assigneeUserId, severity: decision.severity ?? finding.severity, version: sql`${findings.version} + 1`, updatedAt: new Date() })
        .where(inOrg(findings, { orgId: ctx.orgId, id: finding.id }));
      await recordFindingEvent(tx, ctx.orgId, actorOf(ctx), finding.id, "routed", { routedBy: decision.routedBy, ruleId: decision.ruleId, teamId: decision.teamId, from: finding.teamId });
      changed++;
    }
    return { examined: untriaged.length, rerouted: changed };
  });
}

