// The organization's activity log.
import { listActivityInput } from "../schemas/activity";
import { listActivity } from "../services/audit";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const activityRouter = router({
  list: orgProcedure("activity.read")
    .input(listActivityInput)
    .query(({ ctx, input }) => listActivity(ctx.db, ctx.org, input)),
});
