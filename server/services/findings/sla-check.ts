// The SLA watch, a recurring job per organization: each open finding whose clock has turned
// "due soon" or "breached" since people were last told notifies its team's members and the
// managers once for that state (the finding remembers which state it announced). Safe to run
// twice: the announcement and the remembered state commit together.
import { and, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { findings } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { enqueueJob } from "@/server/jobs/queue";
import { OPEN_STATUSES } from "@/server/findings/workflow";
import { loadSlaPolicy } from "./sla-clocks";
import { managerIds, notifyAboutFinding, teamMemberIds } from "./notify";

export const SLA_CHECK_JOB = "findings.sla_check";
export const SLA_CHECK_INTERVAL_MS = 10 * 60_000;

/** Makes sure the organization's SLA watch is queued (one at a time). */
export async function scheduleSlaCheck(tx: Tx, orgId: string) {
  await enqueueJob(tx, { orgId, kind: SLA_CHECK_JOB, dedupeKey: SLA_CHECK_JOB });
}

const STATE_WORDS = { due_soon: "is close to breaching its SLA", breached: "has breached its SLA" } as const;

export async function checkSlas(db: Db, p: { orgId: string; now: Date }): Promise<{ notified: number }> {
  return withOrg(db, p.orgId, async (tx) => {
    const open = await tx
      .select()
      .from(findings)
      .where(and(eq(findings.organizationId, p.orgId), inArray(findings.status, [...OPEN_STATUSES]), or(isNull(findings.snoozedUntil), lte(findings.snoozedUntil, p.now))))
      .for("update", { skipLocked: true });
    const policy = await loadSlaPolicy(tx, p.orgId);
    const managers = await managerIds(tx, p.orgId);
    let notified = 0;
    for (const finding of open) {
      const clock = policy.clock(finding, p.now);
      if (!clock || clock.state === "on_track" || clock.state === finding.slaNotifiedState) continue;
      const target = clock.target === "first_response" ? "first response" : "resolution";
      notified += await notifyAboutFinding(tx, p.orgId, { kind: "system", label: "SLA watch" }, [...(await teamMemberIds(tx, p.orgId, finding.teamId)), ...managers], {
        kind: "finding_sla",
        finding,
        summary: `F-${finding.number} “${finding.title}” ${STATE_WORDS[clock.state]} (${target} due ${clock.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC).`,
      });
      await tx.update(findings).set({ slaNotifiedState: clock.state }).where(and(eq(findings.organizationId, p.orgId), eq(findings.id, finding.id)));
    }
    return { notified };
  });
}
