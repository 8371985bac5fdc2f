// The signed-in person's own account.
import { changePasswordInput } from "../schemas/account";
import { changePassword } from "../services/accounts";
import { listMyOrganizations } from "../services/organizations";
import { router } from "../trpc/init";
import { protectedProcedure } from "../trpc/procedures";

export const accountRouter = router({
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  organizations: protectedProcedure.query(({ ctx }) => listMyOrganizations(ctx.db, ctx.user.id)),
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.user.id, input, { client: ctx.client })),
});
