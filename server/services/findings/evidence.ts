// Evidence picked by hand: a manager selects responses in the responses explorer or on a
// touchpoint's page and adds them to an existing finding (or takes back a wrong pick). Every
// response must be this organization's, or nothing is written; ones already linked are skipped.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { findingEvidence, findings } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { invalid } from "../errors";
import { inOrg } from "../load-in-org";
import { loadVisibleFinding } from "./access";
import { actorOf, userIdOf, type FindingsCaller } from "./caller";
import { recordFindingEvent } from "./history";
import { loadEvidence } from "./routing-facts";

type Finding = typeof findings.$inferSelect;

/**
 * Linking evidence adds to what the finding shows without overwriting anything another person
 * edited, so it needs no version from the client (as merging a duplicate's evidence); it still
 * bumps the version, so an edit made from an older read of the page is told to reload.
 */
async function touch(tx: Tx, orgId: string, finding: Finding) {
  const [saved] = await tx
    .update(findings)
    .set({ version: sql`${findings.version} + 1`, updatedAt: new Date() })
    .where(inOrg(findings, { orgId, id: finding.id }))
    .returning({ version: findings.version });
  return saved!.version;
}

/** Links the responses to the finding; returns how many were new (0 when all were linked already). */
export async function addEvidence(db: Db, ctx: FindingsCaller, input: { findingId: string; responseIds: string[] }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const finding = await loadVisibleFinding(tx, ctx, input.findingId, { lock: true });
    // A duplicate's evidence moved to the finding it duplicates; new evidence belongs there too.
    if (finding.status === "duplicate") throw invalid("findingId", `F-${finding.number} was merged into another finding; add the responses to that one.`);
    const evidence = await loadEvidence(tx, ctx.orgId, input.responseIds);
    const added = await tx
      .insert(findingEvidence)
      .values(evidence.map((e) => ({ organizationId: ctx.orgId, findingId: finding.id, responseId: e.id, addedByUserId: userIdOf(ctx) })))
      .onConflictDoNothing()
      .returning({ responseId: findingEvidence.responseId });
    if (added.length === 0) return { findingId: finding.id, number: finding.number, added: 0, version: finding.version };
    await recordFindingEvent(tx, ctx.orgId, actorOf(ctx), finding.id, "evidence", { added: added.length });
    return { findingId: finding.id, number: finding.number, added: added.length, version: await touch(tx, ctx.orgId, finding) };
  });
}

/** Unlinks responses picked by mistake; returns how many were linked and now are not. */
export async function removeEvidence(db: Db, ctx: FindingsCaller, input: { findingId: string; responseIds: string[] }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const finding = await loadVisibleFinding(tx, ctx, input.findingId, { lock: true });
    const removed = await tx
      .delete(findingEvidence)
      .where(and(eq(findingEvidence.organizationId, ctx.orgId), eq(findingEvidence.findingId, finding.id), inArray(findingEvidence.responseId, [...new Set(input.responseIds)])))
      .returning({ responseId: findingEvidence.responseId });
    if (removed.length === 0) return { findingId: finding.id, number: finding.number, removed: 0, version: finding.version };
    await recordFindingEvent(tx, ctx.orgId, actorOf(ctx), finding.id, "evidence", { removed: removed.length });
    return { findingId: finding.id, number: finding.number, removed: removed.length, version: await touch(tx, ctx.orgId, finding) };
  });
}
