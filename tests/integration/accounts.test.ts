// Accounts: sign-up (normalized email, argon2id hashes, duplicate detection) and sign-in
// with throttling (slow-down after a few failures, a hard hourly limit that holds under
// concurrency, a separate budget for the owner's known browser, a limit per address).
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

/** Failed attempts recorded directly, as authenticate records them (by an unknown client unless told). */
async function recordFailures(email: string, n: number, at: Date, extra: { scope?: string; address?: string } = {}) {
  await t.db.insert(signInAttempts).values(Array.from({ length: n }, () => ({ email, succeeded: false, createdAt: at, ...extra })));
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

describe("the guess limit", () => {
  const noSleep = async () => {};

  it("holds under concurrency: of 200 simultaneous wrong guesses at most 100 reach the password check", async () => {
    const user = await signedUp();
    let checked = 0;
    const verify = async () => {
      checked++;
      return false;
    };
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        authenticate(t.db, { email: user.email, password: "wrong" }, { sleep: noSleep, verify }).then(
          (result) => (result === null ? "refused" : "signed in"),
          (error: unknown) => (error instanceof DomainError ? error.code : "error"),
        ),
      ),
    );
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.maxFailuresPerWindow);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(checked);
    expect(outcomes.filter((o) => o === "RATE_LIMITED")).toHaveLength(200 - checked);
    // Exactly the limit: the attempts queue for the count rather than all being refused.
    expect(checked).toBe(SIGN_IN_LIMITS.maxFailuresPerWindow);
    await expect(authenticate(t.db, { email: user.email, password: PASSWORD }, { sleep: noSleep })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  }, 60_000);

  it("a stranger's guesses do not lock the owner out of a browser that signed in before", async () => {
    const owner = await signedUp();
    const now = new Date();
    const ownBrowser = { device: { userId: owner.id, deviceId: "owners-laptop" }, address: "198.51.100.7" };
    await recordFailures(owner.email, SIGN_IN_LIMITS.maxFailuresPerWindow + 20, now, { address: "203.0.113.66" });

    const later = new Date(now.getTime() + 1000);
    // The attacker, and any client the account has not seen, stays limited, right password or not.
    for (const client of [{ address: "203.0.113.66" }, { address: "192.0.2.1" }, {}]) {
      await expect(authenticate(t.db, { email: owner.email, password: PASSWORD }, { now: later, sleep: noSleep, client })).rejects.toMatchObject({
        code: "RATE_LIMITED",
      });
    }
    // A device cookie issued to someone else is no key to this account's budget.
    const otherUsersDevice = { device: { userId: (await signedUp()).id, deviceId: "owners-laptop" } };
    await expect(authenticate(t.db, { email: owner.email, password: PASSWORD }, { now: later, sleep: noSleep, client: otherUsersDevice })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    // The owner's own browser gets in, without even a slow-down.
    const sleep = vi.fn(noSleep);
    expect(await authenticate(t.db, { email: owner.email, password: PASSWORD }, { now: later, sleep, client: ownBrowser })).toMatchObject({ id: owner.id });
    expect(sleep).not.toHaveBeenCalled();
  });

  it("a known browser has a limit of its own", async () => {
    const owner = await signedUp();
    const now = new Date();
    const device = { userId: owner.id, deviceId: "shared-kiosk" };
    await recordFailures(owner.email, SIGN_IN_LIMITS.maxFailuresPerWindow, now, { scope: `device:${device.deviceId}` });
    await expect(authenticate(t.db, { email: owner.email, password: PASSWORD }, { now, sleep: noSleep, client: { device } })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    // Unknown clients keep their own budget.
    expect(await authenticate(t.db, { email: owner.email, password: PASSWORD }, { now, sleep: noSleep })).toMatchObject({ id: owner.id });
  });

  it("limits failures per client address across accounts", async () => {
    const now = new Date();
    const spray = "203.0.113.9";
    // Spread over many accounts, so no single account reaches its own limit.
    const perAccount = 50;
    for (let i = 0; i < SIGN_IN_LIMITS.maxFailuresPerAddress / perAccount; i++) await recordFailures(freshEmail(), perAccount, now, { address: spray });

    const target = await signedUp();
    const later = new Date(now.getTime() + 1000);
    await expect(authenticate(t.db, { email: target.email, password: PASSWORD }, { now: later, sleep: noSleep, client: { address: spray } })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await expect(authenticate(t.db, { email: freshEmail(), password: "guess" }, { now: later, sleep: noSleep, client: { address: spray } })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    // Another address is unaffected, and so is the account's owner on a browser it knows, even behind that address.
    expect(await authenticate(t.db, { email: target.email, password: PASSWORD }, { now: later, sleep: noSleep, client: { address: "192.0.2.44" } })).toMatchObject({
      id: target.id,
    });
    const ownBrowser = { device: { userId: target.id, deviceId: "office-pc" }, address: spray };
    expect(await authenticate(t.db, { email: target.email, password: PASSWORD }, { now: later, sleep: noSleep, client: ownBrowser })).toMatchObject({ id: target.id });
  });
});
