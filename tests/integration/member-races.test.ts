// Owners changing each other's roles at the same moment. On Postgres the two requests really
// run in parallel; each used to lock its target's row and then all owner rows, in opposite
// orders, and the database broke the deadlock by failing one of them with an internal error.
// On PGlite (one connection) the transactions take turns, so the outcomes must match either way:
// one change wins, the other is refused, and the organization always keeps an owner.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships } from "@/db/schema";
import { addMember, createOrganization, createUser } from "@/db/seed/factories";
import { changeMemberRole, removeMember } from "@/server/services/members";
import { callerFor } from "../helpers/callers";
import { outcomeOf, type CallOutcome } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const ROUNDS = 8;
// UNAUTHORIZED: the loser's request may start after the winner's change committed, and a role
// change ends the sessions the member had before it.
const ALLOWED = ["ok", "FORBIDDEN", "CONFLICT", "UNAUTHORIZED"];

/** An organization whose `count` members are all owners. */
async function ownedBy(count: number) {
  const owners = [];
  for (let i = 0; i < count; i++) owners.push(await createUser(t.db));
  const org = await createOrganization(t.db, { ownerId: owners[0]!.id, defaultTeams: false });
  for (const owner of owners.slice(1)) await addMember(t.db, { orgId: org.id, userId: owner.id, role: "owner" });
  return { org, owners };
}

const ownersOf = (orgId: string) =>
  t.asOwner((tx) =>
    tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, orgId), eq(memberships.role, "owner"))),
  );

async function atOnce(calls: (() => Promise<unknown>)[]): Promise<CallOutcome[]> {
  const settled = await Promise.allSettled(calls.map((call) => outcomeOf(call())));
  return settled.map((s) => (s.status === "fulfilled" ? s.value : { ok: false, code: "REJECTED", message: String(s.reason), error: s.reason }));
}
const codes = (outcomes: CallOutcome[]) => outcomes.map((x) => (x.ok ? "ok" : x.code));

describe("concurrent role changes", () => {
  it(`two owners demoting each other at once, ${ROUNDS} rounds: one wins, the other is refused, an owner remains`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { org, owners } = await ownedBy(2);
      const [first, second] = owners as [(typeof owners)[number], (typeof owners)[number]];
      const outcomes = await atOnce([
        () => callerFor(t.db, first).member.changeRole({ orgSlug: org.slug, userId: second.id, role: "admin" }),
        () => callerFor(t.db, second).member.changeRole({ orgSlug: org.slug, userId: first.id, role: "admin" }),
      ]);
      const got = codes(outcomes);
      expect(got.every((code) => ALLOWED.includes(code)), `round ${round}: ${got.join(", ")}`).toBe(true);
      expect(got.filter((code) => code === "ok"), `round ${round}: ${got.join(", ")}`).toHaveLength(1);
      expect(await ownersOf(org.id)).toHaveLength(1);
    }
  });

  it(`two owners removing each other at once, ${ROUNDS} rounds: an owner remains`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { org, owners } = await ownedBy(2);
      const [first, second] = owners as [(typeof owners)[number], (typeof owners)[number]];
      const outcomes = await atOnce([
        () => callerFor(t.db, first).member.remove({ orgSlug: org.slug, userId: second.id }),
        () => callerFor(t.db, second).member.remove({ orgSlug: org.slug, userId: first.id }),
      ]);
      const got = codes(outcomes);
      // NOT_FOUND: the loser's request may start after it was removed, and to a non-member the organization does not exist.
      expect(got.every((code) => [...ALLOWED, "NOT_FOUND"].includes(code)), `round ${round}: ${got.join(", ")}`).toBe(true);
      expect(got.filter((code) => code === "ok"), `round ${round}: ${got.join(", ")}`).toHaveLength(1);
      expect(await ownersOf(org.id)).toHaveLength(1);
    }
  });

  it(`three owners each demoting the next at once, ${ROUNDS} rounds: an owner remains`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { org, owners } = await ownedBy(3);
      const outcomes = await atOnce(
        owners.map((actor, i) => () => callerFor(t.db, actor).member.changeRole({ orgSlug: org.slug, userId: owners[(i + 1) % 3]!.id, role: "admin" })),
      );
      const got = codes(outcomes);
      expect(got.every((code) => ALLOWED.includes(code)), `round ${round}: ${got.join(", ")}`).toBe(true);
      expect((await ownersOf(org.id)).length, `round ${round}: ${got.join(", ")}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("a change queued behind one that demoted its author is judged by the author's role now, not the role it started with", async () => {
    const { org, owners } = await ownedBy(3);
    const [first, second, third] = owners as [(typeof owners)[number], (typeof owners)[number], (typeof owners)[number]];
    await callerFor(t.db, first).member.changeRole({ orgSlug: org.slug, userId: second.id, role: "admin" });
    // What the request of `second` carries if it read its role just before that change committed.
    const staleContext = { orgId: org.id, userId: second.id, role: "owner" as const };
    await expect(changeMemberRole(t.db, staleContext, { userId: third.id, role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember(t.db, staleContext, { userId: third.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await ownersOf(org.id)).map((o) => o.userId).sort()).toEqual([first.id, third.id].sort());

    // An admin demoted to member no longer manages anyone, not even those still below a member.
    const [admin, viewer] = [await createUser(t.db), await createUser(t.db)];
    await addMember(t.db, { orgId: org.id, userId: admin.id, role: "admin" });
    await addMember(t.db, { orgId: org.id, userId: viewer.id, role: "viewer" });
    await callerFor(t.db, first).member.changeRole({ orgSlug: org.slug, userId: admin.id, role: "member" });
    const staleAdmin = { orgId: org.id, userId: admin.id, role: "admin" as const };
    await expect(changeMemberRole(t.db, staleAdmin, { userId: viewer.id, role: "member" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember(t.db, staleAdmin, { userId: viewer.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
