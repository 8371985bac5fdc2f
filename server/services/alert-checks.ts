// Checking an organization's alerts (the alert.check job, every few minutes): each alert's
// figure over its window from the daily rollup (satisfaction-stats.ts, the dashboards'
// definitions), compared with its threshold. An alert fires once per crossing — the state
// moves ok → firing and the touchpoint's owning team is notified — and clears when the figure
// recovers. A window with fewer answers than the alert asks for is not judged: the state stays.
import { and, eq } from "drizzle-orm";
import type { AlertComparison, AlertMetric, AlertState } from "@/db/alert-constants";
import type { Db } from "@/db/client";
import { alerts, organizations, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { emptyDistribution, satisfactionFigures, type SatisfactionFigures } from "../metrics/satisfaction";
import { inOrg } from "./load-in-org";
import { notifyTeamMembers } from "./notifications";
import { touchpointSatisfaction } from "./satisfaction-stats";

/** The day (YYYY-MM-DD) an instant falls on in an IANA zone. */
export function dayIn(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** The day `days` before a YYYY-MM-DD day (calendar arithmetic, no time zone involved). */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** How many answers a figure rests on. */
const ANSWERS: Record<AlertMetric, (f: SatisfactionFigures) => number> = {
  csatPct: (f) => f.csatN,
  csatMean: (f) => f.csatN,
  nps: (f) => f.npsN,
  cesMean: (f) => f.cesN,
};

export interface AlertRule {
  metric: AlertMetric;
  comparison: AlertComparison;
  threshold: number;
  minimumAnswers: number;
  state: AlertState;
}

/** The state an alert moves to given the window's figures. Pure: the policy the tests pin. */
export function judgeAlert(rule: AlertRule, figures: SatisfactionFigures): { state: AlertState; value: number | null; n: number } {
  const value = figures[rule.metric];
  const n = ANSWERS[rule.metric](figures);
  if (value === null || n < rule.minimumAnswers) return { state: rule.state, value, n };
  const crossed = rule.comparison === "below" ? value < rule.threshold : value > rule.threshold;
  return { state: crossed ? "firing" : "ok", value, n };
}

export async function checkAlerts(db: Db, p: { orgId: string; now: Date }) {
  const { timeZone, rules } = await withOrg(db, p.orgId, async (tx) => ({
    timeZone: (await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, p.orgId)))[0]?.timeZone ?? "UTC",
    rules: await tx
      .select({ alert: alerts, teamId: touchpoints.teamId, mapId: touchpoints.mapId, touchpointName: touchpoints.name })
      .from(alerts)
      .innerJoin(touchpoints, and(eq(touchpoints.organizationId, alerts.organizationId), eq(touchpoints.id, alerts.touchpointId)))
      .where(eq(alerts.organizationId, p.orgId)),
  }));
  const today = dayIn(p.now, timeZone);
  const figuresByWindow = new Map<number, Map<string, SatisfactionFigures>>();
  for (const windowDays of new Set(rules.map((r) => r.alert.windowDays))) {
    const rows = await touchpointSatisfaction(db, { orgId: p.orgId }, { from: daysBefore(today, windowDays - 1), to: today });
    figuresByWindow.set(windowDays, new Map(rows.map((row) => [row.touchpointId, row])));
  }
  const noAnswers = satisfactionFigures(emptyDistribution());
  const result = { checked: rules.length, fired: 0, cleared: 0, notified: 0 };

  for (const { alert, teamId, mapId, touchpointName } of rules) {
    const figures = figuresByWindow.get(alert.windowDays)?.get(alert.touchpointId) ?? noAnswers;
    const judged = judgeAlert(alert, figures);
    const fires = alert.state === "ok" && judged.state === "firing";
    const clears = alert.state === "firing" && judged.state === "ok";
    await withOrg(db, p.orgId, async (tx) => {
      // Only from the state it was read in: a check running twice notifies once.
      const [moved] = await tx
        .update(alerts)
        .set({
          state: judged.state,
          lastValue: judged.value,
          lastN: judged.n,
          lastCheckedAt: p.now,
          ...(fires ? { firedAt: p.now } : {}),
          ...(clears ? { clearedAt: p.now } : {}),
        })
        .where(and(inOrg(alerts, { orgId: p.orgId, id: alert.id }), eq(alerts.state, alert.state)))
        .returning({ id: alerts.id });
      if (!moved || !fires) return;
      result.fired++;
      const data = { touchpointId: alert.touchpointId, touchpointName, metric: alert.metric, comparison: alert.comparison, threshold: alert.threshold, value: judged.value, n: judged.n, windowDays: alert.windowDays };
      result.notified += (await notifyTeamMembers(tx, { orgId: p.orgId, teamId, kind: "alert", mapId, alertId: alert.id, data })).length;
    });
    if (clears) result.cleared++;
  }
  return result;
}
