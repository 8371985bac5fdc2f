// Journey maps: templates, the list, the map's own fields with optimistic concurrency,
// deletion, the map's history with its cursor, the revision open canvases poll, the
// activity log, and a member of another organization using this one's ids.
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAGE_TEMPLATES } from "@/db/journey-constants";
import { mapEvents, stages, touchpoints } from "@/db/schema";
import { uuidv7 } from "@/db/schema/_columns";
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

const owner = (o: PopulatedOrg) => callerFor(t.db, o.owner);
const canvas = (o: PopulatedOrg, mapId = o.map.id) => owner(o).journeyMap.get({ orgSlug: o.org.slug, mapId });
const mapFields = (o: PopulatedOrg) => ({ orgSlug: o.org.slug, mapId: o.map.id, version: o.map.version, name: o.map.name, description: "", personaId: o.persona.id, status: "draft" as const, ownerUserId: o.owner.id });

describe("creating maps", () => {
  it.each([
    ["purchase", ["Awareness", "Consideration", "Purchase", "Post-purchase", "Loyalty & advocacy"]],
    ["experience", ["Before", "During", "After", "Return"]],
    ["blank", []],
  ] as const)("the %s template gives its stages, in order", async (template, names) => {
    const o = await populatedOrg(t.db, "Maps");
    const map = await callerFor(t.db, o.members.member).journeyMap.create({ orgSlug: o.org.slug, name: `A ${template} map`, template });
    const got = await canvas(o, map.id);
    expect(got.stages.map((s) => s.name)).toEqual(names);
    expect(got.stages.map((s) => s.description)).toEqual(STAGE_TEMPLATES[template].stages.map((s) => s.description));
    expect(got.map).toMatchObject({ name: `A ${template} map`, status: "draft", ownerUserId: o.members.member.id, ownerName: o.members.member.name, personaId: null });
  });

  it("uses the purchase template when none is named, and links the persona", async () => {
    const o = await populatedOrg(t.db, "Maps");
    const map = await owner(o).journeyMap.create({ orgSlug: o.org.slug, name: "Default", personaId: o.persona.id });
    const got = await canvas(o, map.id);
    expect(got.stages).toHaveLength(5);
    expect(got.persona).toMatchObject({ id: o.persona.id, name: o.persona.name, goals: ["Save time"] });
  });

  it("refuses a persona of another organization as a field error, and writes nothing", async () => {
    const { a, b } = await twoOrgs(t.db);
    const before = await snapshotOrg(t.asOwner, b.org.id);
    const outcome = await outcomeOf(owner(b).journeyMap.create({ orgSlug: b.org.slug, name: "Borrowed persona", personaId: a.persona.id }));
    expect(outcome).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(fieldErrorsOfOutcome(outcome)).toHaveProperty("personaId");
    expect(await snapshotOrg(t.asOwner, b.org.id)).toBe(before);
  });

  it("lists maps with their persona, owner and counts (opportunities are not obstacles)", async () => {
    const o = await populatedOrg(t.db, "Maps");
    const [listed] = await callerFor(t.db, o.members.viewer).journeyMap.list({ orgSlug: o.org.slug });
    expect(listed).toMatchObject({ id: o.map.id, name: o.map.name, personaName: o.persona.name, ownerName: o.owner.name, stageCount: 2, touchpointCount: 2, obstacleCount: 1 });
  });
});

describe("the last change of each map", () => {
  it("is the time of the map's newest history event, per map, or its creation when it has none", async () => {
    const o = await populatedOrg(t.db, "Maps");
    const x = owner(o);
    const busy = await x.journeyMap.create({ orgSlug: o.org.slug, name: "Busy", template: "blank" });
    const quiet = await x.journeyMap.create({ orgSlug: o.org.slug, name: "Quiet", template: "blank" });
    const silent = await x.journeyMap.create({ orgSlug: o.org.slug, name: "Silent", template: "blank" });
    const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12));
    await t.asOwner(async (tx) => {
      await tx.delete(mapEvents).where(and(eq(mapEvents.organizationId, o.org.id), inArray(mapEvents.mapId, [busy.id, quiet.id, silent.id])));
      // Interleaved, newest id last (ids are time-ordered uuid v7): Busy's last change is day 9, Quiet's day 4.
      const events = [
        [busy.id, 1],
        [quiet.id, 2],
        [busy.id, 3],
        [quiet.id, 4],
        [busy.id, 9],
      ] as const;
      for (const [mapId, day] of events) {
        await tx.insert(mapEvents).values({ organizationId: o.org.id, id: uuidv7(), mapId, action: "map.updated", createdAt: at(day) });
      }
    });
    const list = await x.journeyMap.list({ orgSlug: o.org.slug });
    const lastChange = (id: string) => list.find((m) => m.id === id)!.lastChangedAt;
    expect(lastChange(busy.id)).toEqual(at(9));
    expect(lastChange(quiet.id)).toEqual(at(4));
    expect(lastChange(silent.id)).toEqual(list.find((m) => m.id === silent.id)!.createdAt);
    // The fixture's map keeps its own latest event, untouched by the others.
    const { events } = await x.journeyMap.history({ orgSlug: o.org.slug, mapId: o.map.id, limit: 1 });
    expect(lastChange(o.map.id)).toEqual(events[0]!.createdAt);
  });
});

describe("updating and deleting maps", () => {
  it("saves the fields and bumps the version; a stale version gets CONFLICT and changes nothing", async () => {
    const o = await populatedOrg(t.db, "Maps");
    const member = callerFor(t.db, o.members.member);
    const saved = await member.journeyMap.update({ ...mapFields(o), name: "Renamed map", status: "active", personaId: null, ownerUserId: o.members.manager.id });
    expect(saved.version).toBe(o.map.version + 1);
    expect((await canvas(o)).map).toMatchObject({ name: "Renamed map", status: "active", personaId: null, ownerUserId: o.members.manager.id, version: saved.version });

    expect(await codeOf(member.journeyMap.update({ ...mapFields(o), name: "Lost edit" }))).toBe("CONFLICT");
    expect((await canvas(o)).map.name).toBe("Renamed map");
  });

  it("refuses an owner who is not a member of the organization", async () => {
    const { a, b } = await twoOrgs(t.db);
    const outcome = await outcomeOf(owner(a).journeyMap.update({ ...mapFields(a), ownerUserId: b.owner.id }));
    expect(fieldErrorsOfOutcome(outcome)).toHaveProperty("ownerUserId");
    expect((await canvas(a)).map.ownerUserId).toBe(a.owner.id);
  });

  it("a manager deletes a map with everything on it; a member may not", async () => {
    const o = await populatedOrg(t.db, "Maps");
    expect(await codeOf(callerFor(t.db, o.members.member).journeyMap.delete({ orgSlug: o.org.slug, mapId: o.map.id }))).toBe("FORBIDDEN");
    await callerFor(t.db, o.members.manager).journeyMap.delete({ orgSlug: o.org.slug, mapId: o.map.id });
    expect(await codeOf(canvas(o))).toBe("NOT_FOUND");
    const left = await t.asOwner(async (tx) => [
      (await tx.select({ n: count() }).from(stages).where(and(eq(stages.organizationId, o.org.id), eq(stages.mapId, o.map.id))))[0]!.n,
      (await tx.select({ n: count() }).from(touchpoints).where(and(eq(touchpoints.organizationId, o.org.id), eq(touchpoints.mapId, o.map.id))))[0]!.n,
    ]);
    expect(left).toEqual([0, 0]);
    expect(await owner(o).journeyMap.list({ orgSlug: o.org.slug })).toEqual([]);
    // The persona stays.
    expect((await owner(o).persona.list({ orgSlug: o.org.slug })).map((p) => p.id)).toEqual([o.persona.id]);
  });

  it("the activity log records maps created, shared and deleted", async () => {
    const o = await populatedOrg(t.db, "Maps");
    const manager = callerFor(t.db, o.members.manager);
    const map = await manager.journeyMap.create({ orgSlug: o.org.slug, name: "Logged map", template: "blank" });
    await manager.shareLink.create({ orgSlug: o.org.slug, mapId: map.id });
    await manager.journeyMap.delete({ orgSlug: o.org.slug, mapId: map.id });
    const { events } = await owner(o).activity.list({ orgSlug: o.org.slug, limit: 3 });
    expect(events.map((e) => [e.action, e.targetId, e.data, e.actorEmail])).toEqual([
      ["journey_map.deleted", map.id, { name: "Logged map" }, o.members.manager.email],
      ["journey_map.shared", map.id, { name: "Logged map" }, o.members.manager.email],
      ["journey_map.created", map.id, { name: "Logged map" }, o.members.manager.email],
    ]);
  });
});

describe("history and revision", () => {
  it("lists the map's changes newest first, with who made them, page by page", async () => {
    const o = await populatedOrg(t.db, "History");
    const member = callerFor(t.db, o.members.member);
    const map = await owner(o).journeyMap.create({ orgSlug: o.org.slug, name: "Storied", template: "blank" });
    const stage = await member.stage.create({ orgSlug: o.org.slug, mapId: map.id, name: "Arrive" });
    await member.stage.update({ orgSlug: o.org.slug, stageId: stage.id, version: stage.version, name: "Arrival", description: "" });
    const tp = await owner(o).touchpoint.create({ orgSlug: o.org.slug, stageId: stage.id, name: "Parking", channel: "store" });
    await member.touchpoint.delete({ orgSlug: o.org.slug, touchpointId: tp.id });

    const history = (limit: number, cursor?: string) => callerFor(t.db, o.members.viewer).journeyMap.history({ orgSlug: o.org.slug, mapId: map.id, limit, cursor });
    const { events, nextCursor } = await history(50);
    expect(nextCursor).toBeUndefined();
    expect(events.map((e) => [e.action, e.actorName, e.data])).toEqual([
      ["touchpoint.deleted", o.members.member.name, { name: "Parking" }],
      ["touchpoint.created", o.owner.name, { name: "Parking", stage: "Arrival" }],
      ["stage.updated", o.members.member.name, { name: "Arrival", previousName: "Arrive" }],
      ["stage.created", o.members.member.name, { name: "Arrive" }],
      ["map.created", o.owner.name, { name: "Storied", template: "blank" }],
    ]);

    const paged: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await history(2, cursor);
      expect(result.events.length).toBeLessThanOrEqual(2);
      paged.push(...result.events.map((e) => e.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(paged).toEqual(events.map((e) => e.id));
  });

  it("the revision changes with every edit and names the latest history entry", async () => {
    const o = await populatedOrg(t.db, "History");
    const input = { orgSlug: o.org.slug, mapId: o.map.id };
    const viewer = callerFor(t.db, o.members.viewer);
    const before = (await viewer.journeyMap.revision(input)).revision;
    expect(before).toBe((await canvas(o)).revision);
    await owner(o).stage.update({ orgSlug: o.org.slug, stageId: o.stages[0].id, version: o.stages[0].version, name: "Renamed", description: "" });
    const after = (await viewer.journeyMap.revision(input)).revision;
    expect(after).not.toBe(before);
    expect(after).toBe((await viewer.journeyMap.history({ ...input, limit: 1 })).events[0]!.id);
    // Reading changes nothing.
    expect((await viewer.journeyMap.revision(input)).revision).toBe(after);
  });
});

describe("two organizations", () => {
  it("org B's owner, in org B, gets NOT_FOUND for every map procedure with org A's map, and A is unchanged", async () => {
    const { a, b } = await twoOrgs(t.db);
    const before = await snapshotOrg(t.asOwner, a.org.id);
    const bOwner = owner(b);
    const input = { orgSlug: b.org.slug, mapId: a.map.id };
    const calls = {
      get: () => bOwner.journeyMap.get(input),
      revision: () => bOwner.journeyMap.revision(input),
      history: () => bOwner.journeyMap.history({ ...input, limit: 10 }),
      exportJson: () => bOwner.journeyMap.exportJson(input),
      exportCsv: () => bOwner.journeyMap.exportCsv(input),
      update: () => bOwner.journeyMap.update({ ...mapFields(a), orgSlug: b.org.slug, personaId: null, ownerUserId: null }),
      delete: () => bOwner.journeyMap.delete(input),
    };
    for (const [name, call] of Object.entries(calls)) expect({ name, code: await codeOf(call()) }).toEqual({ name, code: "NOT_FOUND" });
    expect((await bOwner.journeyMap.list({ orgSlug: b.org.slug })).map((m) => m.id)).toEqual([b.map.id]);
    expect(await snapshotOrg(t.asOwner, a.org.id)).toBe(before);
  });
});
