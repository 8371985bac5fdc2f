// Stages of a journey map: the canvas columns.
import { createStageInput, deleteStageInput, moveStageInput, updateStageInput } from "../schemas/canvas";
import { createStage, deleteStage, moveStage, updateStage } from "../services/stages";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const stageRouter = router({
  create: orgProcedure("journey.edit").input(createStageInput).mutation(({ ctx, input }) => createStage(ctx.db, ctx.org, input)),
  update: orgProcedure("journey.edit").input(updateStageInput).mutation(({ ctx, input }) => updateStage(ctx.db, ctx.org, input)),
  move: orgProcedure("journey.edit").input(moveStageInput).mutation(({ ctx, input }) => moveStage(ctx.db, ctx.org, input)),
  delete: orgProcedure("journey.edit").input(deleteStageInput).mutation(({ ctx, input }) => deleteStage(ctx.db, ctx.org, input)),
});
