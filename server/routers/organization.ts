// Organizations: create one, read and rename the current one.
import { createOrganizationInput, setTimeZoneInput, updateOrganizationInput } from "../schemas/organization";
import { createOrganization, getOrganizationOverview, renameOrganization, setOrganizationTimeZone } from "../services/organizations";
import { router } from "../trpc/init";
import { orgProcedure, protectedProcedure } from "../trpc/procedures";

export const organizationRouter = router({
  create: protectedProcedure
    .input(createOrganizationInput)
    .mutation(({ ctx, input }) => createOrganization(ctx.db, { userId: ctx.user.id, name: input.name, slug: input.slug })),
  overview: orgProcedure("organization.read").query(({ ctx }) => getOrganizationOverview(ctx.db, ctx.org)),
  rename: orgProcedure("organization.update")
    .input(updateOrganizationInput)
    .mutation(({ ctx, input }) => renameOrganization(ctx.db, ctx.org, { name: input.name })),
  setTimeZone: orgProcedure("organization.update")
    .input(setTimeZoneInput)
    .mutation(({ ctx, input }) => setOrganizationTimeZone(ctx.db, ctx.org, { timeZone: input.timeZone })),
});
