// The procedure builders. Access is decided here and only here: public → protected
// (a live session) → org(permission) (membership and role read from the database for the
// organization named in the input, NOT_FOUND for non-members, FORBIDDEN below the role).
import { TRPCError } from "@trpc/server";
import { can, type Permission, PERMISSIONS } from "../auth/permissions";
import { orgScoped } from "../schemas/common";
import { getSessionUser } from "../services/accounts";
import { DomainError } from "../services/errors";
import { resolveOrgAccess } from "../services/organizations";
import { toTRPCError } from "./errors";
import { t } from "./init";

/** Turns DomainErrors thrown anywhere below into their tRPC codes. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.meta({ scope: "public" }).use(mapDomainErrors);

export const protectedProcedure = publicProcedure.meta({ scope: "user" }).use(async ({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const user = await getSessionUser(ctx.db, ctx.session);
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
  return next({ ctx: { db: ctx.db, session: ctx.session, user } });
});

export function orgProcedure(permission: Permission) {
  return protectedProcedure
    .meta({ scope: "org", permission })
    .input(orgScoped)
    .use(async ({ ctx, input, next }) => {
      const org = await resolveOrgAccess(ctx.db, {
        slug: input.orgSlug,
        userId: ctx.user.id,
        authenticatedAt: ctx.session.authenticatedAt,
      });
      if (!can(org.role, permission)) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: `This needs the ${PERMISSIONS[permission]} role or above; you are ${org.role}.`,
        });
      }
      return next({ ctx: { ...ctx, org } });
    });
}
