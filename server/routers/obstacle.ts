// Obstacles and opportunities on a touchpoint.
import { createObstacleInput, deleteObstacleInput, updateObstacleInput } from "../schemas/canvas";
import { createObstacle, deleteObstacle, updateObstacle } from "../services/obstacles";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const obstacleRouter = router({
  create: orgProcedure("journey.edit").input(createObstacleInput).mutation(({ ctx, input }) => createObstacle(ctx.db, ctx.org, input)),
  update: orgProcedure("journey.edit").input(updateObstacleInput).mutation(({ ctx, input }) => updateObstacle(ctx.db, ctx.org, input)),
  delete: orgProcedure("journey.edit").input(deleteObstacleInput).mutation(({ ctx, input }) => deleteObstacle(ctx.db, ctx.org, input)),
});
