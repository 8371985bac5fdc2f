// Who hears about findings: in-app notifications for the team and the assignee, the SLA watch
// announcing each crossing once, and emails — queued as jobs by preference, sent through a
// real SMTP server started here (smtp-server), or written to the log when none is set.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs, notifications } from "@/db/schema";
import { createMailer } from "@/server/mail/mailer";
import { sendQueuedEmail } from "@/server/services/findings/email-job";
import { EMAIL_JOB } from "@/server/services/findings/notify";
import { checkSlas } from "@/server/services/findings/sla-check";
import { callerFor } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const noticesOf = (o: PopulatedOrg, userId: string) =>
  t.asOwner((tx) => tx.select().from(notifications).where(and(eq(notifications.organizationId, o.org.id), eq(notifications.recipientUserId, userId))));
const emailJobs = (o: PopulatedOrg) => t.asOwner((tx) => tx.select().from(jobs).where(and(eq(jobs.organizationId, o.org.id), eq(jobs.kind, EMAIL_JOB))));

describe("finding notifications", () => {
  it("the team a finding lands with and its assignee are told, not the person who made it; emails follow preferences", async () => {
    const o = await populatedOrg(t.db, "Notify");
    const owner = callerFor(t.db, o.owner);
    // touchpoints[0] is owned by o.team, whose one member is members.member (who chose email for team findings).
    const created = await owner.finding.create({ orgSlug: o.org.slug, title: "Hero image slow", touchpointId: o.touchpoints[0].id });
    const teamNotices = (await noticesOf(o, o.members.member.id)).filter((n) => n.findingId === created.id);
    expect(teamNotices.map((n) => [n.kind, n.data.summary])).toEqual([["finding_team", `F-${created.number} “Hero image slow” landed with ${o.team.name}.`]]);
    expect((await noticesOf(o, o.owner.id)).filter((n) => n.findingId === created.id)).toEqual([]);

    await owner.finding.update({ orgSlug: o.org.slug, findingId: created.id, version: created.version, assigneeUserId: o.members.viewer.id });
    expect((await noticesOf(o, o.members.viewer.id)).filter((n) => n.findingId === created.id).map((n) => n.kind)).toEqual(["finding_assigned"]);

    // Email: the member opted in for team findings; the viewer gets assignments by default.
    const queued = (await emailJobs(o)).filter((j) => String(j.payload.subject).endsWith("Hero image slow")).map((j) => [j.payload.to, j.payload.subject]);
    expect(queued.sort()).toEqual([
      [o.members.member.email, `F-${created.number} Hero image slow`],
      [o.members.viewer.email, `F-${created.number} Hero image slow`],
    ]);
    const listed = await callerFor(t.db, o.members.viewer).notification.list({ orgSlug: o.org.slug, limit: 5 });
    expect(listed.items[0]).toMatchObject({ kind: "finding_assigned", finding: { id: created.id, number: created.number, title: "Hero image slow" } });
  });

  it("a person can turn emails of a kind off", async () => {
    const o = await populatedOrg(t.db, "Prefs");
    const viewer = callerFor(t.db, o.members.viewer);
    expect(await viewer.notification.emailPreferences({ orgSlug: o.org.slug })).toEqual({ finding_assigned: true, finding_team: false, finding_sla: true, finding_mention: true });
    await viewer.notification.setEmailPreference({ orgSlug: o.org.slug, kind: "finding_assigned", email: false });
    const before = (await emailJobs(o)).length;
    await callerFor(t.db, o.owner).finding.update({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, assigneeUserId: o.members.viewer.id });
    expect((await emailJobs(o)).length).toBe(before);
    expect((await noticesOf(o, o.members.viewer.id)).some((n) => n.kind === "finding_assigned")).toBe(true);
  });

  it("the SLA watch announces 'due soon' and 'breached' once each, to the team and the managers", async () => {
    const o = await populatedOrg(t.db, "Sla");
    const created = await callerFor(t.db, o.owner).finding.create({ orgSlug: o.org.slug, title: "Checkout down", touchpointId: o.touchpoints[0].id, severity: "critical" });
    const finding = await callerFor(t.db, o.owner).finding.get({ orgSlug: o.org.slug, findingId: created.id });
    const at = (hours: number) => new Date(finding.createdAt.getTime() + hours * 3_600_000);
    // Critical: first response within 4 hours (every hour counts by default); due soon after 3.
    expect(await checkSlas(t.db, { orgId: o.org.id, now: at(1) })).toEqual({ notified: 0 });
    // The watch acts as the system, so everyone is told: o.team's member, and the owner, admin and manager.
    const recipients = 4;
    expect(await checkSlas(t.db, { orgId: o.org.id, now: at(3.5) })).toEqual({ notified: recipients });
    expect(await checkSlas(t.db, { orgId: o.org.id, now: at(3.6) })).toEqual({ notified: 0 });
    expect(await checkSlas(t.db, { orgId: o.org.id, now: at(5) })).toEqual({ notified: recipients });
    const slaNotices = (await noticesOf(o, o.members.manager.id)).filter((n) => n.kind === "finding_sla" && n.findingId === created.id);
    expect(slaNotices.map((n) => String(n.data.summary)).sort()).toEqual([
      `F-${created.number} “Checkout down” has breached its SLA (first response due ${finding.sla!.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC).`,
      `F-${created.number} “Checkout down” is close to breaching its SLA (first response due ${finding.sla!.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC).`,
    ]);
  });
});

describe("email delivery", () => {
  it("sends a queued email through a real SMTP server", async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, done) {
        let text = "";
        stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push(text);
          done();
        });
      },
    });
    server.listen(0, "127.0.0.1");
    await once(server.server, "listening");
    try {
      const port = (server.server.address() as AddressInfo).port;
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "Waymark <no-reply@waymark.test>" });
      const result = await sendQueuedEmail(mailer, { to: "maya@example.test", subject: "F-7 Parcels arrive wet", text: "F-7 landed with Shipping." });
      expect(result.delivered).toBe("smtp");
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(/^Subject: F-7 Parcels arrive wet$/m);
      expect(received[0]).toMatch(/^To: maya@example\.test$/m);
      expect(received[0]).toContain("F-7 landed with Shipping.");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("writes the email to the log when no SMTP server is configured, and refuses a broken payload", async () => {
    const lines: string[] = [];
    const mailer = createMailer({ smtpUrl: null, from: "Waymark <no-reply@waymark.test>", log: (line) => lines.push(line) });
    expect(await sendQueuedEmail(mailer, { to: "a@example.test", subject: "Hi", text: "Body" })).toEqual({ delivered: "log", messageId: null });
    expect(lines[0]).toContain("To: a@example.test\nSubject: Hi\n\nBody");
    await expect(sendQueuedEmail(mailer, { to: "a@example.test" })).rejects.toThrow(/lacks to, subject or text/);
  });

  it("a failing SMTP server fails the job (so the runner retries it)", async () => {
    const mailer = createMailer({ smtpUrl: "smtp://127.0.0.1:1", from: "Waymark <no-reply@waymark.test>" });
    await expect(sendQueuedEmail(mailer, { to: "a@example.test", subject: "Hi", text: "Body" })).rejects.toThrow();
  });
});
