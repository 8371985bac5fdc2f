// People's accounts: sign-up, password checks within the guess limit (sign-in-limits.ts),
// sessions (validity, sign-out, sign out everywhere), password changes. Users are global
// (not tenant data), so no withOrg here.
import { eq, lt, sql } from "drizzle-orm";
import { SESSION_MAX_AGE_SECONDS } from "@/db/constants";
import { queryRows, type Db } from "@/db/client";
import { revokedSessions, users } from "@/db/schema";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../auth/passwords";
import { PG_UNIQUE_VIOLATION, invalid, pgErrorCode } from "./errors";
import { beginPasswordAttempt, finishPasswordAttempt, slowDownMs, type SignInClient } from "./sign-in-limits";

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

export interface PasswordCheckOptions {
  now?: Date;
  /** Who is asking: decides which guess budget the attempt spends. */
  client?: SignInClient;
  /** Injected so tests need not wait out the slow-down. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected so tests can count how many guesses reached the password check. */
  verify?: (passwordHash: string, password: string) => Promise<boolean>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks a password against the account's hash within the guess limit: the attempt is
 * counted first (RATE_LIMITED past the limit), slowed after a few failures, then checked.
 * An unknown account is checked against a dummy hash so it costs the same time.
 */
async function checkPasswordLimited(
  db: Db,
  input: { email: string; user?: { id: string; passwordHash: string | null }; password: string },
  options: PasswordCheckOptions,
): Promise<boolean> {
  const now = options.now ?? new Date();
  const attempt = await beginPasswordAttempt(db, { email: input.email, userId: input.user?.id, client: options.client, now });
  const delay = slowDownMs(attempt.failuresBefore);
  if (delay > 0) await (options.sleep ?? defaultSleep)(delay);
  const verify = options.verify ?? verifyPassword;
  const passwordHash = input.user?.passwordHash;
  const ok = passwordHash ? await verify(passwordHash, input.password) : (await verify(await dummyPasswordHash(), input.password), false);
  await finishPasswordAttempt(db, attempt, { email: input.email, succeeded: ok, now });
  return ok;
}

/**
 * Checks an email and password. Returns the user, or null for any wrong combination (the
 * caller shows one message whether or not the email exists). After a few failures each
 * attempt is slowed; past the hourly limit the attempt is refused outright (RATE_LIMITED).
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string },
  options: PasswordCheckOptions = {},
): Promise<(PublicUser & { sessionVersion: number }) | null> {
  const email = input.email.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const ok = await checkPasswordLimited(db, { email, user, password: input.password }, options);
  if (!ok || !user) return null;
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What waymark_request_access (migration 0010) returns: the user, and the organization named by slug with the user's membership. */
export interface RequestAccessRow extends Record<string, unknown> {
  user_id: string;
  user_name: string;
  user_email: string;
  session_version: number;
  session_revoked: boolean;
  org_id: string | null;
  org_slug: string | null;
  org_name: string | null;
  org_time_zone: string | null;
  role: string | null;
  sessions_valid_from: Date | string | null;
}

/**
 * Everything a request's access depends on, in one statement: the session's user (its session
 * version, whether this session was signed out) and, given a slug, the organization and the
 * user's membership — read from the database on every request. Undefined when the session
 * cannot be valid (malformed, too old) or the user is gone.
 */
export async function readRequestAccess(db: Db, session: SessionIdentity, orgSlug: string | null, now = new Date()): Promise<RequestAccessRow | undefined> {
  if (!UUID.test(session.sessionId) || !UUID.test(session.userId)) return undefined;
  if (session.authenticatedAt + SESSION_MAX_AGE_SECONDS * 1000 < now.getTime()) return undefined;
  const [row] = await queryRows<RequestAccessRow>(db, sql`select * from waymark_request_access(${session.userId}::uuid, ${session.sessionId}::uuid, ${orgSlug})`);
  return row;
}

/** The user of a live session: of the user's current session version and not signed out. */
export function sessionUserOf(row: RequestAccessRow | undefined, session: SessionIdentity): PublicUser | null {
  if (!row || Number(row.session_version) !== session.sessionVersion || row.session_revoked) return null;
  return { id: row.user_id, name: row.user_name, email: row.user_email };
}

/**
 * The signed-in user, if their session is still valid: not older than a session may live,
 * of the user's current session version, and not revoked by signing out. One query.
 */
export async function getSessionUser(db: Db, session: SessionIdentity, now = new Date()): Promise<PublicUser | null> {
  return sessionUserOf(await readRequestAccess(db, session, null, now), session);
}

export interface SessionIdentity {
  userId: string;
  sessionVersion: number;
  sessionId: string;
  authenticatedAt: number;
}

/**
 * Ends one session on the server (signing out). The record is kept until the session would
 * have expired anyway; expired records are pruned on the way.
 */
export async function revokeSession(db: Db, session: Omit<SessionIdentity, "sessionVersion">, now = new Date()) {
  if (!UUID.test(session.sessionId) || !UUID.test(session.userId)) return;
  const expiresAt = new Date(session.authenticatedAt + SESSION_MAX_AGE_SECONDS * 1000);
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
  if (expiresAt <= now) return;
  await db.insert(revokedSessions).values({ sessionId: session.sessionId, userId: session.userId, expiresAt }).onConflictDoNothing();
}

/** Ends every session of the user, on every device ("sign out everywhere"). */
export async function endAllSessions(db: Db, userId: string) {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

/**
 * Changes the password and ends every existing session of the user. The current password
 * is checked within the same guess limit as sign-in: a stolen session must not become an
 * unthrottled way to guess it.
 */
export async function changePassword(
  db: Db,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  options: PasswordCheckOptions = {},
) {
  const [user] = await db.select({ id: users.id, email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !(await checkPasswordLimited(db, { email: user.email, user, password: input.currentPassword }, options))) {
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
