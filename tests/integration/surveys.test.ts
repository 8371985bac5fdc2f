// The survey router through its procedures: surveys list with their responses and last
// import, versioned edits answer CONFLICT when stale, time zones and touchpoints are checked,
// and one organization never sees another's surveys or imports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imports } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { callerFor } from "../helpers/callers";
import { twoOrgs, type PopulatedOrg } from "../helpers/fixtures";
import { outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let a: PopulatedOrg;
let b: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  ({ a, b } = await twoOrgs(t.db));
});
afterAll(() => t.close());

describe("the survey router", () => {
  it("lists each survey with its default touchpoint, response count and last import", async () => {
    const manager = callerFor(t.db, a.members.manager);
    await manager.survey.create({ orgSlug: a.org.slug, name: "Delivery pulse", defaultTouchpointId: a.touchpoints[1].id, timeZone: "Europe/Paris" });
    const list = await callerFor(t.db, a.members.viewer).survey.list({ orgSlug: a.org.slug });
    const fixture = list.find((s) => s.id === a.survey.id)!;
    expect(fixture).toMatchObject({ responses: 2, hasMapping: true, lastImport: { status: "succeeded", inserted: 2 } });
    expect(list.find((s) => s.name === "Delivery pulse")).toMatchObject({ defaultTouchpointName: a.touchpoints[1].name, timeZone: "Europe/Paris", responses: 0, lastImport: null });
    expect(list.map((s) => s.name).join()).not.toContain(b.survey.name);
  });

  it("updates a survey at the version read, and answers CONFLICT to a stale version", async () => {
    const member = callerFor(t.db, a.members.member);
    const created = await member.survey.create({ orgSlug: a.org.slug, name: "Returns", timeZone: "UTC" });
    const updated = await member.survey.update({ orgSlug: a.org.slug, surveyId: created.id, version: created.version, name: "Returns desk", defaultTouchpointId: a.touchpoints[0].id, timeZone: "America/New_York" });
    expect(updated.version).toBe(created.version + 1);
    const stale = await outcomeOf(member.survey.update({ orgSlug: a.org.slug, surveyId: created.id, version: created.version, name: "Lost edit", defaultTouchpointId: null, timeZone: "UTC" }));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await member.survey.get({ orgSlug: a.org.slug, surveyId: created.id })).toMatchObject({ name: "Returns desk", timeZone: "America/New_York", defaultTouchpointId: a.touchpoints[0].id });
  });

  it("refuses an unknown time zone, another organization's touchpoint and a duplicate name", async () => {
    const member = callerFor(t.db, a.members.member);
    expect(await outcomeOf(member.survey.create({ orgSlug: a.org.slug, name: "Zone", timeZone: "Mars/Olympus" }))).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await outcomeOf(member.survey.create({ orgSlug: a.org.slug, name: "Foreign", defaultTouchpointId: b.touchpoints[0].id, timeZone: "UTC" }))).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await outcomeOf(member.survey.create({ orgSlug: a.org.slug, name: a.survey.name.toUpperCase(), timeZone: "UTC" }))).toMatchObject({ ok: false, code: "BAD_REQUEST" });
  });

  it("a viewer reads surveys and imports but cannot create one", async () => {
    const viewer = callerFor(t.db, a.members.viewer);
    const history = await viewer.survey.imports({ orgSlug: a.org.slug, surveyId: a.survey.id });
    expect(history).toEqual([expect.objectContaining({ id: a.import.id, status: "succeeded", inserted: 2, actorName: a.owner.name, actorKind: "user" })]);
    expect(await outcomeOf(viewer.survey.create({ orgSlug: a.org.slug, name: "Nope", timeZone: "UTC" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("an import left running by a server that died shows as failed once its heartbeat is a minute old", async () => {
    const survey = await callerFor(t.db, a.members.member).survey.create({ orgSlug: a.org.slug, name: "Killed", timeZone: "UTC" });
    const longAgo = new Date(Date.now() - 5 * 60_000);
    const recent = new Date();
    await withOrg(t.db, a.org.id, (tx) =>
      tx.insert(imports).values([
        { organizationId: a.org.id, surveyId: survey.id, source: "upload", actorKind: "user", actorUserId: a.owner.id, fileName: "dead.csv", startedAt: longAgo, heartbeatAt: longAgo },
        { organizationId: a.org.id, surveyId: survey.id, source: "upload", actorKind: "user", actorUserId: a.owner.id, fileName: "alive.csv", startedAt: recent, heartbeatAt: recent },
      ]),
    );
    const history = await callerFor(t.db, a.members.viewer).survey.imports({ orgSlug: a.org.slug, surveyId: survey.id });
    expect(history.map((i) => [i.fileName, i.status])).toEqual([
      ["alive.csv", "running"],
      ["dead.csv", "failed"],
    ]);
    expect(history[1]!.failure).toMatch(/server stopped/);
  });

  it("another organization's survey is NOT_FOUND, by id, for its imports and for an edit", async () => {
    const owner = callerFor(t.db, b.owner);
    expect(await outcomeOf(owner.survey.get({ orgSlug: b.org.slug, surveyId: a.survey.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await outcomeOf(owner.survey.imports({ orgSlug: b.org.slug, surveyId: a.survey.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await outcomeOf(owner.survey.update({ orgSlug: b.org.slug, surveyId: a.survey.id, version: 1, name: "Taken", defaultTouchpointId: null, timeZone: "UTC" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("offers the organization's touchpoints grouped by map and stage, in map order", async () => {
    const choices = await callerFor(t.db, a.members.viewer).survey.touchpointChoices({ orgSlug: a.org.slug });
    expect(choices.map((c) => c.id)).toEqual(expect.arrayContaining([a.touchpoints[0].id, a.touchpoints[1].id]));
    const first = choices.find((c) => c.id === a.touchpoints[0].id)!;
    expect(first.group).toBe(`${a.map.name} · ${a.stages[0].name}`);
    expect(choices.some((c) => c.id === b.touchpoints[0].id)).toBe(false);
  });
});
