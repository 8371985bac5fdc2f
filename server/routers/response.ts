// Survey responses, one by one: the explorer's filtered pages and what its filters offer.
import { listResponsesInput } from "../schemas/responses";
import { listResponses, responseFilterOptions } from "../services/responses";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const responseRouter = router({
  list: orgProcedure("response.read").input(listResponsesInput).query(({ ctx, input }) => listResponses(ctx.db, ctx.org, input)),
  filterOptions: orgProcedure("response.read").query(({ ctx }) => responseFilterOptions(ctx.db, ctx.org)),
});
