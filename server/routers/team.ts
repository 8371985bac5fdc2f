// Teams and their members.
import { createTeamInput, deleteTeamInput, teamMemberInput, updateTeamInput } from "../schemas/team";
import { addTeamMember, createTeam, deleteTeam, listTeams, removeTeamMember, updateTeam } from "../services/teams";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const teamRouter = router({
  list: orgProcedure("team.read").query(({ ctx }) => listTeams(ctx.db, ctx.org)),
  create: orgProcedure("team.manage")
    .input(createTeamInput)
    .mutation(({ ctx, input }) => createTeam(ctx.db, ctx.org, input)),
  update: orgProcedure("team.manage")
    .input(updateTeamInput)
    .mutation(({ ctx, input }) => updateTeam(ctx.db, ctx.org, input)),
  delete: orgProcedure("team.manage")
    .input(deleteTeamInput)
    .mutation(({ ctx, input }) => deleteTeam(ctx.db, ctx.org, input)),
  addMember: orgProcedure("team.manage")
    .input(teamMemberInput)
    .mutation(({ ctx, input }) => addTeamMember(ctx.db, ctx.org, input)),
  removeMember: orgProcedure("team.manage")
    .input(teamMemberInput)
    .mutation(({ ctx, input }) => removeTeamMember(ctx.db, ctx.org, input)),
});
