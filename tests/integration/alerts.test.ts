// Threshold alerts end to end on a real database: responses imported, the check judges the
// window from the rollup, fires once per crossing (notifying the owning team's members and
// nobody else), clears on recovery, and is run by the job runner on its schedule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { jobs, notifications } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { JOB_DEFINITIONS } from "@/server/jobs/registry";
import { JobRunner } from "@/server/jobs/runner";
import { checkAlerts } from "@/server/services/alert-checks";
import { importResponseFile } from "@/server/services/response-imports";
import { callerFor } from "../helpers/callers";
import { populatedOrg, twoOrgs, uniqueSuffix, type PopulatedOrg } from "../helpers/fixtures";
import { codeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const DAY = 86_400_000;

/** Imports CSAT answers to the first touchpoint (owned by the fixture's team), submitted `daysAgo` days before now. */
async function importCsat(o: PopulatedOrg, scores: number[], daysAgo = 1) {
  const at = new Date(Date.now() - daysAgo * DAY).toISOString();
  const csv = `response_id,touchpoint,submitted_at,csat,comment,region\n${scores.map((csat) => `al-${uniqueSuffix()},${o.touchpoints[0].key},${at},${csat},,North`).join("\n")}\n`;
  const outcome = await importResponseFile(t.db, { orgId: o.org.id, actor: { kind: "user", userId: o.owner.id } }, (async function* () {
    yield new TextEncoder().encode(csv);
  })(), { surveyId: o.survey.id, fileName: "alerts.csv", source: "upload" });
  expect(outcome.status).toBe("succeeded");
}

/** Alert notifications by recipient in the organization. */
async function alertNotifications(orgId: string) {
  return withOrg(t.db, orgId, (tx) =>
    tx.select({ recipient: notifications.recipientUserId, alertId: notifications.alertId, data: notifications.data }).from(notifications).where(and(eq(notifications.organizationId, orgId), eq(notifications.kind, "alert"))),
  );
}

async function alertState(o: PopulatedOrg, alertId: string) {
  const list = await callerFor(t.db, o.members.viewer).alert.list({ orgSlug: o.org.slug });
  return list.find((a) => a.id === alertId)!;
}

describe("alerts", () => {
  it("fire once per crossing, notify only the owning team's members, and clear when the figure recovers", async () => {
    const { a: o, b } = await twoOrgs(t.db);
    const manager = callerFor(t.db, o.members.manager);
    // The fixture's own alert watches the same touchpoint; this test follows one alert.
    await manager.alert.delete({ orgSlug: o.org.slug, alertId: o.alert.id });
    const alert = await manager.alert.create({ orgSlug: o.org.slug, touchpointId: o.touchpoints[0].id, metric: "csatPct", comparison: "below", threshold: 70, windowDays: 7, minimumAnswers: 4 });

    // 3 answers: fewer than the 4 asked for, so not judged even though 0% is below 70%.
    await importCsat(o, [1, 2, 2]);
    expect(await checkAlerts(t.db, { orgId: o.org.id, now: new Date() })).toMatchObject({ fired: 0 });
    expect(await alertState(o, alert.id)).toMatchObject({ state: "ok", lastN: 3, lastValue: 0 });

    // 4 answers, 1 of them 4–5: CSAT 25% < 70%. Fires.
    await importCsat(o, [5]);
    expect(await checkAlerts(t.db, { orgId: o.org.id, now: new Date() })).toMatchObject({ fired: 1, notified: 1 });
    const fired = await alertState(o, alert.id);
    expect(fired).toMatchObject({ state: "firing", lastValue: 25, lastN: 4 });
    expect(fired.firedAt).not.toBeNull();
    // Still below at the next checks: no second notification.
    await checkAlerts(t.db, { orgId: o.org.id, now: new Date() });
    await checkAlerts(t.db, { orgId: o.org.id, now: new Date() });
    let sent = (await alertNotifications(o.org.id)).filter((n) => n.alertId === alert.id);
    // Only the team's member (the fixture's team has members.member alone); no owner, admin, manager or viewer.
    expect(sent.map((n) => n.recipient)).toEqual([o.members.member.id]);
    expect(sent[0]!.data).toMatchObject({ metric: "csatPct", comparison: "below", threshold: 70, value: 25, n: 4 });
    expect(await alertNotifications(b.org.id)).toEqual([]);

    // 12 more answers of 5: 13 of 16 are 4–5, 81.25% ≥ 70%. Clears, without notifying.
    await importCsat(o, Array(12).fill(5));
    expect(await checkAlerts(t.db, { orgId: o.org.id, now: new Date() })).toMatchObject({ fired: 0, cleared: 1 });
    const cleared = await alertState(o, alert.id);
    expect(cleared).toMatchObject({ state: "ok", lastValue: 81.25, lastN: 16 });
    expect(cleared.clearedAt).not.toBeNull();

    // 24 answers of 1: 13 of 40, 32.5%. A new crossing, a new notification.
    await importCsat(o, Array(24).fill(1));
    expect(await checkAlerts(t.db, { orgId: o.org.id, now: new Date() })).toMatchObject({ fired: 1 });
    sent = (await alertNotifications(o.org.id)).filter((n) => n.alertId === alert.id);
    expect(sent).toHaveLength(2);

    // The member sees it in their notifications, worded from the figure.
    const { items } = await callerFor(t.db, o.members.member).notification.list({ orgSlug: o.org.slug, limit: 10 });
    expect(items[0]).toMatchObject({ kind: "alert", alertId: alert.id, alert: { touchpointName: o.touchpoints[0].name }, excerpt: "CSAT % is 33% (40 answers): below 70% over 7 days" });
  });

  it("answers outside the window do not count", async () => {
    const o = await populatedOrg(t.db, "Window");
    const alert = await callerFor(t.db, o.owner).alert.create({ orgSlug: o.org.slug, touchpointId: o.touchpoints[0].id, metric: "csatMean", comparison: "below", threshold: 3, windowDays: 3, minimumAnswers: 1 });
    // Ten days ago: outside the 3-day window.
    await importCsat(o, [1, 1], 10);
    await checkAlerts(t.db, { orgId: o.org.id, now: new Date() });
    expect(await alertState(o, alert.id)).toMatchObject({ state: "ok", lastN: 0, lastValue: null });
    await importCsat(o, [2, 3], 1);
    await checkAlerts(t.db, { orgId: o.org.id, now: new Date() });
    expect(await alertState(o, alert.id)).toMatchObject({ state: "firing", lastN: 2, lastValue: 2.5 });
  });

  it("the job runner runs the organization's alert check on its schedule", async () => {
    const o = await populatedOrg(t.db, "Scheduled");
    // The fixture created an alert, which queued the check.
    await importCsat(o, Array(30).fill(2));
    const runner = new JobRunner(t.db, { definitions: JOB_DEFINITIONS, log: () => {} });
    // Other test files' organizations may have due checks too: run until this one's has run.
    for (let i = 0; i < 20 && (await alertState(o, o.alert.id)).state === "ok"; i++) await runner.runOnce();
    expect(await alertState(o, o.alert.id)).toMatchObject({ state: "firing", lastValue: 0, lastN: 30 });
    const queued = await withOrg(t.db, o.org.id, (tx) => tx.select().from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.kind, "alert.check"), eq(jobs.status, "queued"))));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
  });

  it("only managers and above change alerts, only in their organization, with a threshold the figure can take", async () => {
    const { a, b } = await twoOrgs(t.db);
    const fields = { touchpointId: a.touchpoints[0].id, metric: "nps" as const, comparison: "below" as const, threshold: 0, windowDays: 30, minimumAnswers: 30 };
    expect(await codeOf(callerFor(t.db, a.members.member).alert.create({ orgSlug: a.org.slug, ...fields }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(t.db, b.members.owner).alert.create({ orgSlug: a.org.slug, ...fields }))).toBe("NOT_FOUND");
    // Org A's touchpoint and alert named in org B's own context are simply not there.
    expect(await codeOf(callerFor(t.db, b.members.owner).alert.create({ orgSlug: b.org.slug, ...fields }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(t.db, b.members.owner).alert.delete({ orgSlug: b.org.slug, alertId: a.alert.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(t.db, a.members.manager).alert.create({ orgSlug: a.org.slug, ...fields, threshold: 150 }))).toBe("BAD_REQUEST");
    const updated = await callerFor(t.db, a.members.manager).alert.update({ orgSlug: a.org.slug, alertId: a.alert.id, version: a.alert.version, ...fields });
    expect(updated.version).toBe(a.alert.version + 1);
    expect(await codeOf(callerFor(t.db, a.members.manager).alert.update({ orgSlug: a.org.slug, alertId: a.alert.id, version: a.alert.version, ...fields }))).toBe("CONFLICT");
    expect(await codeOf(callerFor(t.db, a.members.viewer).alert.list({ orgSlug: a.org.slug }))).toBe("ok");
    expect(await codeOf(callerFor(t.db, a.members.manager).job.list({ orgSlug: a.org.slug }))).toBe("FORBIDDEN");
    const jobsOfA = await callerFor(t.db, a.members.admin).job.list({ orgSlug: a.org.slug });
    expect(jobsOfA.items.map((j) => j.kind)).toContain("alert.check");
    expect(await codeOf(callerFor(t.db, b.members.admin).job.list({ orgSlug: a.org.slug }))).toBe("NOT_FOUND");
  });
});
