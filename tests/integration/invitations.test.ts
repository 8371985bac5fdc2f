// Invitations: single use, bound to one email, expiring, revocable, bound to their
// organization, and accepting one only ever adds a membership.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, memberships, users } from "@/db/schema";
import { createUser } from "@/db/seed/factories";
import { acceptInvitation } from "@/server/services/invitations";
import { callerFor } from "../helpers/callers";
import { populatedOrg, twoOrgs, uniqueSuffix, type PopulatedOrg, type TestUser } from "../helpers/fixtures";
import { outcomeOf } from "../helpers/procedures";
import { createTestDatabase, queryRows, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const usersTable = () => t.asOwner((tx) => queryRows(tx, sql`select to_jsonb(u) as row from users u order by id`));
const membershipOf = (orgId: string, userId: string) =>
  t.asOwner(async (tx) => (await tx.select().from(memberships).where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId))))[0]);

/** An org, an invitation issued by its admin, and the invited person's account. */
async function invited(role: "manager" | "viewer" = "manager"): Promise<{ o: PopulatedOrg; token: string; invitationId: string; invitee: TestUser }> {
  const o = await populatedOrg(t.db, "Invite");
  const email = `invitee-${uniqueSuffix()}@example.test`;
  const { token, invitation } = await callerFor(t.db, o.members.admin).invitation.create({ orgSlug: o.org.slug, email, role });
  const invitee = await createUser(t.db, { email });
  return { o, token, invitationId: invitation.id, invitee };
}

describe("invitations", () => {
  it("accepting as the invited email adds a membership with the invited role and records member.joined", async () => {
    const { o, token, invitee } = await invited("manager");
    const result = await callerFor(t.db, invitee).invitation.accept({ token });
    expect(result).toEqual({ organization: { id: o.org.id, slug: o.org.slug, name: o.org.name }, role: "manager" });

    expect((await membershipOf(o.org.id, invitee.id))?.role).toBe("manager");
    const teams = await callerFor(t.db, invitee).team.list({ orgSlug: o.org.slug });
    expect(teams.length).toBeGreaterThan(0);
    const { events } = await callerFor(t.db, o.owner).activity.list({ orgSlug: o.org.slug, limit: 5 });
    expect(events[0]).toMatchObject({ action: "member.joined", targetId: invitee.id, data: { role: "manager" } });
  });

  it("the invitee can use the organization with the session they accepted with", async () => {
    const { o, token, invitee } = await invited("viewer");
    const signedInEarlier = callerFor(t.db, invitee, Date.now() - 60_000);
    await signedInEarlier.invitation.accept({ token });
    expect((await signedInEarlier.organization.overview({ orgSlug: o.org.slug })).role).toBe("viewer");
  });

  it("stores only a hash of the token", async () => {
    const { o, token, invitationId } = await invited();
    const [row] = await t.asOwner((tx) =>
      queryRows<{ row: string }>(tx, sql`select to_jsonb(i)::text as row from invitations i where organization_id = ${o.org.id}::uuid and id = ${invitationId}::uuid`),
    );
    expect(row?.row).toBeDefined();
    expect(row!.row).not.toContain(token.split(".")[1]!);
  });

  it("a token works once", async () => {
    const { token, invitee } = await invited();
    await callerFor(t.db, invitee).invitation.accept({ token });
    expect(await outcomeOf(callerFor(t.db, invitee).invitation.accept({ token }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("an expired invitation is refused", async () => {
    const { o, token, invitationId, invitee } = await invited();
    // Through the service's clock…
    const eightDaysLater = new Date(Date.now() + 8 * 86_400_000);
    await expect(acceptInvitation(t.db, { userId: invitee.id, email: invitee.email }, token, eightDaysLater)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // …and through the stored expiry.
    await t.asOwner((tx) =>
      tx.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(invitations.organizationId, o.org.id), eq(invitations.id, invitationId))),
    );
    expect(await outcomeOf(callerFor(t.db, invitee).invitation.accept({ token }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await membershipOf(o.org.id, invitee.id)).toBeUndefined();
  });

  it("someone signed in with another email cannot accept, and nothing is created", async () => {
    const { o, token } = await invited();
    const stranger = await createUser(t.db);
    expect(await outcomeOf(callerFor(t.db, stranger).invitation.accept({ token }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await membershipOf(o.org.id, stranger.id)).toBeUndefined();
    // The invitation is still usable by the right person.
    const pending = await callerFor(t.db, o.owner).invitation.listPending({ orgSlug: o.org.slug });
    expect(pending.length).toBe(2);
  });

  it("a token of org A cannot be used to join org B", async () => {
    const { a, b } = await twoOrgs(t.db);
    const invitee = await createUser(t.db, { email: a.invitation.email });
    const [orgId, secret] = a.invitation.token.split(".");
    expect(orgId).toBe(a.org.id);
    const tampered = `${b.org.id}.${secret}`;
    expect(await outcomeOf(callerFor(t.db, invitee).invitation.accept({ token: tampered }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await membershipOf(b.org.id, invitee.id)).toBeUndefined();
    for (const junk of ["not-a-token", `${a.org.id}.short`, `${a.org.id}.${"x".repeat(32)}`, `${crypto.randomUUID()}.${secret}`]) {
      expect(await outcomeOf(callerFor(t.db, invitee).invitation.accept({ token: junk })), junk).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    // The untampered token still works, for A.
    await callerFor(t.db, invitee).invitation.accept({ token: a.invitation.token });
    expect((await membershipOf(a.org.id, invitee.id))?.role).toBe("viewer");
  });

  it("a revoked invitation is refused", async () => {
    const { o, token, invitationId, invitee } = await invited();
    await callerFor(t.db, o.members.admin).invitation.revoke({ orgSlug: o.org.slug, invitationId });
    expect(await outcomeOf(callerFor(t.db, invitee).invitation.accept({ token }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await membershipOf(o.org.id, invitee.id)).toBeUndefined();
    // Revoking twice is a conflict, not a silent success.
    expect(await outcomeOf(callerFor(t.db, o.members.admin).invitation.revoke({ orgSlug: o.org.slug, invitationId }))).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("accepting never creates, merges or changes an account", async () => {
    const { token, invitee } = await invited();
    const stranger = await createUser(t.db);
    const before = await usersTable();
    await outcomeOf(callerFor(t.db, stranger).invitation.accept({ token }));
    await callerFor(t.db, invitee).invitation.accept({ token });
    expect(await usersTable()).toEqual(before);
    const [after] = await t.db.select().from(users).where(eq(users.id, invitee.id));
    expect(after).toMatchObject({ passwordHash: invitee.passwordHash, sessionVersion: invitee.sessionVersion, email: invitee.email, name: invitee.name });
  });

  it("an existing member cannot accept again, and cannot be invited", async () => {
    const { o, token, invitee } = await invited();
    await callerFor(t.db, invitee).invitation.accept({ token });
    const again = await outcomeOf(callerFor(t.db, o.owner).invitation.create({ orgSlug: o.org.slug, email: invitee.email.toUpperCase(), role: "viewer" }));
    expect(again).toMatchObject({ ok: false, code: "BAD_REQUEST" });
  });

  it("listPending shows only pending invitations", async () => {
    const o = await populatedOrg(t.db, "Pending");
    const admin = callerFor(t.db, o.members.admin);
    const make = async (label: string) => {
      const email = `${label}-${uniqueSuffix()}@example.test`;
      return { email, ...(await admin.invitation.create({ orgSlug: o.org.slug, email, role: "viewer" })) };
    };
    const [pending, accepted, revoked, expired] = [await make("pending"), await make("accepted"), await make("revoked"), await make("expired")];
    await callerFor(t.db, await createUser(t.db, { email: accepted.email })).invitation.accept({ token: accepted.token });
    await admin.invitation.revoke({ orgSlug: o.org.slug, invitationId: revoked.invitation.id });
    await t.asOwner((tx) =>
      tx.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(invitations.organizationId, o.org.id), eq(invitations.id, expired.invitation.id))),
    );
    const list = await admin.invitation.listPending({ orgSlug: o.org.slug });
    expect(list.map((i) => i.email).sort()).toEqual([o.invitation.email, pending.email].sort());
  });

  it("an admin cannot invite as owner; an owner can", async () => {
    const o = await populatedOrg(t.db, "Invite");
    const outcome = await outcomeOf(callerFor(t.db, o.members.admin).invitation.create({ orgSlug: o.org.slug, email: "boss@example.test", role: "owner" }));
    expect(outcome).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(outcome.ok ? null : (outcome.error as { cause?: { fieldErrors?: unknown } }).cause?.fieldErrors).toHaveProperty("role");
    const created = await callerFor(t.db, o.owner).invitation.create({ orgSlug: o.org.slug, email: "boss@example.test", role: "owner" });
    expect(created.invitation.role).toBe("owner");
  });
});
