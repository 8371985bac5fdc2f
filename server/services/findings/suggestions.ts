// Suggested findings from the responses: low-score comments of the last weeks, not yet
// evidence of any finding, grouped per touchpoint by shared wording (server/findings/
// suggestions.ts). Accepting one makes a finding with that evidence, routed by the rules;
// dismissing one stops that wording being offered at that touchpoint.
import { and, eq, gte, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { findingSuggestionDismissals, surveyResponses, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { LOW_SCORE, mostCommonComment, suggestFindings, type Suggestion } from "@/server/findings/suggestions";
import type { OrgContext } from "../context";
import { notFound } from "../errors";
import { loadTouchpoint } from "../touchpoints";
import { insertFinding } from "./create";
import { actorOf } from "./caller";

/** How far back suggestions look, and how many recent unhappy comments they read at most. */
export const SUGGESTION_WINDOW_DAYS = 90;
const MAX_COMMENTS = 20_000;
/** Suggestions shown at once, largest first. */
const MAX_SUGGESTIONS = 30;

async function currentSuggestions(tx: Tx, orgId: string, now: Date): Promise<Suggestion[]> {
  const since = new Date(now.getTime() - SUGGESTION_WINDOW_DAYS * 86_400_000);
  const rows = await tx
    .select({ responseId: surveyResponses.id, touchpointId: surveyResponses.touchpointId, comment: surveyResponses.comment })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.organizationId, orgId),
        gte(surveyResponses.submittedAt, since),
        lte(surveyResponses.submittedAt, now),
        isNotNull(surveyResponses.touchpointId),
        sql`coalesce(${surveyResponses.comment}, '') <> ''`,
        or(lte(surveyResponses.csat, LOW_SCORE.csat), lte(surveyResponses.nps, LOW_SCORE.nps), lte(surveyResponses.ces, LOW_SCORE.ces)),
        sql`not exists (select 1 from finding_evidence e where e.organization_id = ${surveyResponses.organizationId} and e.response_id = ${surveyResponses.id})`,
      ),
    )
    .orderBy(sql`${surveyResponses.submittedAt} desc`)
    .limit(MAX_COMMENTS);
  const dismissed = await tx
    .select({ touchpointId: findingSuggestionDismissals.touchpointId, phrase: findingSuggestionDismissals.phrase })
    .from(findingSuggestionDismissals)
    .where(eq(findingSuggestionDismissals.organizationId, orgId));
  const comments = rows.map((r) => ({ responseId: r.responseId, touchpointId: r.touchpointId!, comment: r.comment! }));
  return suggestFindings(comments, new Set(dismissed.map((d) => `${d.touchpointId}|${d.phrase}`)));
}

export async function listSuggestions(db: Db, ctx: OrgContext, now = new Date()) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const suggestions = (await currentSuggestions(tx, ctx.orgId, now)).slice(0, MAX_SUGGESTIONS);
    const names = new Map(
      (await tx.select({ id: touchpoints.id, name: touchpoints.name }).from(touchpoints).where(eq(touchpoints.organizationId, ctx.orgId))).map((t) => [t.id, t.name]),
    );
    return suggestions.map((s) => ({ ...s, touchpointName: names.get(s.touchpointId) ?? "", count: s.responseIds.length }));
  });
}

/**
 * Accepting makes a finding of exactly the responses the manager saw, routed by the rules.
 * Each must be this organization's and answer about that touchpoint.
 */
export async function acceptSuggestion(db: Db, ctx: OrgContext, input: { touchpointId: string; phrase: string; responseIds: string[] }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const touchpoint = await loadTouchpoint(tx, ctx, input.touchpointId);
    const ids = [...new Set(input.responseIds)];
    const rows = await tx
      .select({ id: surveyResponses.id, comment: surveyResponses.comment })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.organizationId, ctx.orgId), eq(surveyResponses.touchpointId, touchpoint.id), inArray(surveyResponses.id, ids)));
    if (rows.length !== ids.length) throw notFound("Response");
    const example = mostCommonComment(rows.map((r) => r.comment ?? "")) || input.phrase;
    const finding = await insertFinding(tx, ctx.orgId, actorOf(ctx), {
      title: `${touchpoint.name}: “${example.slice(0, 100)}”`,
      description: `${ids.length} unhappy customers mentioned “${input.phrase}” at ${touchpoint.name}.`,
      touchpointId: touchpoint.id,
      labels: [],
      responseIds: ids,
      source: "suggestion",
    });
    return { id: finding.id, number: finding.number, teamId: finding.teamId, routedByRuleId: finding.routedByRuleId, evidence: ids.length };
  });
}

export async function dismissSuggestion(db: Db, ctx: OrgContext, input: { touchpointId: string; phrase: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const touchpoint = await loadTouchpoint(tx, ctx, input.touchpointId);
    await tx
      .insert(findingSuggestionDismissals)
      .values({ organizationId: ctx.orgId, touchpointId: touchpoint.id, phrase: input.phrase, dismissedByUserId: ctx.userId })
      .onConflictDoNothing();
    return { touchpointId: touchpoint.id, phrase: input.phrase };
  });
}
