// Accounts: sign-up (normalized email, argon2id hashes, duplicate detection) and sign-in
// with per-account throttling (slow-down after a few failures, a hard hourly limit).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SIGN_IN_LIMITS } from "@/db/constants";
import { signInAttempts, users } from "@/db/schema";
import { signUpInput } from "@/server/schemas/account";
import { authenticate, signUp } from "@/server/services/accounts";
import { DomainError } from "@/server/services/errors";
import { uniqueSuffix } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const PASSWORD = "a long enough passphrase";
const freshEmail = () => `account-${uniqueSuffix()}@example.test`;

async function signedUp(email = freshEmail()) {
  return signUp(t.db, signUpInput.parse({ name: "Ada Account", email, password: PASSWORD }));
}

/** Failed attempts recorded directly, as authenticate records them. */
async function recordFailures(email: string, n: number, at: Date) {
  await t.db.insert(signInAttempts).values(Array.from({ length: n }, () => ({ email, succeeded: false, createdAt: at })));
}

describe("sign-up", () => {
  it("stores a normalized email and an argon2id hash, never the password", async () => {
    const local = `Mixed.Case-${uniqueSuffix()}`;
    const user = await signedUp(`  ${local}@Example.TEST `);
    expect(user.email).toBe(`${local.toLowerCase()}@example.test`);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.email).toBe(user.email);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/);
    const [, memory, passes] = /m=(\d+),t=(\d+)/.exec(row!.passwordHash!)!;
    expect(Number(memory)).toBeGreaterThanOrEqual(19456);
    expect(Number(passes)).toBeGreaterThanOrEqual(2);
    expect(row!.passwordHash).not.toContain(PASSWORD);
    expect(JSON.stringify(user)).not.toContain("argon2");
  });

  it("refuses a second account with the same email, in any case, as a field error", async () => {
    const email = freshEmail();
    await signedUp(email);
    for (const again of [email, email.toUpperCase()]) {
      const error = await signedUp(again).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { email: [expect.any(String)] } });
    }
  });
});

describe("authenticate", () => {
  it("returns the user for the right password, null for a wrong one or an unknown email", async () => {
    const user = await signedUp();
    expect(await authenticate(t.db, { email: user.email.toUpperCase(), password: PASSWORD })).toEqual({ ...user, sessionVersion: 1 });
    expect(await authenticate(t.db, { email: user.email, password: "wrong password" })).toBeNull();
    expect(await authenticate(t.db, { email: freshEmail(), password: PASSWORD })).toBeNull();
  });

  it("slows down each attempt after five failures, with growing delays", async () => {
    const user = await signedUp();
    const sleep = vi.fn(async (_ms: number) => {});
    const start = Date.now();
    for (let i = 0; i < 8; i++) {
      const now = new Date(start + i * 1000);
      expect(await authenticate(t.db, { email: user.email, password: "wrong" }, { now, sleep })).toBeNull();
    }
    const delays = sleep.mock.calls.map(([ms]) => ms);
    expect(delays).toHaveLength(8 - SIGN_IN_LIMITS.slowAfterFailures);
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(SIGN_IN_LIMITS.maxDelayMs);

    // The right password still works while slowed, and a success clears the slow-down.
    expect(await authenticate(t.db, { email: user.email, password: PASSWORD }, { now: new Date(start + 9000), sleep })).not.toBeNull();
    sleep.mockClear();
    await authenticate(t.db, { email: user.email, password: "wrong" }, { now: new Date(start + 10_000), sleep });
    expect(sleep).not.toHaveBeenCalled();
  });

  it("after 100 failures in the hour refuses even the right password, with RATE_LIMITED", async () => {
    const user = await signedUp();
    const sleep = vi.fn(async () => {});
    const now = new Date();
    await recordFailures(user.email, SIGN_IN_LIMITS.maxFailuresPerWindow - 1, new Date(now.getTime() - 30 * 60_000));
    expect(await authenticate(t.db, { email: user.email, password: "wrong" }, { now, sleep })).toBeNull();
    expect(sleep).toHaveBeenLastCalledWith(SIGN_IN_LIMITS.maxDelayMs);

    const later = new Date(now.getTime() + 1000);
    await expect(authenticate(t.db, { email: user.email, password: PASSWORD }, { now: later, sleep })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // The same for an email without an account: the limit does not reveal which exist.
    const ghost = freshEmail();
    await recordFailures(ghost, SIGN_IN_LIMITS.maxFailuresPerWindow, now);
    await expect(authenticate(t.db, { email: ghost, password: PASSWORD }, { now: later, sleep })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("does not count failures older than an hour", async () => {
    const user = await signedUp();
    const sleep = vi.fn(async () => {});
    const now = new Date();
    await recordFailures(user.email, SIGN_IN_LIMITS.maxFailuresPerWindow + 20, new Date(now.getTime() - 61 * 60_000));
    expect(await authenticate(t.db, { email: user.email, password: PASSWORD }, { now, sleep })).toMatchObject({ id: user.id });
    expect(sleep).not.toHaveBeenCalled();
  });

  it("throttles per account: another account is unaffected", async () => {
    const [victim, bystander] = [await signedUp(), await signedUp()];
    const now = new Date();
    await recordFailures(victim.email, SIGN_IN_LIMITS.maxFailuresPerWindow, now);
    const sleep = vi.fn(async () => {});
    expect(await authenticate(t.db, { email: bystander.email, password: PASSWORD }, { now, sleep })).toMatchObject({ id: bystander.id });
    expect(sleep).not.toHaveBeenCalled();
  });
});
