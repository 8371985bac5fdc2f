// Changing a finding: editing its fields and moving it between statuses. Both name the
// version they read and lock the row, so of two people moving the same card at once one wins
// and the other gets CONFLICT; nothing is overwritten silently. Each change is a history event.
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { findingEvidence, findings, memberships, teams } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { moveRule } from "@/server/findings/workflow";
import type { MoveFindingInput, UpdateFindingInput } from "@/server/schemas/findings";
import { invalid, notFound } from "../errors";
import { inOrg } from "../load-in-org";
import { staleVersion } from "../versioning";
import { loadVisibleFinding } from "./access";
import { recordFindingEvent, type FindingEventKind } from "./history";
import { notifyNewOwners } from "./owner-notices";
import { emitWebhookEvent } from "../webhooks";
import { findingEventData } from "./webhook-data";
import { actorOf, type FindingsCaller } from "./caller";

type Finding = typeof findings.$inferSelect;

async function lockAtVersion(tx: Tx, ctx: FindingsCaller, findingId: string, version: number): Promise<Finding> {
  const finding = await loadVisibleFinding(tx, ctx, findingId, { lock: true });
  if (finding.version !== version) throw staleVersion("Finding");
  return finding;
}

async function save(tx: Tx, ctx: FindingsCaller, finding: Finding, changes: Partial<Finding>) {
  const [saved] = await tx
    .update(findings)
    .set({ ...changes, version: sql`${findings.version} + 1`, updatedAt: new Date() })
    .where(inOrg(findings, { orgId: ctx.orgId, id: finding.id }))
    .returning();
  return saved!;
}

async function assertTeam(tx: Tx, orgId: string, teamId: string) {
  const [row] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.organizationId, orgId), eq(teams.id, teamId)));
  if (!row) throw notFound("Team");
}

async function assertMember(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)));
  if (!row) throw invalid("assigneeUserId", "Assign the finding to a member of this organization.");
}

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

type FieldChanges = Omit<UpdateFindingInput, "orgSlug" | "findingId" | "version">;
type StatusChange = Pick<MoveFindingInput, "status" | "reason" | "duplicateOfId">;

export async function updateFinding(db: Db, ctx: FindingsCaller, input: Omit<UpdateFindingInput, "orgSlug">) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const finding = await lockAtVersion(tx, ctx, input.findingId, input.version);
    return editFields(tx, ctx, finding, input);
  });
}

export async function moveFinding(db: Db, ctx: FindingsCaller, input: Omit<MoveFindingInput, "orgSlug">) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const finding = await lockAtVersion(tx, ctx, input.findingId, input.version);
    return changeStatus(tx, ctx, finding, input);
  });
}

/** The REST API's PATCH: fields and a status in one transaction, from the one version the client read. */
export async function patchFinding(db: Db, ctx: FindingsCaller, input: { findingId: string; version: number; fields: FieldChanges; status?: StatusChange }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    let finding = await lockAtVersion(tx, ctx, input.findingId, input.version);
    finding = await editFields(tx, ctx, finding, input.fields);
    if (input.status && input.status.status !== finding.status) finding = await changeStatus(tx, ctx, finding, input.status);
    return finding;
  });
}

async function editFields(tx: Tx, ctx: FindingsCaller, finding: Finding, input: FieldChanges): Promise<Finding> {
  const changes: Partial<Finding> = {};
  const events: [FindingEventKind, Record<string, unknown>][] = [];
  const change = <K extends keyof Finding>(key: K, value: Finding[K] | undefined, kind: FindingEventKind, same = (a: Finding[K], b: Finding[K]) => a === b) => {
    if (value === undefined || same(finding[key], value)) return;
    changes[key] = value;
    events.push([kind, { from: finding[key], to: value }]);
  };
  if (input.teamId) await assertTeam(tx, ctx.orgId, input.teamId);
  if (input.assigneeUserId) await assertMember(tx, ctx.orgId, input.assigneeUserId);
  change("teamId", input.teamId, "team");
  change("assigneeUserId", input.assigneeUserId, "assignee");
  change("severity", input.severity, "severity");
  change("dueAt", input.dueAt, "due", sameInstant);
  change("snoozedUntil", input.snoozedUntil, "snoozed", sameInstant);
  change("labels", input.labels, "labels", (a, b) => a.join("\n") === b.join("\n"));
  if ((input.title !== undefined && input.title !== finding.title) || (input.description !== undefined && input.description !== finding.description)) {
    changes.title = input.title ?? finding.title;
    changes.description = input.description ?? finding.description;
    events.push(["edited", { title: changes.title }]);
  }
  if (events.length === 0) return finding;
  const saved = await save(tx, ctx, finding, changes);
  for (const [kind, detail] of events) await recordFindingEvent(tx, ctx.orgId, actorOf(ctx), finding.id, kind, detail);
  await notifyNewOwners(tx, ctx.orgId, actorOf(ctx), saved, { teamChanged: "teamId" in changes, assigneeChanged: "assigneeUserId" in changes });
  return saved;
}

async function changeStatus(tx: Tx, ctx: FindingsCaller, finding: Finding, input: StatusChange): Promise<Finding> {
  const rule = moveRule(finding.status, input.status);
  if (!rule.allowed) throw invalid("status", rule.why);
  if (rule.needs === "reason" && !input.reason) throw invalid("reason", "Say why this will not be fixed.");
  if (rule.needs === "duplicate_of" && !input.duplicateOfId) throw invalid("duplicateOfId", "Choose the finding this one duplicates.");

  const now = new Date();
  const changes: Partial<Finding> = {
    status: input.status,
    declineReason: input.status === "wont_fix" ? input.reason! : null,
    duplicateOfId: input.status === "duplicate" ? input.duplicateOfId! : null,
    resolvedAt: input.status === "resolved" ? now : null,
    firstRespondedAt: finding.firstRespondedAt ?? (input.status !== "new" ? now : null),
  };
  if (input.status === "duplicate") await mergeInto(tx, ctx, finding, input.duplicateOfId!);
  const saved = await save(tx, ctx, finding, changes);
  await recordFindingEvent(tx, ctx.orgId, actorOf(ctx), finding.id, "status", { from: finding.status, to: input.status, reason: input.reason ?? null, duplicateOfId: input.duplicateOfId ?? null });
  await emitWebhookEvent(tx, ctx.orgId, "finding.status_changed", { ...findingEventData(saved), from: finding.status });
  if (saved.status === "resolved") await emitWebhookEvent(tx, ctx.orgId, "finding.resolved", findingEventData(saved));
  return saved;
}

/** Marking a duplicate carries its evidence over to the finding it duplicates. */
async function mergeInto(tx: Tx, ctx: FindingsCaller, duplicate: Finding, targetId: string) {
  if (targetId === duplicate.id) throw invalid("duplicateOfId", "A finding cannot duplicate itself.");
  const target = await loadVisibleFinding(tx, ctx, targetId, { lock: true });
  if (target.status === "duplicate") throw invalid("duplicateOfId", `F-${target.number} is itself a duplicate; choose the finding it was merged into.`);
  await tx.execute(sql`
    insert into finding_evidence (organization_id, finding_id, response_id, added_by_user_id)
    select organization_id, ${target.id}::uuid, response_id, added_by_user_id from finding_evidence
    where organization_id = ${ctx.orgId}::uuid and finding_id = ${duplicate.id}::uuid
    on conflict do nothing`);
  await tx.delete(findingEvidence).where(and(eq(findingEvidence.organizationId, ctx.orgId), eq(findingEvidence.findingId, duplicate.id)));
  await tx.update(findings).set({ version: sql`${findings.version} + 1`, updatedAt: new Date() }).where(inOrg(findings, { orgId: ctx.orgId, id: target.id }));
  await recordFindingEvent(tx, ctx.orgId, actorOf(ctx), target.id, "merged", { from: duplicate.id, number: duplicate.number });
}
