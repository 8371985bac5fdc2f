// The guess limit on passwords (sign-in and password change). Each attempt is counted and
// written under a per-account lock before the password is checked, so however many arrive
// at once, at most the limit are ever checked. Budgets follow OWASP's "device
// cookies": a browser that signed in to the account before spends its own budget, every
// unknown client shares one, and unknown clients are also limited per address across
// accounts, so a stranger cannot lock the owner out of their own browser.
import { and, count, eq, gt, lt, max } from "drizzle-orm";
import { SIGN_IN_LIMITS } from "@/db/constants";
import type { Db, Tx } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { DomainError } from "./errors";
import { advisoryLock } from "./locks";

/** What the request says about the client; the device is already verified (signed cookie). */
export interface SignInClient {
  /** A device cookie's content: the account it was issued to and the browser's id. */
  device?: { userId: string; deviceId: string } | null;
  /** The client's address (from the socket, or a trusted proxy). */
  address?: string | null;
}

export interface PasswordAttempt {
  id: string;
  /** Failures of the same budget before this attempt, for the slow-down. */
  failuresBefore: number;
}

const UNTRUSTED = "untrusted";

/** The budget an attempt spends: the browser's own if it signed in to this account before. */
export function attemptScope(userId: string | undefined, client: SignInClient = {}): string {
  const device = client.device;
  return device && userId && device.userId === userId ? `device:${device.deviceId}` : UNTRUSTED;
}

const limited = () =>
  new DomainError("RATE_LIMITED", "Too many failed password attempts. Try again in an hour, or from a browser you signed in with before.");

/**
 * Records an attempt on `email` and returns it, or throws RATE_LIMITED (recording nothing)
 * when the attempt's budget or its address is spent.
 */
export async function beginPasswordAttempt(
  db: Db,
  input: { email: string; userId?: string; client?: SignInClient; now: Date },
): Promise<PasswordAttempt> {
  const { email, now } = input;
  const scope = attemptScope(input.userId, input.client);
  const address = scope === UNTRUSTED ? (input.client?.address ?? null) : null;
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);

  return db.transaction(async (tx) => {
    // Count and record as one step per account (and per address): concurrent attempts
    // queue here for a moment instead of all reading the same count. Taken always in this
    // order (account, then address), so two attempts can never deadlock.
    await advisoryLock(tx, `sign-in:email:${email}`);
    if (address) await advisoryLock(tx, `sign-in:address:${address}`);
    const failures = await failuresSinceLastSuccess(tx, { email, scope, windowStart });
    const addressFailures = address ? await failuresFromAddress(tx, address, windowStart) : 0;
    if (failures >= SIGN_IN_LIMITS.maxFailuresPerWindow || addressFailures >= SIGN_IN_LIMITS.maxFailuresPerAddress) throw limited();
    const [attempt] = await tx
      .insert(signInAttempts)
      .values({ email, scope, address: input.client?.address ?? null, succeeded: false, createdAt: now })
      .returning({ id: signInAttempts.id });
    return { id: attempt!.id, failuresBefore: failures };
  });
}

/** Marks the attempt as a success (ending its budget's run of failures) and prunes old rows. */
export async function finishPasswordAttempt(db: Db, attempt: PasswordAttempt, input: { email: string; succeeded: boolean; now: Date }) {
  if (input.succeeded) await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attempt.id));
  // Keep the table small: a day of history is more than the limits need.
  await db
    .delete(signInAttempts)
    .where(and(eq(signInAttempts.email, input.email), lt(signInAttempts.createdAt, new Date(input.now.getTime() - 86_400_000))));
}

/** How long to hold an attempt back once its budget has failed a few times. */
export function slowDownMs(failuresBefore: number): number {
  if (failuresBefore < SIGN_IN_LIMITS.slowAfterFailures) return 0;
  return Math.min(250 * (failuresBefore - SIGN_IN_LIMITS.slowAfterFailures + 1), SIGN_IN_LIMITS.maxDelayMs);
}

/** Failures of one budget in the window, counting only those after its last success. */
async function failuresSinceLastSuccess(db: Db | Tx, input: { email: string; scope: string; windowStart: Date }): Promise<number> {
  const sameBudget = and(eq(signInAttempts.email, input.email), eq(signInAttempts.scope, input.scope));
  const [lastSuccess] = await db
    .select({ at: max(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(and(sameBudget, eq(signInAttempts.succeeded, true), gt(signInAttempts.createdAt, input.windowStart)));
  const since = lastSuccess?.at && lastSuccess.at > input.windowStart ? lastSuccess.at : input.windowStart;
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(sameBudget, eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)));
  return row?.n ?? 0;
}

/** Failures by unknown clients from one address, on any account. */
async function failuresFromAddress(db: Db | Tx, address: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.address, address),
        eq(signInAttempts.scope, UNTRUSTED),
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.createdAt, windowStart),
      ),
    );
  return row?.n ?? 0;
}
