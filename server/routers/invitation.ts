// Invitations: issued by admins inside an organization, accepted by the invited person.
import { acceptInvitationInput, createInvitationInput, revokeInvitationInput } from "../schemas/member";
import { acceptInvitation, createInvitation, listPendingInvitations, revokeInvitation } from "../services/invitations";
import { router } from "../trpc/init";
import { orgProcedure, protectedProcedure } from "../trpc/procedures";

export const invitationRouter = router({
  listPending: orgProcedure("member.invite").query(({ ctx }) => listPendingInvitations(ctx.db, ctx.org)),
  create: orgProcedure("member.invite")
    .input(createInvitationInput)
    .mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.org, input)),
  revoke: orgProcedure("member.invite")
    .input(revokeInvitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.org, input)),
  // Authorized by the token and the signed-in email, not by a membership (there is none yet).
  accept: protectedProcedure
    .input(acceptInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, { userId: ctx.user.id, email: ctx.user.email }, input.token)),
});
