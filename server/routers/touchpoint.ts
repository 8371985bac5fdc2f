// Touchpoints: the cards in a stage.
import { createTouchpointInput, deleteTouchpointInput, moveTouchpointInput, updateTouchpointInput } from "../schemas/canvas";
import { createTouchpoint, deleteTouchpoint, moveTouchpoint, updateTouchpoint } from "../services/touchpoints";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const touchpointRouter = router({
  create: orgProcedure("journey.edit").input(createTouchpointInput).mutation(({ ctx, input }) => createTouchpoint(ctx.db, ctx.org, input)),
  update: orgProcedure("journey.edit").input(updateTouchpointInput).mutation(({ ctx, input }) => updateTouchpoint(ctx.db, ctx.org, input)),
  move: orgProcedure("journey.edit").input(moveTouchpointInput).mutation(({ ctx, input }) => moveTouchpoint(ctx.db, ctx.org, input)),
  delete: orgProcedure("journey.edit").input(deleteTouchpointInput).mutation(({ ctx, input }) => deleteTouchpoint(ctx.db, ctx.org, input)),
});
