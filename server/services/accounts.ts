// People's accounts: sign-up, credential checks with per-account throttling, password
// changes. Users are global (not tenant data), so no withOrg here.
import { and, count, desc, eq, gt, lt, sql } from "drizzle-orm";
import { SIGN_IN_LIMITS } from "@/db/constants";
import type { Db } from "@/db/client";
import { signInAttempts, users } from "@/db/schema";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../auth/passwords";
import { DomainError, PG_UNIQUE_VIOLATION, invalid, pgErrorCode } from "./errors";

export interface PublicUser {
  id: string;
  name: string;
  email: string;
}

export async function signUp(db: Db, input: { name: string; email: string; password: string }): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await db
      .insert(users)
      .values({ name: input.name, email: input.email.trim().toLowerCase(), passwordHash })
      .returning({ id: users.id, name: users.name, email: users.email });
    return user!;
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      throw invalid("email", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}

export interface AuthenticateOptions {
  now?: Date;
  /** Injected so tests need not wait out the slow-down. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email and password. Returns the user, or null for any wrong combination (the
 * caller shows one message whether or not the email exists). After a few failures each
 * attempt is slowed; past the hourly limit the account refuses attempts outright.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string },
  options: AuthenticateOptions = {},
): Promise<(PublicUser & { sessionVersion: number }) | null> {
  const now = options.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const failures = await recentFailures(db, email, now);
  if (failures >= SIGN_IN_LIMITS.maxFailuresPerWindow) {
    throw new DomainError(
      "RATE_LIMITED",
      "Too many failed sign-in attempts for this account. Try again in an hour or reset your password.",
    );
  }
  if (failures >= SIGN_IN_LIMITS.slowAfterFailures) {
    const delay = Math.min(250 * (failures - SIGN_IN_LIMITS.slowAfterFailures + 1), SIGN_IN_LIMITS.maxDelayMs);
    await (options.sleep ?? defaultSleep)(delay);
  }

  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);

  await db.insert(signInAttempts).values({ email, succeeded: ok, createdAt: now });
  // Keep the table small: a day of history is more than the throttle needs.
  await db.delete(signInAttempts).where(and(eq(signInAttempts.email, email), lt(signInAttempts.createdAt, new Date(now.getTime() - 86_400_000))));

  if (!ok || !user) return null;
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

/** Failures in the window, counting only those after the last successful sign-in. */
async function recentFailures(db: Db, email: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const [lastSuccess] = await db
    .select({ at: signInAttempts.createdAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, true), gt(signInAttempts.createdAt, windowStart)))
    .orderBy(desc(signInAttempts.createdAt))
    .limit(1);
  const since = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)));
  return row?.n ?? 0;
}

/** The signed-in user, if their session is still valid (its version matches). */
export async function getSessionUser(db: Db, session: { userId: string; sessionVersion: number }): Promise<PublicUser | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, session.userId))
    .limit(1);
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, name: user.name, email: user.email };
}

/** Changes the password and ends every existing session of the user. */
export async function changePassword(db: Db, userId: string, input: { currentPassword: string; newPassword: string }) {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid("currentPassword", "That is not your current password.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  const [updated] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return { sessionVersion: updated!.sessionVersion };
}
