// Reading the session on the server: the claims for the tRPC context, and guards for pages.
import "server-only";
import { redirect } from "next/navigation";
import type { SessionClaims } from "../trpc/context";
import { getDb } from "../db";
import { getSessionUser, type PublicUser } from "../services/accounts";
import { auth } from "./config";

export async function getSessionClaims(): Promise<SessionClaims | null> {
  const session = (await auth()) as { claims?: { uid?: unknown; sv?: unknown; sid?: unknown; authAt?: unknown } } | null;
  const claims = session?.claims;
  // A token without a session id (issued before sign-out could revoke sessions) is refused.
  if (!claims || typeof claims.uid !== "string" || typeof claims.sv !== "number" || typeof claims.sid !== "string" || typeof claims.authAt !== "number") {
    return null;
  }
  return { userId: claims.uid, sessionVersion: claims.sv, sessionId: claims.sid, authenticatedAt: claims.authAt };
}

/** The signed-in user for a page, or a redirect to sign-in (also when the session was revoked). */
export async function requireUser(returnTo?: string): Promise<{ user: PublicUser; claims: SessionClaims }> {
  const claims = await getSessionClaims();
  const user = claims ? await getSessionUser(await getDb(), claims) : null;
  if (!claims || !user) {
    redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  }
  return { user, claims };
}
