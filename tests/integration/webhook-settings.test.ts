// What the webhook settings screen reads: endpoints without their secrets, each with its latest
// delivery, and one endpoint's delivery log a page at a time with the next retry of a failed
// delivery (a local receiver that answers 500; private addresses allowed for this file).
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, inArray, not, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs } from "@/db/schema";
import { JOB_DEFINITIONS } from "@/server/jobs/registry";
import { JobRunner } from "@/server/jobs/runner";
import { callerFor } from "../helpers/callers";
import { twoOrgs, type PopulatedOrg } from "../helpers/fixtures";
import { outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let a: PopulatedOrg;
let b: PopulatedOrg;
let server: http.Server;
let port: number;
beforeAll(async () => {
  process.env.WAYMARK_WEBHOOKS_ALLOW_PRIVATE = "1";
  t = await createTestDatabase();
  ({ a, b } = await twoOrgs(t.db));
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(500).end());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
  delete process.env.WAYMARK_WEBHOOKS_ALLOW_PRIVATE;
});

describe("webhook settings", () => {
  it("lists endpoints without their secret, with the latest delivery", async () => {
    const { endpoints } = await callerFor(t.db, a.members.admin).webhook.list({ orgSlug: a.org.slug });
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]).toMatchObject({ id: a.webhook.id, url: a.webhook.url, events: ["finding.created"], lastDelivery: { status: "pending" } });
    expect(endpoints[0]).not.toHaveProperty("secret");
    expect(JSON.stringify(endpoints)).not.toContain("whsec_");
  });

  it("pages one endpoint's log, newest first, and shows when a failed delivery is tried again", async () => {
    const admin = callerFor(t.db, a.members.admin);
    const endpoint = await admin.webhook.create({ orgSlug: a.org.slug, url: `http://127.0.0.1:${port}/hook`, events: ["finding.created"] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) sent.push((await admin.webhook.sendTest({ orgSlug: a.org.slug, webhookId: endpoint.id })).deliveryId);

    const first = await admin.webhook.deliveries({ orgSlug: a.org.slug, webhookId: endpoint.id, limit: 2 });
    expect(first.deliveries.map((d) => d.id)).toEqual([sent[2], sent[1]]);
    const second = await admin.webhook.deliveries({ orgSlug: a.org.slug, webhookId: endpoint.id, limit: 2, cursor: first.nextCursor });
    expect(second.deliveries.map((d) => d.id)).toEqual([sent[0]]);
    expect(second.nextCursor).toBeUndefined();
    // Not yet attempted: no retry to announce.
    expect(second.deliveries[0]).toMatchObject({ event: "ping", status: "pending", attempts: 0, nextAttemptAt: null });

    // One round of the job runner against the failing receiver: each delivery fails once and is rescheduled.
    // Only these three deliveries' jobs run here: every other job (other endpoints, alert checks) is set aside.
    await t.asOwner((tx) => tx.delete(jobs).where(not(and(eq(jobs.organizationId, a.org.id), inArray(sql`${jobs.payload} ->> 'deliveryId'`, sent))!)));
    const before = Date.now();
    await new JobRunner(t.db, { id: "settings-runner", definitions: JOB_DEFINITIONS, concurrency: 5, log: () => {} }).runOnce();
    const { deliveries } = await admin.webhook.deliveries({ orgSlug: a.org.slug, webhookId: endpoint.id, limit: 10 });
    for (const delivery of deliveries) {
      expect(delivery).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500, lastError: "The receiver answered 500." });
      expect(delivery.nextAttemptAt).toBeInstanceOf(Date);
      expect(delivery.nextAttemptAt!.getTime()).toBeGreaterThan(before);
    }
    const listed = (await admin.webhook.list({ orgSlug: a.org.slug })).endpoints.find((e) => e.id === endpoint.id)!;
    expect(listed.lastDelivery).toMatchObject({ status: "pending", responseStatus: 500 });
    await admin.webhook.delete({ orgSlug: a.org.slug, webhookId: endpoint.id });
  });

  it("another organization's endpoint log is not found; a manager may not read the log", async () => {
    expect(await outcomeOf(callerFor(t.db, a.members.admin).webhook.deliveries({ orgSlug: a.org.slug, webhookId: b.webhook.id, limit: 10 }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await outcomeOf(callerFor(t.db, a.members.manager).webhook.deliveries({ orgSlug: a.org.slug, webhookId: a.webhook.id, limit: 10 }))).toMatchObject({ code: "FORBIDDEN" });
  });

});
