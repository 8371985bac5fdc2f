// Creating a finding: by hand, from an obstacle on the map, or from responses. The routing
// rules pick its team as it is created (the touchpoint's owner when no rule matches), and the
// finding remembers which rule did, so nobody wonders why it landed where it did.
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import type { FindingSource } from "@/db/finding-constants";
import { findingEvidence, findings } from "@/db/schema";
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
import { scheduleSlaCheck } from "./sla-check";
import { emitWebhookEvent } from "../webhooks";
import { findingEventData } from "./webhook-data";
import { actorOf } from "./caller";

const EVIDENCE_SLICE = 1000;

type NewFinding = Omit<CreateFindingInput, "orgSlug"> & { source?: FindingSource };

/** The next number in the organization, taken under a lock so two creations never share one. */
async function nextNumber(tx: Tx, orgId: string): Promise<number> {
  await advisoryLock(tx, `finding-number:${orgId}`);
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${findings.number}), 0)::int` })
    .from(findings)
    .where(eq(findings.organizationId, orgId));
  return (row?.last ?? 0) + 1;
}

export async function insertFinding(tx: Tx, orgId: string, actor: Actor, input: NewFinding) {
  const obstacle = input.obstacleId ? await loadObstacle(tx, { orgId }, input.obstacleId) : null;
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
    .limit(1);
  return row ?? null;
}
