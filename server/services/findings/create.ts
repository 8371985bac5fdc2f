// Creating a finding: by hand, from an obstacle on the map, or from responses. The routing
// rules pick its team as it is created (the touchpoint's owner when no rule matches), and the
// finding remembers which rule did, so nobody wonders why it landed where it did.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import type { FindingSource } from "@/db/finding-constants";
import { findingEvidence, findings, teams } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { route } from "@/server/findings/routing";
import type { CreateFindingInput } from "@/server/schemas/findings";
import type { Actor, OrgContext } from "../context";
import { advisoryLock } from "../locks";
import { loadObstacle } from "../obstacles";
import { loadTouchpoint } from "../touchpoints";
import { recordFindingEvent } from "./history";
import { notifyNewOwners } from "./owner-notices";
import { loadEvidence, loadRules, routingFacts } from "./routing-facts";
import { visibleTeamIds } from "./access";
import { invalid } from "../errors";
import { scheduleSlaCheck } from "./sla-check";
import { emitWebhookEvent } from "../webhooks";
import { findingEventData } from "./webhook-data";
import { actorOf } from "./caller";

const EVIDENCE_SLICE = 1000;

type NewFinding = Omit<CreateFindingInput, "orgSlug"> & { source?: FindingSource };

/** Held while a finding is numbered; also while an obstacle's finding is looked for, so one obstacle never gets two. */
const lockNumbering = (tx: Tx, orgId: string) => advisoryLock(tx, `finding-number:${orgId}`);

/** The next number in the organization, taken under a lock so two creations never share one. */
async function nextNumber(tx: Tx, orgId: string): Promise<number> {
  await lockNumbering(tx, orgId);
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${findings.number}), 0)::int` })
    .from(findings)
    .where(eq(findings.organizationId, orgId));
  return (row?.last ?? 0) + 1;
}

/**
 * A new finding, or, for an obstacle that already became one, that finding: a double click or
 * two people at once must not open a second. The lock is taken before the look-up and held to
 * the commit, so the second creation waits and then sees the first (a transaction-scoped
 * advisory lock is re-entrant, so nextNumber taking it again is free).
 */
export async function insertFinding(tx: Tx, orgId: string, actor: Actor, input: NewFinding) {
  const obstacle = input.obstacleId ? await loadObstacle(tx, { orgId }, input.obstacleId) : null;
  if (obstacle) {
    await lockNumbering(tx, orgId);
    const existing = await findingOfObstacle(tx, orgId, obstacle.id);
    if (existing) {
      const [row] = await tx.select().from(findings).where(and(eq(findings.organizationId, orgId), eq(findings.id, existing.id)));
      return row!;
    }
  }
  const touchpointId = obstacle?.touchpointId ?? input.touchpointId ?? null;
  const touchpoint = touchpointId ? await loadTouchpoint(tx, { orgId }, touchpointId) : null;
  const severity = input.severity ?? obstacle?.severity ?? "medium";
  const evidence = await loadEvidence(tx, orgId, input.responseIds);
  const decision = route(await loadRules(tx, orgId), await routingFacts(tx, orgId, { touchpointId, severity, title: input.title, description: input.description }, evidence));

  const [finding] = await tx
    .insert(findings)
    .values({
      organizationId: orgId,
      number: await nextNumber(tx, orgId),
      title: input.title,
      description: input.description,
      mapId: touchpoint?.mapId ?? null,
      stageId: touchpoint?.stageId ?? null,
      touchpointId,
      obstacleId: obstacle?.id ?? null,
      teamId: decision.teamId,
      assigneeUserId: decision.assigneeUserId,
      severity: decision.severity ?? severity,
      labels: input.labels,
      source: input.source ?? (obstacle ? "obstacle" : evidence.length ? "response" : "manual"),
      routedByRuleId: decision.ruleId,
      createdByUserId: actor.kind === "user" ? actor.userId : null,
    })
    .returning();
  // In slices: a suggestion's evidence can run to thousands of rows, past a statement's parameter limit.
  for (let i = 0; i < evidence.length; i += EVIDENCE_SLICE) {
    const slice = evidence.slice(i, i + EVIDENCE_SLICE);
    await tx.insert(findingEvidence).values(slice.map((e) => ({ organizationId: orgId, findingId: finding!.id, responseId: e.id, addedByUserId: actor.kind === "user" ? actor.userId : null })));
  }
  await recordFindingEvent(tx, orgId, actor, finding!.id, "created", { title: finding!.title, source: finding!.source, evidence: evidence.length });
  await recordFindingEvent(tx, orgId, actor, finding!.id, "routed", { routedBy: decision.routedBy, ruleId: decision.ruleId, teamId: decision.teamId });
  await notifyNewOwners(tx, orgId, actor, finding!, { teamChanged: true, assigneeChanged: true });
  await scheduleSlaCheck(tx, orgId);
  await emitWebhookEvent(tx, orgId, "finding.created", findingEventData(finding!));
  return finding!;
}

export async function createFinding(db: Db, ctx: OrgContext, input: NewFinding) {
  const finding = await withOrg(db, ctx.orgId, (tx) => insertFinding(tx, ctx.orgId, actorOf(ctx), input));
  return { id: finding.id, number: finding.number, version: finding.version, teamId: finding.teamId, routedByRuleId: finding.routedByRuleId };
}

/** Whether an obstacle already became a finding (the map's "turn into a finding" button shows the existing one). */
export async function findingOfObstacle(tx: Tx, orgId: string, obstacleId: string) {
  const [row] = await tx
    .select({ id: findings.id, number: findings.number })
    .from(findings)
    .where(and(eq(findings.organizationId, orgId), eq(findings.obstacleId, obstacleId)))
    // Boards made before one obstacle meant one finding may hold several: the first one counts.
    .orderBy(asc(findings.number))
    .limit(1);
  return row ?? null;
}

/**
 * The map's one-click "Turn into a finding": the obstacle's title, description, touchpoint and
 * severity, routed by the rules. Clicking again (or two people at once) gives back the finding
 * it already became, with `created: false`. `visible` says whether the caller may open it
 * (a member whose organization shows each team only its own findings may route one elsewhere).
 */
export async function findingFromObstacle(db: Db, ctx: OrgContext, input: { obstacleId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const obstacle = await loadObstacle(tx, ctx, input.obstacleId);
    if (obstacle.kind !== "obstacle") throw invalid("obstacleId", "Only an obstacle can become a finding; an opportunity is an idea, not a problem to fix.");
    await lockNumbering(tx, ctx.orgId);
    const existing = await findingOfObstacle(tx, ctx.orgId, obstacle.id);
    const finding = await insertFinding(tx, ctx.orgId, actorOf(ctx), { title: obstacle.title, description: obstacle.description, obstacleId: obstacle.id, labels: [], responseIds: [] });
    const [team] = finding.teamId
      ? await tx.select({ name: teams.name }).from(teams).where(and(eq(teams.organizationId, ctx.orgId), eq(teams.id, finding.teamId)))
      : [];
    const visibleTeams = await visibleTeamIds(tx, ctx);
    return {
      id: finding.id,
      number: finding.number,
      teamId: finding.teamId,
      teamName: team?.name ?? null,
      created: !existing,
      visible: visibleTeams === null || (finding.teamId !== null && visibleTeams.includes(finding.teamId)),
    };
  });
}
