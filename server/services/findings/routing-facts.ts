// Gathers what the routing rules look at (server/findings/routing.ts) for a finding: where it
// sits on the journey, who owns that touchpoint, and what its evidence says.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { Severity } from "@/db/journey-constants";
import { routingRules, surveyResponses, touchpoints } from "@/db/schema";
import type { FindingFacts, RoutingRule, RuleConditions } from "@/server/findings/routing";
import { notFound } from "../errors";

export interface Evidence {
  id: string;
  comment: string | null;
  csat: number | null;
}

/** The responses named as evidence, all of them this organization's, or NOT_FOUND. */
export async function loadEvidence(tx: Tx, orgId: string, responseIds: string[]): Promise<Evidence[]> {
  if (responseIds.length === 0) return [];
  const unique = [...new Set(responseIds)];
  const rows = await tx
    .select({ id: surveyResponses.id, comment: surveyResponses.comment, csat: surveyResponses.csat })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.organizationId, orgId), inArray(surveyResponses.id, unique)));
  if (rows.length !== unique.length) throw notFound("Response");
  return rows;
}

/** The organization's enabled rules, in order. */
export async function loadRules(tx: Tx, orgId: string): Promise<RoutingRule[]> {
  const rows = await tx
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.organizationId, orgId), eq(routingRules.enabled, true)))
    .orderBy(asc(routingRules.position), asc(routingRules.id));
  return rows.map((r) => ({ id: r.id, name: r.name, conditions: r.conditions as RuleConditions, teamId: r.teamId, assigneeUserId: r.assigneeUserId, severity: r.severity }));
}

export async function routingFacts(
  tx: Tx,
  orgId: string,
  finding: { touchpointId: string | null; severity: Severity | null; title: string; description: string },
  evidence: Evidence[],
): Promise<FindingFacts> {
  const [touchpoint] = finding.touchpointId
    ? await tx
        .select({ stageId: touchpoints.stageId, channel: touchpoints.channel, teamId: touchpoints.teamId })
        .from(touchpoints)
        .where(and(eq(touchpoints.organizationId, orgId), eq(touchpoints.id, finding.touchpointId)))
    : [];
  return {
    stageId: touchpoint?.stageId ?? null,
    touchpointId: finding.touchpointId,
    channel: touchpoint?.channel ?? null,
    severity: finding.severity,
    title: finding.title,
    description: finding.description,
    evidenceComments: evidence.flatMap((e) => (e.comment ? [e.comment] : [])),
    evidenceCsat: evidence.flatMap((e) => (e.csat === null ? [] : [e.csat])),
    owningTeamId: touchpoint?.teamId ?? null,
  };
}
