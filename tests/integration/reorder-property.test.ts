// A property test of ordering: random sequences of touchpoint and stage moves (seeded, so a
// failure replays) against a plain array model. After every move the key the server chose
// must put the item exactly where the model says, and every few moves (and at the end) the
// canvas read back must show the model's order, with valid keys unique among their siblings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOrderKey } from "@/lib/fractional-key";
import { callerFor, type Caller } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { prng } from "../helpers/prng";

let t: TestDatabase;
let o: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  o = await populatedOrg(t.db, "Reorder");
});
afterAll(() => t.close());

const STEPS = 300;
const STAGES = 3;
const TOUCHPOINTS = 10;

/** What the canvas should show: stage ids in order, and each stage's touchpoint ids in order. */
interface Model {
  stages: string[];
  touchpoints: Map<string, string[]>;
}

const CHECK_EVERY = 15;

/** The keys the server returned, in the model's order, must be valid and strictly increasing. */
function expectKeysInModelOrder(order: string[], keys: Map<string, string>, step: string) {
  const inOrder = order.map((id) => keys.get(id)!);
  expect(inOrder.filter((key) => !isOrderKey(key)), step).toEqual([]);
  for (let i = 1; i < inOrder.length; i++) expect(inOrder[i - 1]! < inOrder[i]!, `${step}: ${inOrder[i - 1]} < ${inOrder[i]}`).toBe(true);
}

/** Removes `id` from `list` and puts it right after `afterId` (null: first). */
function place(list: string[], id: string, afterId: string | null) {
  const rest = list.filter((x) => x !== id);
  rest.splice(afterId === null ? 0 : rest.indexOf(afterId) + 1, 0, id);
  return rest;
}

async function expectCanvasMatches(caller: Caller, mapId: string, model: Model, step: string) {
  const got = await caller.journeyMap.get({ orgSlug: o.org.slug, mapId });
  expect(got.stages.map((s) => s.id), step).toEqual(model.stages);
  for (const stageId of model.stages) {
    expect(got.touchpoints.filter((tp) => tp.stageId === stageId).map((tp) => tp.id), `${step}: stage ${stageId}`).toEqual(model.touchpoints.get(stageId));
  }
  for (const siblings of [got.stages, ...model.stages.map((id) => got.touchpoints.filter((tp) => tp.stageId === id))]) {
    const positions = siblings.map((x) => x.position);
    expect(positions.filter((p) => !isOrderKey(p)), step).toEqual([]);
    expect(new Set(positions).size, step).toBe(positions.length);
  }
}

describe.each([7, 2024, 31337])("random moves, seed %i", (seed) => {
  it(`${STEPS} moves of touchpoints and stages keep the order the model predicts`, async () => {
    const random = prng(seed);
    const caller = callerFor(t.db, o.members.member);
    const slug = o.org.slug;
    const map = await caller.journeyMap.create({ orgSlug: slug, name: `Shuffled ${seed}`, template: "blank" });
    const model: Model = { stages: [], touchpoints: new Map() };
    const keys = new Map<string, string>();
    for (let s = 0; s < STAGES; s++) {
      const stage = await caller.stage.create({ orgSlug: slug, mapId: map.id, name: `Stage ${s}` });
      model.stages.push(stage.id);
      model.touchpoints.set(stage.id, []);
      keys.set(stage.id, stage.position);
    }
    for (let i = 0; i < TOUCHPOINTS; i++) {
      const stageId = random.pick(model.stages);
      const tp = await caller.touchpoint.create({ orgSlug: slug, stageId, name: `Card ${seed}-${i}`, channel: "web" });
      model.touchpoints.get(stageId)!.push(tp.id);
    }
    await expectCanvasMatches(caller, map.id, model, "after setup");
    for (const tp of (await caller.journeyMap.get({ orgSlug: slug, mapId: map.id })).touchpoints) keys.set(tp.id, tp.position);

    const stageOf = (tpId: string) => model.stages.find((s) => model.touchpoints.get(s)!.includes(tpId))!;
    for (let step = 1; step <= STEPS; step++) {
      let description: string;
      if (random.next() < 0.8) {
        const touchpointId = random.pick([...model.touchpoints.values()].flat());
        const stageId = random.pick(model.stages);
        const afterTouchpointId = random.pick([null, ...model.touchpoints.get(stageId)!.filter((id) => id !== touchpointId)]);
        description = `step ${step}: touchpoint ${touchpointId} to stage ${stageId} after ${afterTouchpointId}`;
        const moved = await caller.touchpoint.move({ orgSlug: slug, touchpointId, stageId, afterTouchpointId });
        const from = stageOf(touchpointId);
        model.touchpoints.set(from, model.touchpoints.get(from)!.filter((id) => id !== touchpointId));
        model.touchpoints.set(stageId, place(model.touchpoints.get(stageId)!, touchpointId, afterTouchpointId));
        keys.set(touchpointId, moved.position);
        expectKeysInModelOrder(model.touchpoints.get(stageId)!, keys, `seed ${seed}, ${description}`);
      } else {
        const stageId = random.pick(model.stages);
        const afterStageId = random.pick([null, ...model.stages.filter((id) => id !== stageId)]);
        description = `step ${step}: stage ${stageId} after ${afterStageId}`;
        const moved = await caller.stage.move({ orgSlug: slug, stageId, afterStageId });
        model.stages = place(model.stages, stageId, afterStageId);
        keys.set(stageId, moved.position);
        expectKeysInModelOrder(model.stages, keys, `seed ${seed}, ${description}`);
      }
      if (step % CHECK_EVERY === 0 || step === STEPS) await expectCanvasMatches(caller, map.id, model, `seed ${seed}, ${description}`);
    }
  });
});

describe("the same spot over and over", () => {
  it("200 moves to the front of one stage and 200 into one gap keep the order and valid keys", async () => {
    const caller = callerFor(t.db, o.members.member);
    const slug = o.org.slug;
    const map = await caller.journeyMap.create({ orgSlug: slug, name: "Same spot", template: "blank" });
    const stage = await caller.stage.create({ orgSlug: slug, mapId: map.id, name: "Only" });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await caller.touchpoint.create({ orgSlug: slug, stageId: stage.id, name: `Card ${i}`, channel: "web" })).id);
    let order = [...ids];
    const model = () => ({ stages: [stage.id], touchpoints: new Map([[stage.id, order]]) });
    // Rotating the last card to the front keeps inserting before the smallest key.
    for (let i = 0; i < 200; i++) {
      const last = order.at(-1)!;
      await caller.touchpoint.move({ orgSlug: slug, touchpointId: last, stageId: stage.id, afterTouchpointId: null });
      order = place(order, last, null);
    }
    await expectCanvasMatches(caller, map.id, model(), "front");
    // Alternating the last two cards into the gap right after the first keeps splitting one gap.
    for (let i = 0; i < 200; i++) {
      const moving = order.at(-1)!;
      await caller.touchpoint.move({ orgSlug: slug, touchpointId: moving, stageId: stage.id, afterTouchpointId: order[0]! });
      order = place(order, moving, order[0]!);
    }
    await expectCanvasMatches(caller, map.id, model(), "gap");
  });
});
