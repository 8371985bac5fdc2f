// Comments on maps, touchpoints and obstacles; viewers may comment too.
import { createCommentInput, listCommentsInput } from "../schemas/collaboration";
import { createComment, listComments } from "../services/comments";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const commentRouter = router({
  list: orgProcedure("journey.read").input(listCommentsInput).query(({ ctx, input }) => listComments(ctx.db, ctx.org, input)),
  create: orgProcedure("journey.comment").input(createCommentInput).mutation(({ ctx, input }) => createComment(ctx.db, ctx.org, input)),
});
