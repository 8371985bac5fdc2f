// The canvas: stages (placed, moved, renamed, deleted with their touchpoints), touchpoints
// (keys, moves within and across stages, owning teams) and the obstacles and opportunities
// on them, through the routers; and a member of another organization using this one's ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotOrg } from "../helpers/catalog";
import { callerFor } from "../helpers/callers";
import { populatedOrg, twoOrgs, uniqueSuffix, type PopulatedOrg } from "../helpers/fixtures";
import { codeOf, fieldErrorsOfOutcome, outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const editor = (o: PopulatedOrg) => callerFor(t.db, o.members.member);
const canvas = (o: PopulatedOrg, mapId = o.map.id) => callerFor(t.db, o.members.viewer).journeyMap.get({ orgSlug: o.org.slug, mapId });

/** Stage names, each with its touchpoint names, in the order the canvas shows them. */
async function layout(o: PopulatedOrg, mapId: string) {
  const got = await canvas(o, mapId);
  return got.stages.map((s) => [s.name, got.touchpoints.filter((tp) => tp.stageId === s.id).map((tp) => tp.name)] as const);
}

/** A blank map with the named stages, each holding the named touchpoints. */
async function mapWith(o: PopulatedOrg, spec: Record<string, string[]>) {
  const slug = o.org.slug;
  const map = await editor(o).journeyMap.create({ orgSlug: slug, name: `Map ${uniqueSuffix()}`, template: "blank" });
  const stages: Record<string, string> = {};
  const touchpoints: Record<string, string> = {};
  for (const [stageName, names] of Object.entries(spec)) {
    stages[stageName] = (await editor(o).stage.create({ orgSlug: slug, mapId: map.id, name: stageName })).id;
    for (const name of names) touchpoints[name] = (await editor(o).touchpoint.create({ orgSlug: slug, stageId: stages[stageName]!, name, channel: "web" })).id;
  }
  return { mapId: map.id, stages, touchpoints };
}

describe("stages", () => {
  it("are created at the end, first, or after a given stage", async () => {
    const o = await populatedOrg(t.db, "Stages");
    const { mapId, stages } = await mapWith(o, { B: [], D: [] });
    const create = (name: string, afterStageId?: string | null) => editor(o).stage.create({ orgSlug: o.org.slug, mapId, name, afterStageId });
    await create("E");
    await create("A", null);
    await create("C", stages.B);
    expect((await layout(o, mapId)).map(([name]) => name)).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("move after another stage or to the front, keeping their touchpoints", async () => {
    const o = await populatedOrg(t.db, "Stages");
    const { mapId, stages } = await mapWith(o, { A: ["a1"], B: ["b1", "b2"], C: [] });
    await editor(o).stage.move({ orgSlug: o.org.slug, stageId: stages.A!, afterStageId: stages.C! });
    expect(await layout(o, mapId)).toEqual([["B", ["b1", "b2"]], ["C", []], ["A", ["a1"]]]);
    await editor(o).stage.move({ orgSlug: o.org.slug, stageId: stages.C!, afterStageId: null });
    expect((await layout(o, mapId)).map(([name]) => name)).toEqual(["C", "B", "A"]);
  });

  it("are renamed with their version; a stale version gets CONFLICT", async () => {
    const o = await populatedOrg(t.db, "Stages");
    const [stage] = o.stages;
    const rename = (name: string) => editor(o).stage.update({ orgSlug: o.org.slug, stageId: stage.id, version: stage.version, name, description: "Where it starts." });
    expect((await rename("Explore")).version).toBe(stage.version + 1);
    expect(await codeOf(rename("Lost"))).toBe("CONFLICT");
    expect((await canvas(o)).stages[0]).toMatchObject({ name: "Explore", description: "Where it starts.", version: stage.version + 1 });
  });

  it("deleting a stage deletes its touchpoints and their obstacles, and says so in the history", async () => {
    const o = await populatedOrg(t.db, "Stages");
    await editor(o).stage.delete({ orgSlug: o.org.slug, stageId: o.stages[0].id });
    const got = await canvas(o);
    expect(got.stages.map((s) => s.id)).toEqual([o.stages[1].id]);
    expect(got.touchpoints.map((tp) => tp.id)).toEqual([o.touchpoints[1].id]);
    expect(got.obstacles.map((x) => x.id)).toEqual([o.opportunity.id]);
    const { events } = await editor(o).journeyMap.history({ orgSlug: o.org.slug, mapId: o.map.id, limit: 1 });
    expect(events[0]).toMatchObject({ action: "stage.deleted", data: { name: o.stages[0].name, touchpoints: 1 } });
  });
});

describe("touchpoints", () => {
  it("get a key derived from the name when none is given, made unique with -2, -3", async () => {
    const o = await populatedOrg(t.db, "Touch");
    const create = (name: string) => editor(o).touchpoint.create({ orgSlug: o.org.slug, stageId: o.stages[0].id, name, channel: "email" });
    expect((await create("Set-up instructions!")).key).toBe("set-up-instructions");
    expect((await create("Set-up  instructions")).key).toBe("set-up-instructions-2");
    expect((await create("SET-UP instructions")).key).toBe("set-up-instructions-3");
  });

  it("refuse a key another touchpoint of the organization uses, in any case, as a field error", async () => {
    const o = await populatedOrg(t.db, "Touch");
    const other = await mapWith(o, { Elsewhere: [] });
    const taken = o.touchpoints[0].key.toUpperCase();
    const created = await outcomeOf(editor(o).touchpoint.create({ orgSlug: o.org.slug, stageId: other.stages.Elsewhere!, name: "Copycat", key: taken, channel: "web" }));
    expect(created).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(fieldErrorsOfOutcome(created)).toHaveProperty("key");

    const tp = o.touchpoints[1];
    const updated = await outcomeOf(editor(o).touchpoint.update({ orgSlug: o.org.slug, touchpointId: tp.id, version: tp.version, name: tp.name, key: taken, channel: "web" }));
    expect(fieldErrorsOfOutcome(updated)).toHaveProperty("key");
    const got = await canvas(o);
    expect(got.touchpoints.map((x) => x.key)).toEqual(o.touchpoints.map((x) => x.key));
    expect((await layout(o, other.mapId))[0]![1]).toEqual([]);
  });

  it("save every field with their version; a stale version gets CONFLICT; keeping one's own key is fine", async () => {
    const o = await populatedOrg(t.db, "Touch");
    const tp = o.touchpoints[1];
    const fields = { orgSlug: o.org.slug, touchpointId: tp.id, version: tp.version, key: tp.key, channel: "phone" as const };
    const saved = await editor(o).touchpoint.update({ ...fields, name: "Call centre", teamId: o.team.id, customerAction: "Calls", expectedEmotion: -2, notes: "Long waits", description: "The hotline" });
    expect(saved.version).toBe(tp.version + 1);
    expect((await canvas(o)).touchpoints[1]).toMatchObject({
      name: "Call centre",
      key: tp.key,
      channel: "phone",
      teamId: o.team.id,
      teamName: o.team.name,
      customerAction: "Calls",
      expectedEmotion: -2,
      notes: "Long waits",
      description: "The hotline",
    });
    expect(await codeOf(editor(o).touchpoint.update({ ...fields, name: "Lost edit" }))).toBe("CONFLICT");
    expect((await canvas(o)).touchpoints[1]?.name).toBe("Call centre");
  });

  it("move within a stage and across stages, without bumping the version", async () => {
    const o = await populatedOrg(t.db, "Touch");
    const { mapId, stages, touchpoints: tp } = await mapWith(o, { S1: ["x", "y", "z"], S2: ["p"] });
    const move = (name: string, stage: string, after: string | null) =>
      editor(o).touchpoint.move({ orgSlug: o.org.slug, touchpointId: tp[name]!, stageId: stages[stage]!, afterTouchpointId: after && tp[after]! });
    await move("z", "S1", "x");
    expect(await layout(o, mapId)).toEqual([["S1", ["x", "z", "y"]], ["S2", ["p"]]]);
    await move("y", "S1", null);
    expect(await layout(o, mapId)).toEqual([["S1", ["y", "x", "z"]], ["S2", ["p"]]]);
    await move("x", "S2", "p");
    await move("z", "S2", null);
    expect(await layout(o, mapId)).toEqual([["S1", ["y"]], ["S2", ["z", "p", "x"]]]);
    expect((await canvas(o, mapId)).touchpoints.every((x) => x.version === 1)).toBe(true);
    const { events } = await editor(o).journeyMap.history({ orgSlug: o.org.slug, mapId, limit: 2 });
    expect(events.map((e) => e.data)).toEqual([{ name: "z", stage: "S2", fromStage: "S1" }, { name: "x", stage: "S2", fromStage: "S1" }]);
  });

  it("cannot move to a stage of another map", async () => {
    const o = await populatedOrg(t.db, "Touch");
    const other = await mapWith(o, { Other: ["o1"] });
    const outcome = await outcomeOf(editor(o).touchpoint.move({ orgSlug: o.org.slug, touchpointId: o.touchpoints[0].id, stageId: other.stages.Other!, afterTouchpointId: null }));
    expect(outcome).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(fieldErrorsOfOutcome(outcome)).toHaveProperty("stageId");
    expect((await canvas(o)).touchpoints.map((x) => [x.id, x.stageId])).toEqual(o.touchpoints.map((x, i) => [x.id, o.stages[i]!.id]));
  });

  it("refuse a team of another organization as a field error, on create and on update", async () => {
    const { a, b } = await twoOrgs(t.db);
    const create = await outcomeOf(editor(b).touchpoint.create({ orgSlug: b.org.slug, stageId: b.stages[0].id, name: "Borrowed team", channel: "web", teamId: a.team.id }));
    expect(create).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(fieldErrorsOfOutcome(create)).toHaveProperty("teamId");
    const tp = b.touchpoints[1];
    const update = await outcomeOf(editor(b).touchpoint.update({ orgSlug: b.org.slug, touchpointId: tp.id, version: tp.version, name: tp.name, key: tp.key, channel: "web", teamId: a.team.id }));
    expect(fieldErrorsOfOutcome(update)).toHaveProperty("teamId");
    expect((await canvas(b)).touchpoints.map((x) => x.teamId)).toEqual([b.team.id, null]);
  });

  it("deleting a touchpoint deletes its obstacles", async () => {
    const o = await populatedOrg(t.db, "Touch");
    await editor(o).touchpoint.delete({ orgSlug: o.org.slug, touchpointId: o.touchpoints[0].id });
    const got = await canvas(o);
    expect(got.touchpoints.map((x) => x.id)).toEqual([o.touchpoints[1].id]);
    expect(got.obstacles.map((x) => x.id)).toEqual([o.opportunity.id]);
    expect(await codeOf(editor(o).touchpoint.delete({ orgSlug: o.org.slug, touchpointId: o.touchpoints[0].id }))).toBe("NOT_FOUND");
  });
});

describe("obstacles and opportunities", () => {
  it("are created on a touchpoint, edited with their version, and deleted", async () => {
    const o = await populatedOrg(t.db, "Insight");
    const slug = o.org.slug;
    const created = await editor(o).obstacle.create({ orgSlug: slug, touchpointId: o.touchpoints[1].id, kind: "obstacle", title: "Card declined", severity: "critical" });
    expect((await canvas(o)).obstacles.find((x) => x.id === created.id)).toMatchObject({ touchpointId: o.touchpoints[1].id, kind: "obstacle", title: "Card declined", severity: "critical", version: 1 });

    const edit = (title: string) => editor(o).obstacle.update({ orgSlug: slug, obstacleId: created.id, version: created.version, kind: "opportunity", title, description: "Offer another way to pay", severity: "medium" });
    expect((await edit("Wallet payments")).version).toBe(2);
    expect(await codeOf(edit("Lost edit"))).toBe("CONFLICT");
    expect((await canvas(o)).obstacles.find((x) => x.id === created.id)).toMatchObject({ kind: "opportunity", title: "Wallet payments", description: "Offer another way to pay", version: 2 });

    await editor(o).obstacle.delete({ orgSlug: slug, obstacleId: created.id });
    expect((await canvas(o)).obstacles.map((x) => x.id)).toEqual([o.obstacle.id, o.opportunity.id]);
    const { events } = await editor(o).journeyMap.history({ orgSlug: slug, mapId: o.map.id, limit: 3 });
    expect(events.map((e) => e.action)).toEqual(["obstacle.deleted", "obstacle.updated", "obstacle.created"]);
  });

  it("viewers read the canvas but cannot change it", async () => {
    const o = await populatedOrg(t.db, "Insight");
    const viewer = callerFor(t.db, o.members.viewer);
    const before = await snapshotOrg(t.asOwner, o.org.id);
    expect(await codeOf(viewer.obstacle.delete({ orgSlug: o.org.slug, obstacleId: o.obstacle.id }))).toBe("FORBIDDEN");
    expect(await codeOf(viewer.stage.create({ orgSlug: o.org.slug, mapId: o.map.id, name: "Nope" }))).toBe("FORBIDDEN");
    expect(await codeOf(viewer.touchpoint.move({ orgSlug: o.org.slug, touchpointId: o.touchpoints[0].id, stageId: o.stages[1].id, afterTouchpointId: null }))).toBe("FORBIDDEN");
    expect(await snapshotOrg(t.asOwner, o.org.id)).toBe(before);
  });
});

describe("two organizations", () => {
  it("org B's owner, in org B, cannot reach org A's stages, touchpoints or obstacles, and A is unchanged", async () => {
    const { a, b } = await twoOrgs(t.db);
    const before = await snapshotOrg(t.asOwner, a.org.id);
    const x = callerFor(t.db, b.owner);
    const slug = b.org.slug;
    const [stage] = a.stages;
    const [tp] = a.touchpoints;
    const calls = {
      "stage.create": () => x.stage.create({ orgSlug: slug, mapId: a.map.id, name: "Intruder" }),
      "stage.update": () => x.stage.update({ orgSlug: slug, stageId: stage.id, version: stage.version, name: "Intruder", description: "" }),
      "stage.move": () => x.stage.move({ orgSlug: slug, stageId: stage.id, afterStageId: null }),
      "stage.delete": () => x.stage.delete({ orgSlug: slug, stageId: stage.id }),
      "touchpoint.create": () => x.touchpoint.create({ orgSlug: slug, stageId: stage.id, name: "Intruder", channel: "web" }),
      "touchpoint.update": () => x.touchpoint.update({ orgSlug: slug, touchpointId: tp.id, version: tp.version, name: "Intruder", key: "intruder", channel: "web" }),
      "touchpoint.move (A's touchpoint)": () => x.touchpoint.move({ orgSlug: slug, touchpointId: tp.id, stageId: b.stages[0].id, afterTouchpointId: null }),
      "touchpoint.move (into A's stage)": () => x.touchpoint.move({ orgSlug: slug, touchpointId: b.touchpoints[0].id, stageId: stage.id, afterTouchpointId: null }),
      "touchpoint.delete": () => x.touchpoint.delete({ orgSlug: slug, touchpointId: tp.id }),
      "obstacle.create": () => x.obstacle.create({ orgSlug: slug, touchpointId: tp.id, kind: "obstacle", title: "Intruder", severity: "low" }),
      "obstacle.update": () => x.obstacle.update({ orgSlug: slug, obstacleId: a.obstacle.id, version: 1, kind: "obstacle", title: "Intruder", severity: "low" }),
      "obstacle.delete": () => x.obstacle.delete({ orgSlug: slug, obstacleId: a.obstacle.id }),
    };
    for (const [name, call] of Object.entries(calls)) expect({ name, code: await codeOf(call()) }).toEqual({ name, code: "NOT_FOUND" });
    // A neighbour that is not in this map is indistinguishable from one someone just deleted.
    expect(await codeOf(x.stage.move({ orgSlug: slug, stageId: b.stages[0].id, afterStageId: stage.id }))).toBe("CONFLICT");
    expect(await codeOf(x.touchpoint.move({ orgSlug: slug, touchpointId: b.touchpoints[0].id, stageId: b.stages[1].id, afterTouchpointId: a.touchpoints[1].id }))).toBe("CONFLICT");
    expect(await snapshotOrg(t.asOwner, a.org.id)).toBe(before);
  });
});
