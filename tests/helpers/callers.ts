// tRPC callers acting as a given user, through the real procedures (membership and role
// are looked up in the database, never mocked).
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { createCaller } from "@/server/trpc/root";
import type { SessionClaims } from "@/server/trpc/context";

export function sessionFor(user: { id: string; sessionVersion: number }, authenticatedAt = Date.now()): SessionClaims {
  return { userId: user.id, sessionVersion: user.sessionVersion, sessionId: randomUUID(), authenticatedAt };
}

export function callerFor(db: Db, user: { id: string; sessionVersion: number } | null, authenticatedAt?: number) {
  return createCaller({ db, session: user ? sessionFor(user, authenticatedAt) : null });
}

export type Caller = ReturnType<typeof callerFor>;
