// Members of the organization and their roles.
import { changeRoleInput, removeMemberInput } from "../schemas/member";
import { changeMemberRole, listMembers, removeMember } from "../services/members";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const memberRouter = router({
  list: orgProcedure("member.read").query(({ ctx }) => listMembers(ctx.db, ctx.org)),
  changeRole: orgProcedure("member.changeRole")
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.org, input)),
  remove: orgProcedure("member.remove")
    .input(removeMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.org, input)),
});
