// Turning a fired dashboard alert into a finding: its touchpoint, a title that names the
// rule ("CSAT % below 70% at Delivery") and a description with the figure, its answers and
// the window it saw, routed by the rules like any new finding. One firing makes one finding:
// the alert and the moment it fired are kept in a "from_alert" history event, and a second
// click (or a teammate's, at the same time) gets the finding the first one made.
import { and, eq, sql } from "drizzle-orm";
import { ALERT_METRIC_LABELS } from "@/db/alert-constants";
import type { Db, Tx } from "@/db/client";
import { alerts, findingEvents, findings, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { alertFiredText, formatAlertValue } from "@/lib/alert-wording";
import { formatDate } from "@/lib/format";
import type { OrgContext } from "../context";
import { invalid } from "../errors";
import { loadInOrg } from "../load-in-org";
import { advisoryLock } from "../locks";
import { insertFinding } from "./create";
import { recordFindingEvent } from "./history";
import { actorOf } from "./caller";

type Alert = typeof alerts.$inferSelect;

/** The finding already made from this firing of the alert, if any. */
async function findingOfFiring(tx: Tx, orgId: string, alertId: string, firedAt: string) {
  const [row] = await tx
    .select({ id: findings.id, number: findings.number })
    .from(findingEvents)
    .innerJoin(findings, and(eq(findings.organizationId, findingEvents.organizationId), eq(findings.id, findingEvents.findingId)))
    .where(
      and(
        eq(findingEvents.organizationId, orgId),
        eq(findingEvents.kind, "from_alert"),
        sql`${findingEvents.detail}->>'alertId' = ${alertId}`,
        sql`${findingEvents.detail}->>'firedAt' = ${firedAt}`,
      ),
    )
    .limit(1);
  return row ?? null;
}

export function alertFindingTitle(alert: Pick<Alert, "metric" | "comparison" | "threshold">, touchpointName: string) {
  return `${ALERT_METRIC_LABELS[alert.metric]} ${alert.comparison} ${formatAlertValue(alert.metric, alert.threshold)} at ${touchpointName}`;
}

/** "The alert on Delivery fired on 30 Nov 2026. At its last check, CSAT % is 62% (41 answers): below 70% over 7 days. …" */
function description(alert: Alert, touchpointName: string) {
  const seen = alertFiredText({ ...alert, value: alert.lastValue, n: alert.lastN ?? 0 });
  const checked = alert.lastCheckedAt ? `At its check of ${formatDate(alert.lastCheckedAt)}` : "At its last check";
  return `The alert on ${touchpointName} fired on ${formatDate(alert.firedAt!)}. ${checked}, ${seen}. It judges a window only when it has at least ${alert.minimumAnswers} answers.`;
}

export async function createFindingFromAlert(db: Db, ctx: OrgContext, input: { alertId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    // Two clicks at once wait for each other here, so the second sees the first's finding.
    await advisoryLock(tx, `alert-finding:${ctx.orgId}:${input.alertId}`);
    const alert = await loadInOrg(tx, alerts, { orgId: ctx.orgId, id: input.alertId }, "Alert");
    const firedAt = alert.firedAt?.toISOString() ?? null;
    const existing = firedAt ? await findingOfFiring(tx, ctx.orgId, alert.id, firedAt) : null;
    if (existing) return { ...existing, created: false };
    if (alert.state !== "firing" || !firedAt) throw invalid("alertId", "This alert is not firing now; only a firing alert can become a finding.");

    const touchpoint = await loadInOrg(tx, touchpoints, { orgId: ctx.orgId, id: alert.touchpointId }, "Touchpoint");
    const finding = await insertFinding(tx, ctx.orgId, actorOf(ctx), {
      title: alertFindingTitle(alert, touchpoint.name),
      description: description(alert, touchpoint.name),
      touchpointId: touchpoint.id,
      labels: [],
      responseIds: [],
      source: "alert",
    });
    await recordFindingEvent(tx, ctx.orgId, actorOf(ctx), finding.id, "from_alert", {
      alertId: alert.id,
      firedAt,
      touchpointName: touchpoint.name,
      metric: alert.metric,
      comparison: alert.comparison,
      threshold: alert.threshold,
      windowDays: alert.windowDays,
      value: alert.lastValue,
      n: alert.lastN ?? 0,
    });
    return { id: finding.id, number: finding.number, created: true };
  });
}
