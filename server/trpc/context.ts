// The per-request context: the database and who the session says is signing in. Nothing
// here is trusted for authorization beyond identity; roles are read per request.
import type { Db } from "@/db/client";

export interface SessionClaims {
  userId: string;
  /** users.session_version when the session was issued. */
  sessionVersion: number;
  /** When the user signed in (epoch ms); role changes invalidate older sessions per org. */
  authenticatedAt: number;
}

export interface Context {
  db: Db;
  session: SessionClaims | null;
}
