// Access for route handlers that serve organization data outside tRPC (file downloads): the
// same steps as orgProcedure — a live session, membership and role read from the database,
// the permission map — answered as HTTP statuses instead of tRPC errors.
import "server-only";
import { can, PERMISSIONS, type Permission } from "../auth/permissions";
import { getSessionClaims } from "../auth/session";
import { getDb } from "../db";
import { orgSlugSchema } from "../schemas/common";
import { getSessionUser } from "../services/accounts";
import { DomainError } from "../services/errors";
import { resolveOrgAccess, type OrgAccess } from "../services/organizations";
import { jsonError } from "./error-response";

export async function orgRouteAccess(slug: string, permission: Permission): Promise<{ ok: true; org: OrgAccess } | { ok: false; response: Response }> {
  const refuse = (status: number, code: string, message: string) => ({ ok: false as const, response: jsonError(status, code, message) });
  const db = await getDb();
  const claims = await getSessionClaims();
  if (!claims || !(await getSessionUser(db, claims))) return refuse(401, "UNAUTHORIZED", "Sign in to continue.");
  const parsedSlug = orgSlugSchema.safeParse(slug);
  if (!parsedSlug.success) return refuse(404, "NOT_FOUND", "Organization not found.");
  try {
    const org = await resolveOrgAccess(db, { slug: parsedSlug.data, userId: claims.userId, authenticatedAt: claims.authenticatedAt });
    if (!can(org.role, permission)) return refuse(403, "FORBIDDEN", `This needs the ${PERMISSIONS[permission]} role or above; you are ${org.role}.`);
    return { ok: true, org };
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return refuse(404, "NOT_FOUND", error.message);
    if (error instanceof DomainError && error.code === "UNAUTHORIZED") return refuse(401, "UNAUTHORIZED", error.message);
    throw error;
  }
}
