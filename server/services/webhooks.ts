// Outgoing webhooks: admins register endpoints; finding events become one delivery row per
// endpoint plus a delivery job, in the same transaction as the change (a rolled-back change
// sends nothing). The job POSTs the signed event; a failure is retried by the job runner with
// back-off, and the delivery log shows every attempt's outcome.
import { randomBytes } from "node:crypto";
import { lookup } from "node:dns/promises";
import { and, arrayContains, desc, eq, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import type { WebhookEvent } from "@/db/finding-constants";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { env } from "../env";
import { enqueueJob } from "../jobs/queue";
import { assertDeliverable, BlockedAddressError } from "../webhooks/address-guard";
import { postWebhook, WebhookDeliveryError } from "../webhooks/deliver";
import type { OrgContext } from "./context";
import { invalid, notFound } from "./errors";
import { inOrg, inOrgLoader } from "./load-in-org";

export const WEBHOOK_JOB = "webhook.deliver";
const MAX_ENDPOINTS = 10;

const loadEndpoint = inOrgLoader(webhookEndpoints, "Webhook");

/** Refuses a URL whose host resolves to the server's own network (unless the operator allows it). */
async function assertPublicUrl(raw: string) {
  const url = new URL(raw);
  let addresses: { address: string }[];
  try {
    addresses = await lookup(url.hostname, { all: true });
  } catch {
    throw invalid("url", `${url.hostname} does not resolve to an address.`);
  }
  try {
    for (const { address } of addresses) assertDeliverable(address, { allowPrivate: env().WAYMARK_WEBHOOKS_ALLOW_PRIVATE });
  } catch (error) {
    if (error instanceof BlockedAddressError) throw invalid("url", `${url.hostname} is on a private network (${error.address}); webhooks go to public addresses only.`);
    throw error;
  }
}

/** The endpoints without their secrets (shown once, when created), each with its latest delivery; and the latest deliveries. */
export async function listWebhooks(db: Db, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const rows = await tx
      .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events, enabled: webhookEndpoints.enabled, createdAt: webhookEndpoints.createdAt })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.organizationId, ctx.orgId))
      .orderBy(webhookEndpoints.createdAt);
    const deliveries = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, ctx.orgId)).orderBy(desc(webhookDeliveries.createdAt)).limit(50);
    const latest = await tx
      .selectDistinctOn([webhookDeliveries.endpointId], { endpointId: webhookDeliveries.endpointId, status: webhookDeliveries.status, responseStatus: webhookDeliveries.responseStatus, createdAt: webhookDeliveries.createdAt })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.organizationId, ctx.orgId))
      .orderBy(webhookDeliveries.endpointId, desc(webhookDeliveries.createdAt));
    const lastOf = new Map(latest.map(({ endpointId, ...last }) => [endpointId, last]));
    return { endpoints: rows.map((e) => ({ ...e, lastDelivery: lastOf.get(e.id) ?? null })), deliveries };
  });
}

/**
 * One endpoint's delivery log, newest first (ids are time-ordered), with when the job runner
 * tries a failed one again: the queued delivery job's run time, once an attempt has failed.
 */
export async function listDeliveries(db: Db, ctx: OrgContext, input: { webhookId: string; cursor?: string; limit: number }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const endpoint = await loadEndpoint(tx, ctx, input.webhookId);
    const d = webhookDeliveries;
    const rows = await tx
      .select({
        id: d.id,
        event: d.event,
        status: d.status,
        attempts: d.attempts,
        responseStatus: d.responseStatus,
        lastError: d.lastError,
        createdAt: d.createdAt,
        deliveredAt: d.deliveredAt,
        // Columns named with their table: inside a subquery drizzle would leave them bare (and so the job's own).
        nextAttemptAt: sql<Date | null>`(select j.run_at from jobs j
          where j.organization_id = webhook_deliveries.organization_id and j.kind = ${WEBHOOK_JOB} and j.status = 'queued'
            and j.payload ->> 'deliveryId' = webhook_deliveries.id::text and webhook_deliveries.attempts > 0 limit 1)`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
      })
      .from(d)
      .where(and(eq(d.organizationId, ctx.orgId), eq(d.endpointId, endpoint.id), input.cursor ? lt(d.id, input.cursor) : undefined))
      .orderBy(desc(d.id))
      .limit(input.limit + 1);
    const page = rows.slice(0, input.limit);
    return { deliveries: page, nextCursor: rows.length > input.limit ? page.at(-1)!.id : undefined };
  });
}

export async function createWebhook(db: Db, ctx: OrgContext, input: { url: string; events: WebhookEvent[] }) {
  await assertPublicUrl(input.url);
  return withOrg(db, ctx.orgId, async (tx) => {
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(webhookEndpoints).where(eq(webhookEndpoints.organizationId, ctx.orgId))) as [{ n: number }];
    if (n >= MAX_ENDPOINTS) throw invalid("url", `An organization has at most ${MAX_ENDPOINTS} webhooks.`);
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({ organizationId: ctx.orgId, url: input.url, events: input.events, secret: `whsec_${randomBytes(24).toString("base64url")}`, createdByUserId: ctx.userId })
      .returning();
    return endpoint!;
  });
}

export async function deleteWebhook(db: Db, ctx: OrgContext, input: { webhookId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const endpoint = await loadEndpoint(tx, ctx, input.webhookId);
    await tx.delete(webhookEndpoints).where(inOrg(webhookEndpoints, { orgId: ctx.orgId, id: endpoint.id }));
    return { id: endpoint.id };
  });
}

async function queueDelivery(tx: Tx, orgId: string, endpointId: string, event: string, data: Record<string, unknown>) {
  const [delivery] = await tx
    .insert(webhookDeliveries)
    .values({ organizationId: orgId, endpointId, event, payload: { event, createdAt: new Date().toISOString(), data } })
    .returning({ id: webhookDeliveries.id });
  await enqueueJob(tx, { orgId, kind: WEBHOOK_JOB, payload: { deliveryId: delivery!.id }, maxAttempts: 6 });
  return delivery!.id;
}

/** Queues the event for every enabled endpoint that subscribed to it. Call inside the change's transaction. */
export async function emitWebhookEvent(tx: Tx, orgId: string, event: WebhookEvent, data: Record<string, unknown>) {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, orgId), eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.events, [event])));
  for (const endpoint of endpoints) await queueDelivery(tx, orgId, endpoint.id, event, data);
}

/** The "Send test event" button: a `ping` delivered like any event. */
export async function sendTestEvent(db: Db, ctx: OrgContext, input: { webhookId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const endpoint = await loadEndpoint(tx, ctx, input.webhookId);
    return { deliveryId: await queueDelivery(tx, ctx.orgId, endpoint.id, "ping", { message: "A test event from Waymark." }) };
  });
}

/** The job: one attempt at one delivery. Throws on failure so the runner retries with back-off. */
export async function deliverWebhook(db: Db, p: { orgId: string; deliveryId: string; now: Date; finalAttempt: boolean }) {
  const target = await withOrg(db, p.orgId, async (tx) => {
    const [delivery] = await tx.select().from(webhookDeliveries).where(inOrg(webhookDeliveries, { orgId: p.orgId, id: p.deliveryId }));
    if (!delivery) throw notFound("Delivery");
    const endpoint = await loadEndpoint(tx, { orgId: p.orgId }, delivery.endpointId);
    return { delivery, endpoint };
  });
  if (target.delivery.status === "delivered") return;
  const record = (changes: Partial<typeof webhookDeliveries.$inferInsert>) =>
    withOrg(db, p.orgId, (tx) =>
      tx
        .update(webhookDeliveries)
        .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, ...changes })
        .where(inOrg(webhookDeliveries, { orgId: p.orgId, id: p.deliveryId })),
    );
  try {
    const { status } = await postWebhook({ url: target.endpoint.url, secret: target.endpoint.secret, body: JSON.stringify({ id: p.deliveryId, ...target.delivery.payload }), allowPrivate: env().WAYMARK_WEBHOOKS_ALLOW_PRIVATE, now: p.now });
    await record({ status: "delivered", responseStatus: status, lastError: null, deliveredAt: p.now });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await record({ status: p.finalAttempt ? "failed" : "pending", responseStatus: error instanceof WebhookDeliveryError ? error.status : null, lastError: message });
    throw error;
  }
}
