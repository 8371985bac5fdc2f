// Sessions stop working when they should: a role change ends the member's older sessions
// for that organization only, removal ends access, and a password change ends every
// session of the user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createOrganization, createUser, DEFAULT_TEST_PASSWORD } from "@/db/seed/factories";
import { appRouter } from "@/server/trpc/root";
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
