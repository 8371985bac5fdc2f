// Export and import: a JSON document that round-trips between organizations (teams matched
// by name), re-imports as a copy, and is written all-or-nothing; and the CSV of touchpoints.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MapDocument } from "@/server/schemas/map-transfer";
import { snapshotOrg } from "../helpers/catalog";
import { callerFor } from "../helpers/callers";
import { populatedOrg, twoOrgs, type PopulatedOrg } from "../helpers/fixtures";
import { codeOf, fieldErrorsOfOutcome, freshMapDocument, outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const owner = (o: PopulatedOrg) => callerFor(t.db, o.owner);
const exportJson = (o: PopulatedOrg, mapId = o.map.id) => owner(o).journeyMap.exportJson({ orgSlug: o.org.slug, mapId });
const importJson = (o: PopulatedOrg, document: MapDocument) => owner(o).journeyMap.import({ orgSlug: o.org.slug, document });
const teamId = async (o: PopulatedOrg, name: string) => (await owner(o).team.list({ orgSlug: o.org.slug })).find((team) => team.name === name)!.id;
const withoutExportedAt = ({ exportedAt: _, ...document }: MapDocument) => document;

/** Gives the fixture map's first touchpoint a default team (one every organization has) and some content. */
async function enrich(o: PopulatedOrg) {
  const [tp] = o.touchpoints;
  await owner(o).touchpoint.update({
    orgSlug: o.org.slug,
    touchpointId: tp.id,
    version: tp.version,
    name: tp.name,
    key: tp.key,
    channel: "mobile_app",
    teamId: await teamId(o, "Shipping"),
    customerAction: "Opens the app",
    expectedEmotion: -1,
    notes: "Seen in interviews",
    description: "The first screen",
  });
  await owner(o).obstacle.create({ orgSlug: o.org.slug, touchpointId: tp.id, kind: "opportunity", title: "Remember the last search", description: "Saves typing", severity: "low" });
}

describe("JSON export and import", () => {
  it("a map exported from one organization and imported into another exports the same", async () => {
    const { a, b } = await twoOrgs(t.db);
    await enrich(a);
    const document = await exportJson(a);
    expect(document.stages.map((s) => s.touchpoints.map((tp) => [tp.key, tp.team, tp.obstacles.map((x) => x.title)]))).toEqual([
      [[a.touchpoints[0].key, "Shipping", [a.obstacle.title, "Remember the last search"]]],
      [[a.touchpoints[1].key, null, [a.opportunity.title]]],
    ]);

    const imported = await importJson(b, document);
    expect(imported).toMatchObject({ name: a.map.name, renamedKeys: 0, unmatchedTeams: [] });
    expect(withoutExportedAt(await exportJson(b, imported.id))).toEqual(withoutExportedAt(document));

    // Matched by name: B's own Shipping team, and a new persona of B's.
    const canvas = await owner(b).journeyMap.get({ orgSlug: b.org.slug, mapId: imported.id });
    expect(canvas.touchpoints[0]?.teamId).toBe(await teamId(b, "Shipping"));
    expect(canvas.persona?.name).toBe(a.persona.name);
    expect((await owner(b).persona.list({ orgSlug: b.org.slug })).map((p) => p.name).sort()).toEqual([a.persona.name, b.persona.name].sort());
    const { events } = await owner(b).journeyMap.history({ orgSlug: b.org.slug, mapId: imported.id, limit: 5 });
    expect(events.map((e) => e.action)).toEqual(["map.imported"]);
  });

  it("reports teams the importing organization does not have, and leaves those touchpoints without a team", async () => {
    const { a, b } = await twoOrgs(t.db);
    const imported = await importJson(b, await exportJson(a));
    expect(imported.unmatchedTeams).toEqual([a.team.name]);
    const canvas = await owner(b).journeyMap.get({ orgSlug: b.org.slug, mapId: imported.id });
    expect(canvas.touchpoints.map((tp) => tp.teamId)).toEqual([null, null]);
  });

  it("re-imported into the same organization, it becomes a copy: names and keys made unique, the persona reused", async () => {
    const o = await populatedOrg(t.db, "Transfer");
    const document = await exportJson(o);
    const first = await importJson(o, document);
    const second = await importJson(o, document);
    expect([first.name, second.name]).toEqual([`${o.map.name} (copy)`, `${o.map.name} (copy 2)`]);
    expect([first.renamedKeys, second.renamedKeys]).toEqual([2, 2]);

    const keysOf = async (mapId: string) => (await owner(o).journeyMap.get({ orgSlug: o.org.slug, mapId })).touchpoints.map((tp) => tp.key);
    expect(await keysOf(first.id)).toEqual(o.touchpoints.map((tp) => `${tp.key}-copy`));
    expect(await keysOf(second.id)).toEqual(o.touchpoints.map((tp) => `${tp.key}-copy-2`));
    const personas = await owner(o).persona.list({ orgSlug: o.org.slug });
    expect(personas.map((p) => [p.id, p.mapCount])).toEqual([[o.persona.id, 3]]);
    // The original team exists here, so it is matched.
    expect(first.unmatchedTeams).toEqual([]);
    expect((await owner(o).journeyMap.get({ orgSlug: o.org.slug, mapId: first.id })).touchpoints[0]?.teamId).toBe(o.team.id);
  });

  it("the same document imported several times at once: every import succeeds (or is told to retry), with distinct keys", async () => {
    const o = await populatedOrg(t.db, "Transfer");
    // With a persona new to the organization, the imports also race to create it.
    const document = { ...(await exportJson(o)), persona: { ...(await exportJson(o)).persona!, name: `Racing persona ${o.org.slug}` } };
    const PARALLEL = 5;
    const settled = await Promise.all(Array.from({ length: PARALLEL }, () => outcomeOf(importJson(o, document))));
    const codes = settled.map((x) => (x.ok ? "ok" : x.code));
    expect(codes.every((code) => code === "ok" || code === "CONFLICT"), codes.join(", ")).toBe(true);
    expect(codes.filter((code) => code === "ok").length, codes.join(", ")).toBeGreaterThanOrEqual(3);

    const imported = settled.flatMap((x) => (x.ok ? [x.value as { id: string }] : []));
    const keys = [];
    for (const { id } of imported) keys.push(...(await owner(o).journeyMap.get({ orgSlug: o.org.slug, mapId: id })).touchpoints.map((tp) => tp.key.toLowerCase()));
    expect(keys).toHaveLength(imported.length * o.touchpoints.length);
    expect(new Set([...keys, ...o.touchpoints.map((tp) => tp.key.toLowerCase())]).size).toBe(keys.length + o.touchpoints.length);
    const personas = (await owner(o).persona.list({ orgSlug: o.org.slug })).filter((p) => p.name === document.persona.name);
    expect(personas.map((p) => p.mapCount)).toEqual([imported.length]);
  });

  it("a key of the document that equals another's renamed form is renamed too", async () => {
    const o = await populatedOrg(t.db, "Transfer");
    const document = freshMapDocument();
    await importJson(o, document);
    const [touchpoint] = document.stages[0]!.touchpoints;
    const key = touchpoint!.key;
    document.stages[0]!.touchpoints.push({ ...touchpoint!, key: `${key}-copy` });
    const again = await importJson(o, document);
    const canvas = await owner(o).journeyMap.get({ orgSlug: o.org.slug, mapId: again.id });
    expect(canvas.touchpoints.map((tp) => tp.key)).toEqual([`${key}-copy`, `${key}-copy-copy`]);
    expect(again.renamedKeys).toBe(2);
  });

  it("a key of the document that is already taken as it stands, whatever its form, is renamed", async () => {
    const o = await populatedOrg(t.db, "Transfer");
    const document = freshMapDocument();
    const [touchpoint] = document.stages[0]!.touchpoints;
    touchpoint!.key = `${touchpoint!.key}-copy`;
    await owner(o).touchpoint.create({ orgSlug: o.org.slug, stageId: o.stages[0].id, name: "Taken", key: touchpoint!.key.toUpperCase(), channel: "web" });
    const imported = await importJson(o, document);
    const canvas = await owner(o).journeyMap.get({ orgSlug: o.org.slug, mapId: imported.id });
    expect(canvas.touchpoints.map((tp) => tp.key)).toEqual([`${touchpoint!.key}-copy`]);
    expect(imported.renamedKeys).toBe(1);
  });

  it("a document with the same key twice (in any case) is refused, and nothing is written", async () => {
    const o = await populatedOrg(t.db, "Transfer");
    const document = freshMapDocument();
    const [touchpoint] = document.stages[0]!.touchpoints;
    document.stages.push({ name: "Again", description: "", touchpoints: [{ ...touchpoint!, key: touchpoint!.key.toUpperCase() }] });
    const before = await snapshotOrg(t.asOwner, o.org.id);
    const outcome = await outcomeOf(importJson(o, document));
    expect(outcome).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(fieldErrorsOfOutcome(outcome)).toHaveProperty("document");
    expect(await snapshotOrg(t.asOwner, o.org.id)).toBe(before);
  });

  it("a file that is not a Waymark map, or from a newer version, is refused, and nothing is written", async () => {
    const o = await populatedOrg(t.db, "Transfer");
    const before = await snapshotOrg(t.asOwner, o.org.id);
    const importUnchecked = owner(o).journeyMap.import as (input: unknown) => Promise<unknown>;
    const valid = freshMapDocument();
    for (const document of [{ ...valid, format: "something.else" }, { ...valid, version: 2 }, { ...valid, stages: "none" }, {}]) {
      expect(await codeOf(importUnchecked({ orgSlug: o.org.slug, document }))).toBe("BAD_REQUEST");
    }
    expect(await snapshotOrg(t.asOwner, o.org.id)).toBe(before);
  });

  it("a file with more touchpoints than a map holds is refused with the count, and nothing is written", async () => {
    const o = await populatedOrg(t.db, "Transfer");
    const document = freshMapDocument();
    const [touchpoint] = document.stages[0]!.touchpoints;
    document.stages = Array.from({ length: 3 }, (_, s) => ({
      name: `Stage ${s}`,
      description: "",
      touchpoints: Array.from({ length: 200 }, (_, i) => ({ ...touchpoint!, key: `bulk-${s}-${i}` })),
    }));
    const before = await snapshotOrg(t.asOwner, o.org.id);
    const outcome = await outcomeOf(importJson(o, document));
    expect(outcome).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(fieldErrorsOfOutcome(outcome)?.document).toEqual([expect.stringMatching(/at most 500 touchpoints; this file has 600/)]);
    expect(await snapshotOrg(t.asOwner, o.org.id)).toBe(before);
  });

  it("viewers export but cannot import", async () => {
    const o = await populatedOrg(t.db, "Transfer");
    const viewer = callerFor(t.db, o.members.viewer);
    const document = await viewer.journeyMap.exportJson({ orgSlug: o.org.slug, mapId: o.map.id });
    expect(await codeOf(viewer.journeyMap.import({ orgSlug: o.org.slug, document }))).toBe("FORBIDDEN");
  });
});

describe("CSV export", () => {
  it("has a header and one row per touchpoint in canvas order, quoted, escaped and safe to open in a spreadsheet", async () => {
    const o = await populatedOrg(t.db, "Csv");
    const slug = o.org.slug;
    const x = owner(o);
    const map = await x.journeyMap.create({ orgSlug: slug, name: "Returns & Refunds!", template: "blank" });
    const buy = await x.stage.create({ orgSlug: slug, mapId: map.id, name: "Buy" });
    const after = await x.stage.create({ orgSlug: slug, mapId: map.id, name: "After, later" });
    const quoted = await x.touchpoint.create({
      orgSlug: slug,
      stageId: buy.id,
      name: 'Say "hi", friend',
      key: "say-hi",
      channel: "mobile_app",
      teamId: await teamId(o, "Shipping"),
      customerAction: "+1 call back",
      expectedEmotion: -1,
      description: "Line one\nLine two",
      notes: '=HYPERLINK("http://evil.example")',
    });
    for (const [kind, title] of [["obstacle", "=1+1"], ["opportunity", "Faster"], ["obstacle", "Ugly"]] as const) {
      await x.obstacle.create({ orgSlug: slug, touchpointId: quoted.id, kind, title, severity: "low" });
    }
    await x.touchpoint.create({ orgSlug: slug, stageId: buy.id, name: "Plain", key: "plain", channel: "web" });
    await x.touchpoint.create({ orgSlug: slug, stageId: after.id, name: "@mention", channel: "sms" });

    const { filename, csv } = await callerFor(t.db, o.members.viewer).journeyMap.exportCsv({ orgSlug: slug, mapId: map.id });
    expect(filename).toBe("returns-refunds-touchpoints.csv");
    expect(csv.split("\r\n")).toEqual([
      "stage,order,key,name,channel,owning_team,customer_action,expected_emotion,description,notes,obstacles,opportunities",
      `Buy,1,say-hi,"Say ""hi"", friend",Mobile app,Shipping,'+1 call back,-1,"Line one\nLine two","'=HYPERLINK(""http://evil.example"")",'=1+1; Ugly,Faster`,
      "Buy,2,plain,Plain,Web,,,,,,,",
      `"After, later",1,mention,'@mention,Text / SMS,,,,,,,`,
      "",
    ]);
  });

  it("of a map with no touchpoints is just the header", async () => {
    const o = await populatedOrg(t.db, "Csv");
    const map = await owner(o).journeyMap.create({ orgSlug: o.org.slug, name: "Empty", template: "purchase" });
    const { csv } = await owner(o).journeyMap.exportCsv({ orgSlug: o.org.slug, mapId: map.id });
    expect(csv.split("\r\n")).toHaveLength(2);
  });
});
