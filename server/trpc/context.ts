// The per-request context: the database and who the session says is signing in. Nothing
// here is trusted for authorization beyond identity; roles are read per request.
import type { Db } from "@/db/client";
import type { SignInClient } from "../services/sign-in-limits";

export interface SessionClaims {
  userId: string;
  /** users.session_version when the session was issued. */
  sessionVersion: number;
  /** A random id per sign-in; signing out revokes it (revoked_sessions). */
  sessionId: string;
  /** When the user signed in (epoch ms); role changes invalidate older sessions per org. */
  authenticatedAt: number;
}

export interface Context {
  db: Db;
  session: SessionClaims | null;
  /** The request's address and device cookie, for the password guess limits (absent in tests). */
  client?: SignInClient;
  /**
   * Access resolved once per request and reused by every call of a tRPC batch (and every
   * server component of one page render). Absent in tests' callers, which then resolve on
   * every call: a caller lives longer than a request.
   */
  requestCache?: Map<string, Promise<unknown>>;
}

/** The cached answer for `key` in this request, or `load()`'s (stored for the next call). */
export function perRequest<T>(ctx: Context, key: string, load: () => Promise<T>): Promise<T> {
  if (!ctx.requestCache) return load();
  let hit = ctx.requestCache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    ctx.requestCache.set(key, hit);
  }
  return hit;
}
