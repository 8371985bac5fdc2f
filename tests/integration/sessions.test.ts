// Sessions stop working when they should: a role change ends the member's older sessions
// for that organization only, removal ends access, a password change and "sign out
// everywhere" end every session of the user, signing out ends that session on the server,
// and none outlives its maximum age.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_MAX_AGE_SECONDS, SIGN_IN_LIMITS } from "@/db/constants";
import { revokedSessions, signInAttempts } from "@/db/schema";
import { addMember, createOrganization, createUser, DEFAULT_TEST_PASSWORD } from "@/db/seed/factories";
import { endAllSessions, getSessionUser, revokeSession } from "@/server/services/accounts";
import { appRouter, createCaller } from "@/server/trpc/root";
import { callerFor, sessionFor } from "../helpers/callers";
import { ownTargets, populatedOrg, reloadUser } from "../helpers/fixtures";
import { buildInput, callProcedure, listProcedures, outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

/** Lets the clock move past the instant a session was issued. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("sessions", () => {
  it("a role change ends the member's older sessions for that organization only", async () => {
    const o = await populatedOrg(t.db, "Session");
    const member = o.members.member;
    const other = await createOrganization(t.db, { ownerId: (await createUser(t.db)).id });
    await addMember(t.db, { orgId: other.id, userId: member.id, role: "viewer" });
    await tick();
    const signedInBefore = Date.now();
    const old = callerFor(t.db, member, signedInBefore);
    await old.team.list({ orgSlug: o.org.slug });
    await tick();

    await callerFor(t.db, o.owner).member.changeRole({ orgSlug: o.org.slug, userId: member.id, role: "manager" });

    expect(await outcomeOf(old.team.list({ orgSlug: o.org.slug }))).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect(await outcomeOf(old.team.create({ orgSlug: o.org.slug, name: "Made with an old session" }))).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    // Elsewhere the same session still works, and so does the account itself.
    expect(await old.team.list({ orgSlug: other.slug })).toBeInstanceOf(Array);
    expect(await old.account.me()).toMatchObject({ id: member.id });

    const fresh = callerFor(t.db, member, Date.now() + 1);
    const created = await fresh.team.create({ orgSlug: o.org.slug, name: "Made with the new role" });
    expect(created.name).toBe("Made with the new role");
    expect((await fresh.organization.overview({ orgSlug: o.org.slug })).role).toBe("manager");
  });

  it("a role change does not end the sessions of the person who made it", async () => {
    const o = await populatedOrg(t.db, "Session");
    const admin = callerFor(t.db, o.members.admin, Date.now());
    await tick();
    await admin.member.changeRole({ orgSlug: o.org.slug, userId: o.members.viewer.id, role: "member" });
    expect(await admin.member.list({ orgSlug: o.org.slug })).toHaveLength(5);
  });

  it("a removed member gets NOT_FOUND for the organization, old session or new", async () => {
    const o = await populatedOrg(t.db, "Session");
    const old = callerFor(t.db, o.members.manager, Date.now());
    await tick();
    await callerFor(t.db, o.owner).member.remove({ orgSlug: o.org.slug, userId: o.members.manager.id });
    for (const caller of [old, callerFor(t.db, o.members.manager, Date.now() + 1)]) {
      expect(await outcomeOf(caller.team.list({ orgSlug: o.org.slug }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await outcomeOf(caller.organization.overview({ orgSlug: o.org.slug }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
  });

  it("a password change ends every session of the old version, for every procedure", async () => {
    const o = await populatedOrg(t.db, "Session");
    const user = o.owner;
    const oldSession = sessionFor(user);
    const { sessionVersion } = await callerFor(t.db, user).account.changePassword({
      currentPassword: DEFAULT_TEST_PASSWORD,
      newPassword: "a brand new passphrase",
    });
    expect(sessionVersion).toBe(user.sessionVersion + 1);
    expect((await reloadUser(t.db, user.id)).passwordHash).not.toBe(user.passwordHash);

    const targets = ownTargets(o);
    const guarded = listProcedures(appRouter).filter((p) => p.meta?.scope !== "public");
    expect(guarded.length).toBeGreaterThan(0);
    for (const procedure of guarded) {
      const outcome = await outcomeOf(callProcedure(appRouter, { db: t.db, session: oldSession }, procedure.path, buildInput(procedure, targets)));
      expect({ path: procedure.path, outcome }).toMatchObject({ path: procedure.path, outcome: { ok: false, code: "UNAUTHORIZED" } });
    }

    const renewed = callerFor(t.db, { id: user.id, sessionVersion });
    expect(await renewed.account.me()).toMatchObject({ id: user.id });
    expect(await renewed.team.list({ orgSlug: o.org.slug })).toBeInstanceOf(Array);
  });

  it("a wrong current password changes nothing", async () => {
    const user = await createUser(t.db);
    const outcome = await outcomeOf(callerFor(t.db, user).account.changePassword({ currentPassword: "not my password", newPassword: "whatever it is 123" }));
    expect(outcome).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    const after = await reloadUser(t.db, user.id);
    expect(after).toMatchObject({ passwordHash: user.passwordHash, sessionVersion: user.sessionVersion });
  });

  it("no session at all is UNAUTHORIZED", async () => {
    expect(await outcomeOf(callerFor(t.db, null).account.me())).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
  });
});

describe("signing out", () => {
  it("ends that session on the server: a copy of its token is refused, other sessions live on", async () => {
    const user = await createUser(t.db);
    const [signedOut, elsewhere] = [sessionFor(user), sessionFor(user)];
    const copied = createCaller({ db: t.db, session: signedOut });
    expect(await copied.account.me()).toMatchObject({ id: user.id });

    await revokeSession(t.db, signedOut);
    await revokeSession(t.db, signedOut); // twice is harmless (two tabs signing out)

    expect(await outcomeOf(copied.account.me())).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect(await getSessionUser(t.db, signedOut)).toBeNull();
    expect(await createCaller({ db: t.db, session: elsewhere }).account.me()).toMatchObject({ id: user.id });
  });

  it("refuses a token without a session id", async () => {
    const user = await createUser(t.db);
    for (const sessionId of [undefined, "", "not-a-uuid"]) {
      const session = { ...sessionFor(user), sessionId } as unknown as ReturnType<typeof sessionFor>;
      expect(await outcomeOf(createCaller({ db: t.db, session }).account.me())).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    }
  });

  it("keeps a revocation only until the session would have expired anyway", async () => {
    const user = await createUser(t.db);
    const maxAgeMs = SESSION_MAX_AGE_SECONDS * 1000;
    const old = sessionFor(user, Date.now() - maxAgeMs + 60_000);
    await revokeSession(t.db, old);
    const [record] = await t.db.select().from(revokedSessions).where(eq(revokedSessions.sessionId, old.sessionId));
    expect(record!.expiresAt.getTime()).toBe(old.authenticatedAt + maxAgeMs);

    // Past its expiry the next sign-out prunes it, and the token is refused by its age alone.
    const later = new Date(Date.now() + 120_000);
    await revokeSession(t.db, sessionFor(user), later);
    expect(await t.db.select().from(revokedSessions).where(eq(revokedSessions.sessionId, old.sessionId))).toHaveLength(0);
    expect(await getSessionUser(t.db, old, later)).toBeNull();
  });

  it("a session ends at its maximum age, however much it is used", async () => {
    const user = await createUser(t.db);
    const maxAgeMs = SESSION_MAX_AGE_SECONDS * 1000;
    expect(await getSessionUser(t.db, sessionFor(user, Date.now() - maxAgeMs + 60_000))).toMatchObject({ id: user.id });
    expect(await outcomeOf(callerFor(t.db, user, Date.now() - maxAgeMs - 1).account.me())).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
  });

  it("sign out everywhere ends every session of the user, and only theirs", async () => {
    const o = await populatedOrg(t.db, "Session");
    const user = o.members.manager;
    const sessions = [callerFor(t.db, user), callerFor(t.db, user)];
    const bystander = callerFor(t.db, o.members.member);

    await endAllSessions(t.db, user.id);

    for (const caller of sessions) {
      expect(await outcomeOf(caller.account.me())).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
      expect(await outcomeOf(caller.team.list({ orgSlug: o.org.slug }))).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    }
    expect(await bystander.account.me()).toMatchObject({ id: o.members.member.id });
    const signedInAgain = callerFor(t.db, await reloadUser(t.db, user.id));
    expect(await signedInAgain.account.me()).toMatchObject({ id: user.id });
  });
});

describe("password change guesses", () => {
  it("150 parallel wrong current passwords: at most the limit are checked, the rest are TOO_MANY_REQUESTS", async () => {
    const user = await createUser(t.db);
    const caller = callerFor(t.db, user);
    const outcomes = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        outcomeOf(caller.account.changePassword({ currentPassword: `guess number ${i}`, newPassword: "a brand new passphrase" })).then((o) =>
          o.ok ? "ok" : o.code,
        ),
      ),
    );
    const checked = outcomes.filter((o) => o === "BAD_REQUEST").length;
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.maxFailuresPerWindow);
    expect(outcomes.filter((o) => o === "TOO_MANY_REQUESTS")).toHaveLength(150 - checked);
    // The right password is refused too until the hour is over, and nothing changed.
    expect(await codeOfChange(caller, DEFAULT_TEST_PASSWORD)).toBe("TOO_MANY_REQUESTS");
    expect(await reloadUser(t.db, user.id)).toMatchObject({ passwordHash: user.passwordHash, sessionVersion: user.sessionVersion });
  }, 120_000);

  it("the owner's known browser keeps its own budget for the check", async () => {
    const user = await createUser(t.db);
    const strangers = callerFor(t.db, user);
    for (let i = 0; i < SIGN_IN_LIMITS.maxFailuresPerWindow; i++) {
      // Recorded as the limiter records them, without paying for 100 password checks.
      await t.db.insert(signInAttempts).values({ email: user.email, succeeded: false });
    }
    expect(await codeOfChange(strangers, DEFAULT_TEST_PASSWORD)).toBe("TOO_MANY_REQUESTS");
    const ownBrowser = createCaller({ db: t.db, session: sessionFor(user), client: { device: { userId: user.id, deviceId: "laptop" } } });
    expect(await codeOfChange(ownBrowser, DEFAULT_TEST_PASSWORD)).toBe("ok");
  });
});

function codeOfChange(caller: ReturnType<typeof callerFor>, currentPassword: string) {
  return outcomeOf(caller.account.changePassword({ currentPassword, newPassword: "a brand new passphrase" })).then((o) => (o.ok ? "ok" : o.code));
}
