// Teams: create, rename with optimistic concurrency, delete, and who is on them; team
// membership follows organization membership.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamMembers } from "@/db/schema";
import { createUser } from "@/db/seed/factories";
import { callerFor } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const teamOf = async (o: PopulatedOrg, teamId: string) =>
  (await callerFor(t.db, o.owner).team.list({ orgSlug: o.org.slug })).find((team) => team.id === teamId);

describe("teams", () => {
  it("a manager creates a team; it is listed and recorded", async () => {
    const o = await populatedOrg(t.db, "Teams");
    const manager = callerFor(t.db, o.members.manager);
    const team = await manager.team.create({ orgSlug: o.org.slug, name: "  Returns  ", description: "Refunds and returns." });
    expect(team).toMatchObject({ name: "Returns", description: "Refunds and returns.", version: 1 });
    expect(await teamOf(o, team.id)).toMatchObject({ name: "Returns", members: [] });
    const { events } = await callerFor(t.db, o.owner).activity.list({ orgSlug: o.org.slug, limit: 1 });
    expect(events[0]).toMatchObject({ action: "team.created", targetId: team.id, actorEmail: o.members.manager.email });
  });

  it("refuses a duplicate name, case-insensitively, on create and on rename", async () => {
    const o = await populatedOrg(t.db, "Teams");
    const manager = callerFor(t.db, o.members.manager);
    const created = await outcomeOf(manager.team.create({ orgSlug: o.org.slug, name: "shipping" }));
    expect(created).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(created.ok ? null : (created.error as { cause?: { fieldErrors?: unknown } }).cause?.fieldErrors).toHaveProperty("name");
    const renamed = await outcomeOf(manager.team.update({ orgSlug: o.org.slug, teamId: o.team.id, version: o.team.version, name: "SHIPPING", description: "" }));
    expect(renamed).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect((await teamOf(o, o.team.id))?.name).toBe(o.team.name);
  });

  it("the same name is fine in another organization", async () => {
    const [x, y] = [await populatedOrg(t.db, "Teams"), await populatedOrg(t.db, "Teams")];
    await callerFor(t.db, x.owner).team.create({ orgSlug: x.org.slug, name: "Loyalty" });
    await expect(callerFor(t.db, y.owner).team.create({ orgSlug: y.org.slug, name: "Loyalty" })).resolves.toMatchObject({ name: "Loyalty" });
  });

  it("an update with a stale version gets CONFLICT and changes nothing", async () => {
    const o = await populatedOrg(t.db, "Teams");
    const manager = callerFor(t.db, o.members.manager);
    const edit = (name: string) => manager.team.update({ orgSlug: o.org.slug, teamId: o.team.id, version: o.team.version, name, description: "" });
    const first = await edit("First edit");
    expect(first.version).toBe(o.team.version + 1);
    expect(await outcomeOf(edit("Second edit"))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await teamOf(o, o.team.id)).toMatchObject({ name: "First edit", version: first.version });
  });

  it("of two concurrent updates with the same version exactly one wins", async () => {
    const o = await populatedOrg(t.db, "Teams");
    const edit = (user: PopulatedOrg["owner"], name: string) =>
      outcomeOf(callerFor(t.db, user).team.update({ orgSlug: o.org.slug, teamId: o.team.id, version: o.team.version, name, description: "" }));
    const outcomes = await Promise.all([edit(o.members.manager, "Edit A"), edit(o.members.admin, "Edit B")]);
    expect(outcomes.filter((x) => x.ok)).toHaveLength(1);
    expect(outcomes.filter((x) => !x.ok)).toMatchObject([{ code: "CONFLICT" }]);
    expect((await teamOf(o, o.team.id))?.version).toBe(o.team.version + 1);
  });

  it("deleting a team removes it and its memberships; a second delete is NOT_FOUND", async () => {
    const o = await populatedOrg(t.db, "Teams");
    const manager = callerFor(t.db, o.members.manager);
    await manager.team.delete({ orgSlug: o.org.slug, teamId: o.team.id });
    expect(await teamOf(o, o.team.id)).toBeUndefined();
    const left = await t.asOwner((tx) => tx.select().from(teamMembers).where(and(eq(teamMembers.organizationId, o.org.id), eq(teamMembers.teamId, o.team.id))));
    expect(left).toEqual([]);
    expect(await outcomeOf(manager.team.delete({ orgSlug: o.org.slug, teamId: o.team.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("adds and removes members; adding twice is harmless", async () => {
    const o = await populatedOrg(t.db, "Teams");
    const manager = callerFor(t.db, o.members.manager);
    const input = { orgSlug: o.org.slug, teamId: o.team.id, userId: o.members.viewer.id };
    await manager.team.addMember(input);
    await manager.team.addMember(input);
    expect((await teamOf(o, o.team.id))?.members.map((m) => m.userId).sort()).toEqual([o.members.member.id, o.members.viewer.id].sort());
    await manager.team.removeMember(input);
    expect((await teamOf(o, o.team.id))?.members.map((m) => m.userId)).toEqual([o.members.member.id]);
    expect(await outcomeOf(manager.team.removeMember(input))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const { events } = await callerFor(t.db, o.owner).activity.list({ orgSlug: o.org.slug, limit: 3 });
    expect(events.map((e) => e.action)).toEqual(["team.member_removed", "team.member_added", "member.invited"]);
  });

  it("only members of the organization can join its teams", async () => {
    const o = await populatedOrg(t.db, "Teams");
    const other = await populatedOrg(t.db, "Other");
    const manager = callerFor(t.db, o.members.manager);
    for (const userId of [(await createUser(t.db)).id, other.members.member.id, crypto.randomUUID()]) {
      expect(await outcomeOf(manager.team.addMember({ orgSlug: o.org.slug, teamId: o.team.id, userId }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect((await teamOf(o, o.team.id))?.members.map((m) => m.userId)).toEqual([o.members.member.id]);
  });

  it("removing someone from the organization removes them from its teams", async () => {
    const o = await populatedOrg(t.db, "Teams");
    const owner = callerFor(t.db, o.owner);
    const extra = await owner.team.create({ orgSlug: o.org.slug, name: "Second team" });
    await owner.team.addMember({ orgSlug: o.org.slug, teamId: extra.id, userId: o.members.member.id });
    await owner.member.remove({ orgSlug: o.org.slug, userId: o.members.member.id });
    const teams = await owner.team.list({ orgSlug: o.org.slug });
    expect(teams.flatMap((team) => team.members.map((m) => m.userId))).not.toContain(o.members.member.id);
    const rows = await t.asOwner((tx) => tx.select().from(teamMembers).where(and(eq(teamMembers.organizationId, o.org.id), eq(teamMembers.userId, o.members.member.id))));
    expect(rows).toEqual([]);
  });
});
