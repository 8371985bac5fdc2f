// Outgoing webhooks against a local receiver (the operator setting that allows private
// addresses is on for this file): signed deliveries a receiver can verify, retries on
// failure, no redirects, the address guard, and once-only delivery with two job runners.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs, webhookDeliveries } from "@/db/schema";
import { JOB_DEFINITIONS } from "@/server/jobs/registry";
import { JobRunner } from "@/server/jobs/runner";
import { deliverWebhook } from "@/server/services/webhooks";
import { BlockedAddressError } from "@/server/webhooks/address-guard";
import { postWebhook } from "@/server/webhooks/deliver";
import { SIGNATURE_HEADER, verifySignature } from "@/server/webhooks/signature";
import { callerFor } from "../helpers/callers";
import { populatedOrg } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

interface Received {
  body: string;
  signature: string;
}

let t: TestDatabase;
let server: http.Server;
let port: number;
const received: Received[] = [];
let answer = 200;
beforeAll(async () => {
  process.env.WAYMARK_WEBHOOKS_ALLOW_PRIVATE = "1";
  t = await createTestDatabase();
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      if (req.url === "/moved") {
        res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end();
        return;
      }
      received.push({ body, signature: String(req.headers[SIGNATURE_HEADER.toLowerCase()]) });
      res.writeHead(answer).end();
    });
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

const deliveriesOf = (orgId: string) => t.asOwner((tx) => tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, orgId)));

describe("webhooks", () => {
  it("a finding's creation and resolution are delivered signed; the receiver verifies them", async () => {
    const o = await populatedOrg(t.db, "Hook");
    const admin = callerFor(t.db, o.members.admin);
    const endpoint = await admin.webhook.create({ orgSlug: o.org.slug, url: `http://127.0.0.1:${port}/hook`, events: ["finding.created", "finding.resolved"] });
    const created = await callerFor(t.db, o.owner).finding.create({ orgSlug: o.org.slug, title: "Parcels arrive wet" });
    await callerFor(t.db, o.owner).finding.move({ orgSlug: o.org.slug, findingId: created.id, version: created.version, status: "resolved" });
    const mine = (await deliveriesOf(o.org.id)).filter((d) => d.endpointId === endpoint.id);
    // Created and resolved; the status change itself was not subscribed to.
    expect(mine.map((d) => d.event).sort()).toEqual(["finding.created", "finding.resolved"]);

    received.length = 0;
    const now = new Date();
    for (const delivery of mine) await deliverWebhook(t.db, { orgId: o.org.id, deliveryId: delivery.id, now, finalAttempt: false });
    expect(received).toHaveLength(2);
    for (const message of received) {
      expect(verifySignature(endpoint.secret, message.body, message.signature, now)).toEqual({ ok: true });
      expect(verifySignature("whsec_wrong", message.body, message.signature, now)).toEqual({ ok: false, reason: "mismatch" });
    }
    const bodies = received.map((m) => JSON.parse(m.body)).sort((a, b) => a.event.localeCompare(b.event));
    expect(bodies[1]).toMatchObject({ event: "finding.resolved", data: { id: created.id, number: created.number, title: "Parcels arrive wet", status: "resolved" } });
    expect((await deliveriesOf(o.org.id)).filter((d) => d.endpointId === endpoint.id).map((d) => d.status)).toEqual(["delivered", "delivered"]);
    expect((await admin.webhook.list({ orgSlug: o.org.slug })).deliveries.filter((d) => d.endpointId === endpoint.id)).toHaveLength(2);
  });

  it("a failing receiver leaves the delivery pending with its error, then failed after the last attempt; the test event is a ping", async () => {
    const o = await populatedOrg(t.db, "Retry");
    const admin = callerFor(t.db, o.members.admin);
    const endpoint = await admin.webhook.create({ orgSlug: o.org.slug, url: `http://127.0.0.1:${port}/hook`, events: ["finding.created"] });
    const { deliveryId } = await admin.webhook.sendTest({ orgSlug: o.org.slug, webhookId: endpoint.id });
    answer = 500;
    try {
      await expect(deliverWebhook(t.db, { orgId: o.org.id, deliveryId, now: new Date(), finalAttempt: false })).rejects.toThrow("The receiver answered 500.");
      let [row] = await t.asOwner((tx) => tx.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.organizationId, o.org.id), eq(webhookDeliveries.id, deliveryId))));
      expect(row).toMatchObject({ event: "ping", status: "pending", attempts: 1, responseStatus: 500, lastError: "The receiver answered 500." });
      await expect(deliverWebhook(t.db, { orgId: o.org.id, deliveryId, now: new Date(), finalAttempt: true })).rejects.toThrow();
      [row] = await t.asOwner((tx) => tx.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.organizationId, o.org.id), eq(webhookDeliveries.id, deliveryId))));
      expect(row).toMatchObject({ status: "failed", attempts: 2 });
    } finally {
      answer = 200;
    }
  });

  it("never follows a redirect, and refuses private addresses unless the operator allows them", async () => {
    const request = { secret: "whsec_x", body: "{}", now: new Date() };
    await expect(postWebhook({ ...request, url: `http://127.0.0.1:${port}/moved`, allowPrivate: true })).rejects.toThrow(/redirect/);
    await expect(postWebhook({ ...request, url: `http://127.0.0.1:${port}/hook`, allowPrivate: false })).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(postWebhook({ ...request, url: `http://localhost:${port}/hook`, allowPrivate: false })).rejects.toThrow(/cannot be delivered/);
    await expect(postWebhook({ ...request, url: "http://[::ffff:169.254.169.254]/", allowPrivate: false })).rejects.toBeInstanceOf(BlockedAddressError);
  });

  it("two job runners on one database deliver each event exactly once", async () => {
    const o = await populatedOrg(t.db, "Twice");
    const admin = callerFor(t.db, o.members.admin);
    const endpoint = await admin.webhook.create({ orgSlug: o.org.slug, url: `http://127.0.0.1:${port}/hook`, events: ["finding.created"] });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await admin.webhook.sendTest({ orgSlug: o.org.slug, webhookId: endpoint.id })).deliveryId);
    received.length = 0;
    const silent = () => {};
    // Only this organization's deliveries run here: the other tests' jobs are set aside.
    await t.asOwner((tx) => tx.delete(jobs).where(and(ne(jobs.organizationId, o.org.id))));
    const runners = [1, 2].map((n) => new JobRunner(t.db, { id: `hook-runner-${n}`, definitions: JOB_DEFINITIONS, concurrency: 3, log: silent }));
    const delivered = () => received.map((m) => JSON.parse(m.body).id as string).filter((id) => ids.includes(id));
    for (let round = 0; round < 30 && delivered().length < ids.length; round++) await Promise.all(runners.map((r) => r.runOnce()));
    // A few more rounds: a second delivery of any event would show up now.
    for (let round = 0; round < 3; round++) await Promise.all(runners.map((r) => r.runOnce()));
    expect(delivered().sort()).toEqual([...ids].sort());
  });
});
