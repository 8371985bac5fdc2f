// Outgoing webhooks (admins): endpoints, their delivery log, and a test event.
import { createWebhookInput, webhookDeliveriesInput, webhookIdInput } from "../schemas/findings";
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, sendTestEvent } from "../services/webhooks";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const webhookRouter = router({
  list: orgProcedure("webhook.manage").query(({ ctx }) => listWebhooks(ctx.db, ctx.org)),
  deliveries: orgProcedure("webhook.manage").input(webhookDeliveriesInput).query(({ ctx, input }) => listDeliveries(ctx.db, ctx.org, input)),
  create: orgProcedure("webhook.manage").input(createWebhookInput).mutation(({ ctx, input }) => createWebhook(ctx.db, ctx.org, input)),
  delete: orgProcedure("webhook.manage").input(webhookIdInput).mutation(({ ctx, input }) => deleteWebhook(ctx.db, ctx.org, input)),
  sendTest: orgProcedure("webhook.manage").input(webhookIdInput).mutation(({ ctx, input }) => sendTestEvent(ctx.db, ctx.org, input)),
});
