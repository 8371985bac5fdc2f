// Threshold alerts on touchpoints.
import { alertInput, createAlertInput, updateAlertInput } from "../schemas/alerts";
import { createAlert, deleteAlert, listAlerts, updateAlert } from "../services/alerts";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const alertRouter = router({
  list: orgProcedure("alert.read").query(({ ctx }) => listAlerts(ctx.db, ctx.org)),
  create: orgProcedure("alert.manage")
    .input(createAlertInput)
    .mutation(({ ctx, input: { orgSlug: _, ...fields } }) => createAlert(ctx.db, ctx.org, fields)),
  update: orgProcedure("alert.manage")
    .input(updateAlertInput)
    .mutation(({ ctx, input: { orgSlug: _, ...fields } }) => updateAlert(ctx.db, ctx.org, fields)),
  delete: orgProcedure("alert.manage")
    .input(alertInput)
    .mutation(({ ctx, input }) => deleteAlert(ctx.db, ctx.org, { alertId: input.alertId })),
});
