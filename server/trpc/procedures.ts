// The procedure builders. Access is decided here and only here: public → protected
// (a live session) → org(permission) (membership and role read from the database for the
// organization named in the input, NOT_FOUND for non-members, FORBIDDEN below the role).
// An org procedure reads session, user, organization and membership in one statement, once
// per request: a batch of calls on one page shares it (perRequest).
import { TRPCError } from "@trpc/server";
import { can, type Permission, PERMISSIONS } from "../auth/permissions";
import { orgScoped } from "../schemas/common";
import { getSessionUser, type PublicUser } from "../services/accounts";
import { DomainError } from "../services/errors";
import { resolveOrgAccess } from "../services/organizations";
import { perRequest, type SessionClaims } from "./context";
import { toTRPCError } from "./errors";
import { t } from "./init";

/** Turns DomainErrors thrown anywhere below into their tRPC codes. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.meta({ scope: "public" }).use(mapDomainErrors);

function requireSession(session: SessionClaims | null): SessionClaims {
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return session;
}

export const protectedProcedure = publicProcedure.meta({ scope: "user" }).use(async ({ ctx, next }) => {
  const session = requireSession(ctx.session);
  const user = await perRequest<PublicUser | null>(ctx, "user", () => getSessionUser(ctx.db, session));
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
  return next({ ctx: { db: ctx.db, session, user } });
});

export function orgProcedure(permission: Permission) {
  return publicProcedure
    .meta({ scope: "org", permission })
    .input(orgScoped)
    .use(async ({ ctx, input, next }) => {
      const session = requireSession(ctx.session);
      const access = perRequest(ctx, `org:${input.orgSlug}`, () => resolveOrgAccess(ctx.db, { slug: input.orgSlug, session }));
      const { user, org } = await access;
      // The same statement proved the session: later user-level calls of the request reuse it.
      void perRequest(ctx, "user", () => Promise.resolve(user));
      if (!can(org.role, permission)) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: `This needs the ${PERMISSIONS[permission]} role or above; you are ${org.role}.`,
        });
      }
      return next({ ctx: { db: ctx.db, session, user, org } });
    });
}
