// The finding page's actions on a real database: comments with @mentions (stored as history,
// notifying only members who may see the finding), snoozing (off the board until the date),
// and turning a firing alert into a finding once per firing — each across two organizations.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts, findingEvents, findings, jobs, notifications } from "@/db/schema";
import { EMAIL_JOB } from "@/server/services/findings/notify";
import { callerFor } from "../helpers/callers";
import { populatedOrg, twoOrgs, type PopulatedOrg } from "../helpers/fixtures";
import { codeOf, fieldErrorsOfOutcome, outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

type Person = PopulatedOrg["owner"];
const DAY = 86_400_000;

const mentionsOf = (o: PopulatedOrg, who: Person) =>
  t.asOwner((tx) => tx.select().from(notifications).where(and(eq(notifications.organizationId, o.org.id), eq(notifications.recipientUserId, who.id), eq(notifications.kind, "finding_mention"))));
const emailsTo = (o: PopulatedOrg, who: Person) =>
  t.asOwner(async (tx) => (await tx.select().from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.kind, EMAIL_JOB)))).filter((j) => j.payload.to === who.email));
const commentOn = (o: PopulatedOrg, by: Person, body: string, findingId = o.finding.id) => callerFor(t.db, by).finding.comment({ orgSlug: o.org.slug, findingId, body });

describe("comments on a finding", () => {
  it("are history events listed with author and body; mentioned members (not the author) are notified in the app and by email", async () => {
    const o = await populatedOrg(t.db, "FComment");
    const posted = await commentOn(o, o.members.member, `@${o.members.manager.name} and @${o.members.member.name}, the label printer again?`);
    // The author mentioning themself is nobody to notify.
    expect(posted.mentioned).toEqual([{ userId: o.members.manager.id, name: o.members.manager.name }]);

    const page = await callerFor(t.db, o.members.viewer).finding.get({ orgSlug: o.org.slug, findingId: o.finding.id });
    const comments = page.history.filter((e) => e.kind === "commented");
    expect(comments.map((e) => [e.actorName, (e.detail as { body: string }).body])).toEqual([[o.members.member.name, `@${o.members.manager.name} and @${o.members.member.name}, the label printer again?`]]);

    const [notice] = await mentionsOf(o, o.members.manager);
    expect(notice).toMatchObject({ findingId: o.finding.id, actorUserId: o.members.member.id });
    expect(String(notice!.data.summary)).toMatch(new RegExp(`^“@.+the label printer again\\?” — ${o.members.member.name} on F-\\d+ “`));
    expect(await mentionsOf(o, o.members.member)).toEqual([]);
    // Email on by default for mentions.
    expect((await emailsTo(o, o.members.manager)).map((j) => String(j.payload.text))).toEqual([expect.stringContaining(`— ${o.members.member.name} on F-`)]);
    const inbox = await callerFor(t.db, o.members.manager).notification.list({ orgSlug: o.org.slug, limit: 5 });
    expect(inbox.items[0]).toMatchObject({ kind: "finding_mention", finding: { id: o.finding.id } });
  });

  it("a member who turned mention emails off still gets the in-app notification, and no email", async () => {
    const o = await populatedOrg(t.db, "FCommentPrefs");
    const admin = callerFor(t.db, o.members.admin);
    expect(await admin.notification.emailPreferences({ orgSlug: o.org.slug })).toMatchObject({ finding_mention: true });
    await admin.notification.setEmailPreference({ orgSlug: o.org.slug, kind: "finding_mention", email: false });
    await commentOn(o, o.members.member, `@${o.members.admin.name} have a look`);
    expect(await mentionsOf(o, o.members.admin)).toHaveLength(1);
    expect(await emailsTo(o, o.members.admin)).toEqual([]);
  });

  it("under team visibility, a mentioned member who cannot see the finding is not notified", async () => {
    const o = await populatedOrg(t.db, "FCommentVis");
    await callerFor(t.db, o.owner).finding.setVisibility({ orgSlug: o.org.slug, visibility: "team" });
    // The finding is routed to o.team (only members.member on it): the viewer does not see it, the manager does.
    const posted = await commentOn(o, o.members.member, `@${o.members.viewer.name} @${o.members.manager.name} FYI`);
    expect(posted.mentioned.map((m) => m.userId)).toEqual([o.members.manager.id]);
    expect(await mentionsOf(o, o.members.viewer)).toEqual([]);
    expect(await mentionsOf(o, o.members.manager)).toHaveLength(1);
  });

  it("viewers read only; an empty or over-long body is a field error; nothing is written", async () => {
    const o = await populatedOrg(t.db, "FCommentRules");
    expect(await codeOf(commentOn(o, o.members.viewer, "Can I?"))).toBe("FORBIDDEN");
    expect(fieldErrorsOfOutcome(await outcomeOf(commentOn(o, o.members.member, "   ")))).toEqual({ body: ["Write something first."] });
    expect(fieldErrorsOfOutcome(await outcomeOf(commentOn(o, o.members.member, "x".repeat(4001))))).toHaveProperty("body");
    const events = await t.asOwner((tx) => tx.select().from(findingEvents).where(and(eq(findingEvents.organizationId, o.org.id), eq(findingEvents.kind, "commented"))));
    expect(events).toEqual([]);
  });

  it("two organizations: another org's finding is NOT_FOUND, and mentioning someone of another org notifies nobody", async () => {
    const { a, b } = await twoOrgs(t.db);
    expect(await codeOf(commentOn(a, a.members.member, "Hello", b.finding.id))).toBe("NOT_FOUND");
    const posted = await commentOn(a, a.members.member, `@${b.members.manager.name} do you know?`);
    expect(posted.mentioned).toEqual([]);
    expect(await mentionsOf(b, b.members.manager)).toEqual([]);
    expect(await t.asOwner((tx) => tx.select().from(findingEvents).where(and(eq(findingEvents.organizationId, b.org.id), eq(findingEvents.kind, "commented"))))).toEqual([]);
  });
});

describe("snoozing", () => {
  it("hides a finding from the board and the team's queue until its date, unless snoozed ones are asked for; waking brings it back", async () => {
    const o = await populatedOrg(t.db, "Snooze");
    const member = callerFor(t.db, o.members.member);
    const ids = async (filters: Record<string, unknown>) => (await member.finding.list({ orgSlug: o.org.slug, filters })).findings.map((f) => f.id);
    expect(await ids({})).toContain(o.finding.id);

    const until = new Date(Date.now() + 3 * DAY);
    const snoozed = await member.finding.update({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, snoozedUntil: until });
    expect(snoozed.snoozedUntil?.getTime()).toBe(until.getTime());
    expect(await ids({})).not.toContain(o.finding.id);
    expect(await ids({ myTeams: true, sort: "sla" })).not.toContain(o.finding.id);
    expect(await ids({ snoozed: true })).toContain(o.finding.id);
    expect(await ids({ myTeams: true, snoozed: true })).toContain(o.finding.id);

    const woken = await member.finding.update({ orgSlug: o.org.slug, findingId: o.finding.id, version: snoozed.version, snoozedUntil: null });
    expect(woken.snoozedUntil).toBeNull();
    expect(await ids({})).toContain(o.finding.id);
    const history = (await member.finding.get({ orgSlug: o.org.slug, findingId: o.finding.id })).history.filter((e) => e.kind === "snoozed");
    expect(history.map((e) => (e.detail as { to: unknown }).to === null)).toEqual([false, true]);
  });

  it("a date that has passed wakes by itself: the finding is back on the board", async () => {
    const o = await populatedOrg(t.db, "SnoozePast");
    const member = callerFor(t.db, o.members.member);
    await member.finding.update({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, snoozedUntil: new Date(Date.now() + DAY) });
    // The snooze ran out (as if a day went by).
    await t.asOwner((tx) => tx.update(findings).set({ snoozedUntil: new Date(Date.now() - 60_000) }).where(and(eq(findings.organizationId, o.org.id), eq(findings.id, o.finding.id))));
    expect((await member.finding.list({ orgSlug: o.org.slug, filters: {} })).findings.map((f) => f.id)).toContain(o.finding.id);
  });

  it("only until a future date; a stale version is CONFLICT", async () => {
    const o = await populatedOrg(t.db, "SnoozeRules");
    const member = callerFor(t.db, o.members.member);
    const past = await outcomeOf(member.finding.update({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, snoozedUntil: new Date(Date.now() - DAY) }));
    expect(fieldErrorsOfOutcome(past)).toEqual({ snoozedUntil: ["Snooze until a date in the future."] });
    await member.finding.update({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, severity: "low" });
    expect(await codeOf(member.finding.update({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, snoozedUntil: new Date(Date.now() + DAY) }))).toBe("CONFLICT");
  });
});

/** Puts the organization's alert in the firing state, as the alert check does when it crosses. */
async function fire(o: PopulatedOrg, firedAt = new Date()) {
  await t.asOwner((tx) =>
    tx.update(alerts).set({ state: "firing", firedAt, lastValue: 62.5, lastN: 41, lastCheckedAt: firedAt }).where(and(eq(alerts.organizationId, o.org.id), eq(alerts.id, o.alert.id))),
  );
}

describe("a fired alert becomes a finding", () => {
  it("at its touchpoint, titled by its rule, described with the figure, routed by the rules; a second click returns the same finding", async () => {
    const o = await populatedOrg(t.db, "FromAlert");
    await fire(o);
    const member = callerFor(t.db, o.members.member);
    const made = await member.finding.fromAlert({ orgSlug: o.org.slug, alertId: o.alert.id });
    expect(made.created).toBe(true);

    const finding = await member.finding.get({ orgSlug: o.org.slug, findingId: made.id });
    expect(finding).toMatchObject({ source: "alert", touchpointId: o.touchpoints[0].id, title: `CSAT % below 70% at ${o.touchpoints[0].name}`, teamId: o.team.id });
    expect(finding.description).toContain("CSAT % is 63% (41 answers): below 70% over 7 days");
    expect(finding.history.find((e) => e.kind === "from_alert")?.detail).toMatchObject({ alertId: o.alert.id, value: 62.5, n: 41 });

    const again = await callerFor(t.db, o.members.manager).finding.fromAlert({ orgSlug: o.org.slug, alertId: o.alert.id });
    expect(again).toEqual({ id: made.id, number: made.number, created: false });
    // Two clicks at once make one finding too.
    const both = await Promise.all([member.finding.fromAlert({ orgSlug: o.org.slug, alertId: o.alert.id }), member.finding.fromAlert({ orgSlug: o.org.slug, alertId: o.alert.id })]);
    expect(both.map((x) => x.id)).toEqual([made.id, made.id]);

    // The next firing (after it cleared and crossed again) is a new finding.
    await fire(o, new Date(Date.now() + 60_000));
    const next = await member.finding.fromAlert({ orgSlug: o.org.slug, alertId: o.alert.id });
    expect(next.created).toBe(true);
    expect(next.id).not.toBe(made.id);
  });

  it("an alert that is not firing is refused; viewers may not; another org's alert is NOT_FOUND and makes nothing there", async () => {
    const { a, b } = await twoOrgs(t.db);
    const member = callerFor(t.db, a.members.member);
    const quiet = await outcomeOf(member.finding.fromAlert({ orgSlug: a.org.slug, alertId: a.alert.id }));
    expect(fieldErrorsOfOutcome(quiet)).toHaveProperty("alertId");
    await fire(a);
    await fire(b);
    expect(await codeOf(callerFor(t.db, a.members.viewer).finding.fromAlert({ orgSlug: a.org.slug, alertId: a.alert.id }))).toBe("FORBIDDEN");
    expect(await codeOf(member.finding.fromAlert({ orgSlug: a.org.slug, alertId: b.alert.id }))).toBe("NOT_FOUND");
    // A member of A naming B's slug is not a member there.
    expect(await codeOf(member.finding.fromAlert({ orgSlug: b.org.slug, alertId: b.alert.id }))).toBe("NOT_FOUND");
    const bFindings = await callerFor(t.db, b.owner).finding.list({ orgSlug: b.org.slug, filters: {} });
    expect(bFindings.findings.filter((f) => f.source === "alert")).toEqual([]);
  });
});
