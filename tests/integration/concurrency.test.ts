// Many people editing one map at once. On Postgres these requests really run in parallel
// (a pool of connections); on PGlite (one connection) their transactions take turns. The
// outcomes allowed are the same either way: a clean winner and CONFLICTs, never a lost
// update, a scrambled order or an internal error.
import { isOrderKey } from "@/lib/fractional-key";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { fieldErrorsOfOutcome, outcomeOf, type CallOutcome } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const PEOPLE = 20;
const editors = (o: PopulatedOrg) => [o.owner, o.members.admin, o.members.manager, o.members.member].map((user) => callerFor(t.db, user));
const canvas = (o: PopulatedOrg, mapId = o.map.id) => callerFor(t.db, o.owner).journeyMap.get({ orgSlug: o.org.slug, mapId });
const codes = (outcomes: CallOutcome[]) => outcomes.map((x) => (x.ok ? "ok" : x.code));

/** Settles every call (none is left running when the test asserts) and turns each into an outcome. */
async function settle<T>(calls: (() => Promise<T>)[]): Promise<CallOutcome[]> {
  const settled = await Promise.allSettled(calls.map((call) => outcomeOf(call())));
  return settled.map((s) => (s.status === "fulfilled" ? s.value : { ok: false, code: "REJECTED", message: String(s.reason), error: s.reason }));
}

describe("concurrent edits", () => {
  it(`${PEOPLE} updates of one touchpoint from the same version: exactly one wins, the rest get CONFLICT`, async () => {
    const o = await populatedOrg(t.db, "Race");
    const tp = o.touchpoints[1];
    const people = editors(o);
    const names = Array.from({ length: PEOPLE }, (_, i) => `Edit number ${i + 1}`);
    const outcomes = await settle(
      names.map((name, i) => () =>
        people[i % people.length]!.touchpoint.update({ orgSlug: o.org.slug, touchpointId: tp.id, version: tp.version, name, key: tp.key, channel: "web" }),
      ),
    );

    const winners = outcomes.flatMap((x, i) => (x.ok ? [names[i]!] : []));
    expect(winners).toHaveLength(1);
    expect(codes(outcomes).filter((code) => code !== "ok")).toEqual(Array(PEOPLE - 1).fill("CONFLICT"));
    const stored = (await canvas(o)).touchpoints.find((x) => x.id === tp.id)!;
    expect(stored).toMatchObject({ name: winners[0], version: tp.version + 1 });
    const { events } = await callerFor(t.db, o.owner).journeyMap.history({ orgSlug: o.org.slug, mapId: o.map.id, limit: 100 });
    expect(events.filter((e) => e.action === "touchpoint.updated").map((e) => e.data.name)).toEqual([winners[0]]);
  });

  it("concurrent creates with the same new key: one touchpoint gets it, the others a field error on the key", async () => {
    const o = await populatedOrg(t.db, "Race");
    const people = editors(o);
    // One stage each: only the key is contended, not the place at the end of a stage.
    const map = await callerFor(t.db, o.owner).journeyMap.create({ orgSlug: o.org.slug, name: "Kiosks", template: "purchase" });
    const stages = (await canvas(o, map.id)).stages;
    const outcomes = await settle(
      stages.map((stage, i) => () => people[i % people.length]!.touchpoint.create({ orgSlug: o.org.slug, stageId: stage.id, name: `Kiosk ${i}`, key: "Kiosk", channel: "store" })),
    );
    expect(codes(outcomes).filter((code) => code === "ok")).toHaveLength(1);
    for (const outcome of outcomes.filter((x) => !x.ok)) {
      expect(outcome).toMatchObject({ code: "BAD_REQUEST" });
      expect(fieldErrorsOfOutcome(outcome)).toHaveProperty("key");
    }
    expect((await canvas(o, map.id)).touchpoints.filter((x) => x.key === "Kiosk")).toHaveLength(1);
  });

  it("concurrent moves of different touchpoints into the same gap: each lands there or gets CONFLICT, and the order stays consistent", async () => {
    const o = await populatedOrg(t.db, "Race");
    const owner = callerFor(t.db, o.owner);
    const slug = o.org.slug;
    const map = await owner.journeyMap.create({ orgSlug: slug, name: "Busy map", template: "blank" });
    const target = await owner.stage.create({ orgSlug: slug, mapId: map.id, name: "Target" });
    const source = await owner.stage.create({ orgSlug: slug, mapId: map.id, name: "Source" });
    const create = async (stageId: string, name: string) => (await owner.touchpoint.create({ orgSlug: slug, stageId, name, channel: "web" })).id;
    const first = await create(target.id, "first");
    const last = await create(target.id, "last");
    const movers: string[] = [];
    for (let i = 0; i < 10; i++) movers.push(await create(source.id, `mover ${i}`));

    const people = editors(o);
    const outcomes = await settle(
      movers.map((touchpointId, i) => () => people[i % people.length]!.touchpoint.move({ orgSlug: slug, touchpointId, stageId: target.id, afterTouchpointId: first })),
    );
    expect(codes(outcomes).every((code) => code === "ok" || code === "CONFLICT"), codes(outcomes).join(",")).toBe(true);
    const moved = movers.filter((_, i) => outcomes[i]!.ok);
    expect(moved.length).toBeGreaterThan(0);

    const got = await canvas(o, map.id);
    const inStage = (stageId: string) => got.touchpoints.filter((x) => x.stageId === stageId);
    const targetOrder = inStage(target.id).map((x) => x.id);
    // Everything that moved sits between "first" and "last"; everything that did not stayed where it was, in order.
    expect(targetOrder[0]).toBe(first);
    expect(targetOrder.at(-1)).toBe(last);
    expect([...targetOrder.slice(1, -1)].sort()).toEqual([...moved].sort());
    expect(inStage(source.id).map((x) => x.id)).toEqual(movers.filter((id) => !moved.includes(id)));
    for (const stageId of [target.id, source.id]) {
      const positions = inStage(stageId).map((x) => x.position);
      expect(positions.every(isOrderKey)).toBe(true);
      expect(new Set(positions).size).toBe(positions.length);
      expect([...positions].sort()).toEqual(positions);
    }
    const { events } = await owner.journeyMap.history({ orgSlug: slug, mapId: map.id, limit: 100 });
    expect(events.filter((e) => e.action === "touchpoint.moved")).toHaveLength(moved.length);
  });

  it("people adding cards to the end of one stage at once all get their card, in distinct places", async () => {
    const o = await populatedOrg(t.db, "Race");
    const people = editors(o);
    const stageId = o.stages[0].id;
    const before = (await canvas(o)).touchpoints.filter((tp) => tp.stageId === stageId).length;
    // Each reads the same last card and computes the same key; the losers retry with fresh neighbours.
    const outcomes = await settle(people.map((person, i) => () => person.touchpoint.create({ orgSlug: o.org.slug, stageId, name: `Added at once ${i}`, channel: "chat" })));
    expect(codes(outcomes)).toEqual(people.map(() => "ok"));
    const inStage = (await canvas(o)).touchpoints.filter((tp) => tp.stageId === stageId);
    expect(inStage).toHaveLength(before + people.length);
    expect(new Set(inStage.map((tp) => tp.position)).size).toBe(inStage.length);
  });

  it("concurrent moves of one stage: every outcome is a move or a CONFLICT, and stage positions stay unique", async () => {
    const o = await populatedOrg(t.db, "Race");
    const owner = callerFor(t.db, o.owner);
    const map = await owner.journeyMap.create({ orgSlug: o.org.slug, name: "Stage shuffle", template: "purchase" });
    const stages = (await canvas(o, map.id)).stages;
    const people = editors(o);
    // Everyone drags a different stage to the front at once.
    const outcomes = await settle(stages.slice(1).map((stage, i) => () => people[i % people.length]!.stage.move({ orgSlug: o.org.slug, stageId: stage.id, afterStageId: null })));
    expect(codes(outcomes).every((code) => code === "ok" || code === "CONFLICT"), codes(outcomes).join(",")).toBe(true);
    const after = (await canvas(o, map.id)).stages;
    expect(after.map((s) => s.id).sort()).toEqual(stages.map((s) => s.id).sort());
    expect(new Set(after.map((s) => s.position)).size).toBe(stages.length);
    const movedToFront = stages.slice(1).filter((_, i) => outcomes[i]!.ok).map((s) => s.id);
    expect(after.slice(0, movedToFront.length).map((s) => s.id).sort()).toEqual(movedToFront.sort());
  });
});
