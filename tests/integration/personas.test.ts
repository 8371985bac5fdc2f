// Personas: create, edit with optimistic concurrency, unique names, deletion that leaves
// the maps made for them, and a member of another organization using this one's ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotOrg } from "../helpers/catalog";
import { callerFor } from "../helpers/callers";
import { populatedOrg, twoOrgs, type PopulatedOrg } from "../helpers/fixtures";
import { codeOf, fieldErrorsOfOutcome, outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const listed = async (o: PopulatedOrg, personaId: string) =>
  (await callerFor(t.db, o.members.viewer).persona.list({ orgSlug: o.org.slug })).find((p) => p.id === personaId);

const fields = {
  name: "Weekend camper",
  description: "Plans trips with friends.",
  demographics: { ageBand: "25–34" as const, location: "City centre", occupation: "Designer" },
  goals: ["Pack light", "  ", "Find the right tent"],
  pains: ["Confusing size charts"],
  preferredChannels: ["mobile_app" as const, "social" as const],
};

describe("personas", () => {
  it("a member creates one; it is listed with its fields, blank goals dropped, and recorded", async () => {
    const o = await populatedOrg(t.db, "Persona");
    const created = await callerFor(t.db, o.members.member).persona.create({ orgSlug: o.org.slug, ...fields, name: "  Weekend camper " });
    expect(created.version).toBe(1);
    expect(await listed(o, created.id)).toEqual({
      id: created.id,
      version: 1,
      mapCount: 0,
      ...fields,
      goals: ["Pack light", "Find the right tent"],
    });
    const { events } = await callerFor(t.db, o.owner).activity.list({ orgSlug: o.org.slug, limit: 1 });
    expect(events[0]).toMatchObject({ action: "persona.created", targetId: created.id, data: { name: "Weekend camper" }, actorEmail: o.members.member.email });
  });

  it("counts the maps made for each persona", async () => {
    const o = await populatedOrg(t.db, "Persona");
    expect((await listed(o, o.persona.id))?.mapCount).toBe(1);
    await callerFor(t.db, o.owner).journeyMap.create({ orgSlug: o.org.slug, name: "Second map", personaId: o.persona.id, template: "blank" });
    expect((await listed(o, o.persona.id))?.mapCount).toBe(2);
  });

  it("refuses a name another persona has, in any case, on create and on rename", async () => {
    const o = await populatedOrg(t.db, "Persona");
    const member = callerFor(t.db, o.members.member);
    const created = await outcomeOf(member.persona.create({ orgSlug: o.org.slug, ...fields, name: o.persona.name.toUpperCase() }));
    expect(created).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(fieldErrorsOfOutcome(created)).toHaveProperty("name");

    const other = await member.persona.create({ orgSlug: o.org.slug, ...fields });
    const renamed = await outcomeOf(member.persona.update({ orgSlug: o.org.slug, personaId: other.id, version: other.version, ...fields, name: o.persona.name.toLowerCase() }));
    expect(fieldErrorsOfOutcome(renamed)).toHaveProperty("name");
    expect((await listed(o, other.id))?.name).toBe(fields.name);
  });

  it("the same name is fine in another organization", async () => {
    const { a, b } = await twoOrgs(t.db);
    await expect(callerFor(t.db, b.owner).persona.create({ orgSlug: b.org.slug, ...fields, name: a.persona.name })).resolves.toMatchObject({ version: 1 });
  });

  it("an edit with a stale version gets CONFLICT and changes nothing", async () => {
    const o = await populatedOrg(t.db, "Persona");
    const edit = (name: string) => callerFor(t.db, o.members.member).persona.update({ orgSlug: o.org.slug, personaId: o.persona.id, version: o.persona.version, ...fields, name });
    expect((await edit("First edit")).version).toBe(o.persona.version + 1);
    expect(await codeOf(edit("Second edit"))).toBe("CONFLICT");
    expect(await listed(o, o.persona.id)).toMatchObject({ name: "First edit", version: o.persona.version + 1, pains: fields.pains });
  });

  it("deleting a persona keeps the maps made for it, without a persona", async () => {
    const o = await populatedOrg(t.db, "Persona");
    await callerFor(t.db, o.members.member).persona.delete({ orgSlug: o.org.slug, personaId: o.persona.id });
    expect(await listed(o, o.persona.id)).toBeUndefined();
    const canvas = await callerFor(t.db, o.owner).journeyMap.get({ orgSlug: o.org.slug, mapId: o.map.id });
    expect(canvas.map.personaId).toBeNull();
    expect(canvas.persona).toBeNull();
    expect(canvas.touchpoints).toHaveLength(2);
    expect(await codeOf(callerFor(t.db, o.members.member).persona.delete({ orgSlug: o.org.slug, personaId: o.persona.id }))).toBe("NOT_FOUND");
  });

  it("viewers read personas but cannot change them", async () => {
    const o = await populatedOrg(t.db, "Persona");
    const viewer = callerFor(t.db, o.members.viewer);
    const before = await snapshotOrg(t.asOwner, o.org.id);
    expect(await codeOf(viewer.persona.create({ orgSlug: o.org.slug, ...fields }))).toBe("FORBIDDEN");
    expect(await codeOf(viewer.persona.delete({ orgSlug: o.org.slug, personaId: o.persona.id }))).toBe("FORBIDDEN");
    expect(await snapshotOrg(t.asOwner, o.org.id)).toBe(before);
  });
});

describe("two organizations", () => {
  it("org B's owner, in org B, gets NOT_FOUND for org A's persona, and A is unchanged", async () => {
    const { a, b } = await twoOrgs(t.db);
    const before = await snapshotOrg(t.asOwner, a.org.id);
    const x = callerFor(t.db, b.owner);
    const target = { orgSlug: b.org.slug, personaId: a.persona.id };
    expect(await codeOf(x.persona.update({ ...target, version: a.persona.version, ...fields }))).toBe("NOT_FOUND");
    expect(await codeOf(x.persona.delete(target))).toBe("NOT_FOUND");
    expect((await x.persona.list({ orgSlug: b.org.slug })).map((p) => p.id)).toEqual([b.persona.id]);
    expect(await snapshotOrg(t.asOwner, a.org.id)).toBe(before);
  });
});
