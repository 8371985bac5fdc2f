// Access for route handlers that serve signed-in people outside tRPC (file uploads): the
// same steps as the org procedures — a live session, membership and role read from the
// database (resolveOrgAccess), the permission map — answered as HTTP statuses.
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { can, PERMISSIONS, type Permission } from "../auth/permissions";
import { DomainError } from "../services/errors";
import { resolveOrgAccess, type OrgAccess } from "../services/organizations";
import type { Context } from "../trpc/context";
import { toTRPCError } from "../trpc/errors";
import { jsonError } from "./error-response";

export type OrgRequestAccess = { ok: true; org: OrgAccess } | { ok: false; response: Response };

export async function authorizeOrgRequest(context: Context, orgSlug: string, permission: Permission, headers?: Record<string, string>): Promise<OrgRequestAccess> {
  const refuse = (status: number, code: string, message: string): OrgRequestAccess => ({ ok: false, response: jsonError(status, code, message, headers) });
  if (!context.session) return refuse(401, "UNAUTHORIZED", "Sign in to continue.");
  try {
    const { org } = await resolveOrgAccess(context.db, { slug: orgSlug, session: context.session });
    if (!can(org.role, permission)) return refuse(403, "FORBIDDEN", `This needs the ${PERMISSIONS[permission]} role or above; you are ${org.role}.`);
    return { ok: true, org };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, response: domainErrorResponse(error, headers) };
    throw error;
  }
}

/** A service's DomainError as JSON with the status its tRPC code has (one mapping, server/trpc/errors.ts). */
export function domainErrorResponse(error: DomainError, headers?: Record<string, string>): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors ?? null } },
    { status: getHTTPStatusCodeFromError(toTRPCError(error)), headers },
  );
}
