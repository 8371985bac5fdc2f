// Reading the board: the findings a person may see, filtered as the board's controls say,
// each with its team, assignee, place on the journey, evidence count and SLA clock; and one
// finding with its evidence and history for its page.
import { aliasedTable, and, arrayContains, asc, desc, eq, ilike, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { findingEvents, findingEvidence, findings, journeyMaps, stages, surveyResponses, teams, touchpoints, users } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { FindingFilters } from "@/server/schemas/findings";
import type { OrgContext } from "../context";
import { loadVisibleFinding, visibleFindings, visibleTeamIds } from "./access";
import type { FindingsCaller } from "./caller";
import { fixCheck } from "./fix-check";
import { impactOf } from "./impact";
import { loadSlaPolicy } from "./sla-clocks";

/** Cards on one board at most; the filters narrow a bigger organization's board. */
export const BOARD_LIMIT = 500;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A snoozed finding stays off the board (and its queue) until its date, unless asked for. */
export const awake = (now: Date) => or(isNull(findings.snoozedUntil), lte(findings.snoozedUntil, now));

function filterConditions(ctx: OrgContext, f: FindingFilters, now: Date): (SQL | undefined)[] {
  return [
    f.snoozed ? undefined : awake(now),
    f.myTeams
      ? inArray(findings.teamId, sql`(select tm.team_id from team_members tm where tm.organization_id = ${ctx.orgId} and tm.user_id = ${ctx.userId})`)
      : undefined,
    f.statuses?.length ? inArray(findings.status, f.statuses) : undefined,
    f.teamId ? eq(findings.teamId, f.teamId) : undefined,
    f.assignee === "me" ? eq(findings.assigneeUserId, ctx.userId) : f.assignee === "nobody" ? isNull(findings.assigneeUserId) : f.assignee ? eq(findings.assigneeUserId, f.assignee) : undefined,
    f.mapId ? eq(findings.mapId, f.mapId) : undefined,
    f.stageId ? eq(findings.stageId, f.stageId) : undefined,
    f.touchpointId ? eq(findings.touchpointId, f.touchpointId) : undefined,
    f.severity ? eq(findings.severity, f.severity) : undefined,
    f.label ? arrayContains(findings.labels, [f.label.toLowerCase()]) : undefined,
    f.q ? or(ilike(findings.title, `%${escapeLike(f.q)}%`), ilike(findings.description, `%${escapeLike(f.q)}%`)) : undefined,
  ];
}

const assignee = aliasedTable(users, "assignee");

export async function selectCards(tx: Tx, ctx: { orgId: string }, where: SQL | undefined, order: "recent" | "feed" = "recent", limit = BOARD_LIMIT) {
  return tx
    .select({
      id: findings.id,
      number: findings.number,
      title: findings.title,
      status: findings.status,
      severity: findings.severity,
      source: findings.source,
      labels: findings.labels,
      dueAt: findings.dueAt,
      snoozedUntil: findings.snoozedUntil,
      version: findings.version,
      createdAt: findings.createdAt,
      updatedAt: findings.updatedAt,
      firstRespondedAt: findings.firstRespondedAt,
      resolvedAt: findings.resolvedAt,
      teamId: findings.teamId,
      teamName: teams.name,
      assigneeUserId: findings.assigneeUserId,
      assigneeName: assignee.name,
      mapId: findings.mapId,
      mapName: journeyMaps.name,
      stageId: findings.stageId,
      stageName: stages.name,
      touchpointId: findings.touchpointId,
      touchpointName: touchpoints.name,
      evidenceCount: sql<number>`(select count(*)::int from finding_evidence e where e.organization_id = ${findings.organizationId} and e.finding_id = ${findings.id})`,
    })
    .from(findings)
    .leftJoin(teams, and(eq(teams.organizationId, findings.organizationId), eq(teams.id, findings.teamId)))
    .leftJoin(assignee, eq(assignee.id, findings.assigneeUserId))
    .leftJoin(journeyMaps, and(eq(journeyMaps.organizationId, findings.organizationId), eq(journeyMaps.id, findings.mapId)))
    .leftJoin(stages, and(eq(stages.organizationId, findings.organizationId), eq(stages.id, findings.stageId)))
    .leftJoin(touchpoints, and(eq(touchpoints.organizationId, findings.organizationId), eq(touchpoints.id, findings.touchpointId)))
    .where(and(eq(findings.organizationId, ctx.orgId), where))
    .orderBy(...(order === "recent" ? [desc(findings.updatedAt), desc(findings.id)] : [asc(findings.updatedAt), asc(findings.id)]))
    .limit(limit);
}

export async function listFindings(db: Db, ctx: OrgContext, filters: FindingFilters, now = new Date(), limit = BOARD_LIMIT) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const visible = visibleFindings(await visibleTeamIds(tx, ctx));
    const rows = await selectCards(tx, ctx, and(visible, ...filterConditions(ctx, filters, now)), "recent", limit);
    const policy = await loadSlaPolicy(tx, ctx.orgId);
    const impacts = await impactOf(tx, ctx.orgId, rows, now);
    const cards = rows.map((row) => ({ ...row, sla: policy.clock(row, now), impact: impacts.get(row.id)! }));
    const byBreach = filters.breach ? cards.filter((c) => c.sla?.state === filters.breach) : cards;
    // A queue works the clock closest to breach first; findings without a clock (closed) last.
    if (filters.sort === "sla") byBreach.sort((a, b) => (a.sla?.remainingMs ?? Infinity) - (b.sla?.remainingMs ?? Infinity));
    if (filters.sort === "impact") byBreach.sort((a, b) => b.impact.responsesAffected - a.impact.responsesAffected);
    return { findings: byBreach, truncated: rows.length === limit };
  });
}

export async function getFinding(db: Db, ctx: FindingsCaller, findingId: string, now = new Date()) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const base = await loadVisibleFinding(tx, ctx, findingId);
    const [card] = await selectCards(tx, ctx, eq(findings.id, base.id));
    const policy = await loadSlaPolicy(tx, ctx.orgId);
    const evidence = await tx
      .select({ id: surveyResponses.id, submittedAt: surveyResponses.submittedAt, csat: surveyResponses.csat, nps: surveyResponses.nps, ces: surveyResponses.ces, comment: surveyResponses.comment, addedAt: findingEvidence.createdAt })
      .from(findingEvidence)
      .innerJoin(surveyResponses, and(eq(surveyResponses.organizationId, findingEvidence.organizationId), eq(surveyResponses.id, findingEvidence.responseId)))
      .where(and(eq(findingEvidence.organizationId, ctx.orgId), eq(findingEvidence.findingId, base.id)))
      .orderBy(asc(surveyResponses.csat), desc(surveyResponses.submittedAt));
    const actor = aliasedTable(users, "actor");
    const history = await tx
      .select({ id: findingEvents.id, kind: findingEvents.kind, detail: findingEvents.detail, actorKind: findingEvents.actorKind, actorName: actor.name, createdAt: findingEvents.createdAt })
      .from(findingEvents)
      .leftJoin(actor, eq(actor.id, findingEvents.actorUserId))
      .where(and(eq(findingEvents.organizationId, ctx.orgId), eq(findingEvents.findingId, base.id)))
      .orderBy(asc(findingEvents.createdAt), asc(findingEvents.id));
    return {
      ...card!,
      description: base.description,
      source: base.source,
      obstacleId: base.obstacleId,
      routedByRuleId: base.routedByRuleId,
      duplicateOfId: base.duplicateOfId,
      declineReason: base.declineReason,
      sla: policy.clock(card!, now),
      impact: (await impactOf(tx, ctx.orgId, [base], now)).get(base.id)!,
      fixCheck: await fixCheck(tx, ctx.orgId, base, now),
      evidence,
      history,
    };
  });
}
