// Threshold alerts on touchpoints (managers and above set them; everyone sees them). Creating
// one makes sure the organization's alert check is scheduled; the check itself is in
// alert-checks.ts.
import { and, asc, count, eq } from "drizzle-orm";
import { ALERT_LIMITS } from "@/db/alert-constants";
import type { Db, Tx } from "@/db/client";
import { alerts, stages, teams, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { enqueueJob } from "../jobs/queue";
import type { AlertFields } from "../schemas/alerts";
import { recordAudit } from "./audit";
import type { OrgContext } from "./context";
import { DomainError, invalid } from "./errors";
import { findInOrg, inOrg, inOrgLoader } from "./load-in-org";
import { staleVersion } from "./versioning";

/** The job that checks an organization's alerts; one queued at a time per organization. */
export const ALERT_CHECK_JOB = "alert.check";

const loadAlert = inOrgLoader(alerts, "Alert");

export async function listAlerts(db: Db, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, (tx) =>
    tx
      .select({
        id: alerts.id,
        touchpointId: alerts.touchpointId,
        touchpointName: touchpoints.name,
        touchpointKey: touchpoints.key,
        mapId: touchpoints.mapId,
        stageName: stages.name,
        teamName: teams.name,
        metric: alerts.metric,
        comparison: alerts.comparison,
        threshold: alerts.threshold,
        windowDays: alerts.windowDays,
        minimumAnswers: alerts.minimumAnswers,
        state: alerts.state,
        lastValue: alerts.lastValue,
        lastN: alerts.lastN,
        lastCheckedAt: alerts.lastCheckedAt,
        firedAt: alerts.firedAt,
        clearedAt: alerts.clearedAt,
        version: alerts.version,
      })
      .from(alerts)
      .innerJoin(touchpoints, and(eq(touchpoints.organizationId, alerts.organizationId), eq(touchpoints.id, alerts.touchpointId)))
      .innerJoin(stages, and(eq(stages.organizationId, touchpoints.organizationId), eq(stages.id, touchpoints.stageId)))
      .leftJoin(teams, and(eq(teams.organizationId, touchpoints.organizationId), eq(teams.id, touchpoints.teamId)))
      .where(eq(alerts.organizationId, ctx.orgId))
      // Firing alerts first, then by touchpoint.
      .orderBy(asc(alerts.state), asc(touchpoints.name), asc(alerts.createdAt)),
  );
}

export type AlertSummary = Awaited<ReturnType<typeof listAlerts>>[number];

async function touchpointFor(tx: Tx, ctx: OrgContext, touchpointId: string) {
  const touchpoint = await findInOrg(tx, touchpoints, { orgId: ctx.orgId, id: touchpointId });
  if (!touchpoint) throw invalid("touchpointId", "That touchpoint no longer exists.");
  return touchpoint;
}

/** Queues the organization's alert check now, unless one is already queued or running. */
async function scheduleCheck(tx: Tx, orgId: string) {
  await enqueueJob(tx, { orgId, kind: ALERT_CHECK_JOB, dedupeKey: ALERT_CHECK_JOB });
}

export async function createAlert(db: Db, ctx: OrgContext, input: AlertFields) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const touchpoint = await touchpointFor(tx, ctx, input.touchpointId);
    const [existing] = await tx.select({ n: count() }).from(alerts).where(eq(alerts.organizationId, ctx.orgId));
    if ((existing?.n ?? 0) >= ALERT_LIMITS.maxPerOrganization) {
      throw new DomainError("VALIDATION", `An organization can have at most ${ALERT_LIMITS.maxPerOrganization} alerts; delete one first.`);
    }
    const [alert] = await tx
      .insert(alerts)
      .values({ organizationId: ctx.orgId, ...input, createdByUserId: ctx.userId })
      .returning({ id: alerts.id, version: alerts.version });
    await scheduleCheck(tx, ctx.orgId);
    await recordAudit(tx, ctx, { action: "alert.created", targetType: "alert", targetId: alert!.id, data: { touchpoint: touchpoint.name, metric: input.metric } });
    return alert!;
  });
}

/** A changed rule keeps its state; the check queued now judges it against the new rule. */
export async function updateAlert(db: Db, ctx: OrgContext, input: AlertFields & { alertId: string; version: number }) {
  const { alertId, version, ...fields } = input;
  return withOrg(db, ctx.orgId, async (tx) => {
    await loadAlert(tx, ctx, alertId);
    const touchpoint = await touchpointFor(tx, ctx, fields.touchpointId);
    const [updated] = await tx
      .update(alerts)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(inOrg(alerts, { orgId: ctx.orgId, id: alertId }), eq(alerts.version, version)))
      .returning({ id: alerts.id, version: alerts.version });
    if (!updated) throw staleVersion("Alert");
    await scheduleCheck(tx, ctx.orgId);
    await recordAudit(tx, ctx, { action: "alert.updated", targetType: "alert", targetId: alertId, data: { touchpoint: touchpoint.name, metric: fields.metric } });
    return updated;
  });
}

export async function deleteAlert(db: Db, ctx: OrgContext, input: { alertId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const alert = await loadAlert(tx, ctx, input.alertId);
    const touchpoint = await findInOrg(tx, touchpoints, { orgId: ctx.orgId, id: alert.touchpointId });
    await tx.delete(alerts).where(inOrg(alerts, { orgId: ctx.orgId, id: input.alertId }));
    await recordAudit(tx, ctx, { action: "alert.deleted", targetType: "alert", targetId: input.alertId, data: { touchpoint: touchpoint?.name ?? null, metric: alert.metric } });
    return { deleted: true };
  });
}
