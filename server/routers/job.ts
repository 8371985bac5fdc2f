// Background jobs, as admins see them.
import { listJobsInput } from "../schemas/jobs";
import { listJobs } from "../services/jobs";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const jobRouter = router({
  list: orgProcedure("job.read")
    .input(listJobsInput)
    .query(({ ctx, input }) => listJobs(ctx.db, ctx.org, { limit: input.limit })),
});
