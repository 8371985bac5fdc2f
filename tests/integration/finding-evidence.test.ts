// Adding responses to an existing finding as evidence (and taking a wrong pick back): only the
// organization's own responses and findings, already-linked ones skipped, the history and the
// impact figures following.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { historyAction } from "@/app/o/[orgSlug]/findings/_lib/history-sentence";
import { callerFor } from "../helpers/callers";
import { twoOrgs, type PopulatedOrg } from "../helpers/fixtures";
import { fieldErrorsOfOutcome, outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let a: PopulatedOrg;
let b: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  ({ a, b } = await twoOrgs(t.db));
});
afterAll(() => t.close());

/** Both of the organization's imported responses, by row id; the fixture's finding already has `o.responseId`. */
async function responsesOf(o: PopulatedOrg) {
  const { responses } = await callerFor(t.db, o.owner).response.list({ orgSlug: o.org.slug, filters: {}, limit: 10 });
  return { linked: o.responseId, other: responses.find((r) => r.id !== o.responseId)!.id };
}

const noNames = { teams: new Map(), people: new Map(), rules: new Map() };

describe("finding.addEvidence", () => {
  it("adds a response, skips one already linked, records it in the history and bumps the version", async () => {
    const manager = callerFor(t.db, a.members.manager);
    const { linked, other } = await responsesOf(a);
    const before = await manager.finding.get({ orgSlug: a.org.slug, findingId: a.finding.id });
    expect(before.evidence.map((e) => e.id)).toEqual([linked]);

    const result = await manager.finding.addEvidence({ orgSlug: a.org.slug, findingId: a.finding.id, responseIds: [linked, other, other] });
    expect(result).toMatchObject({ findingId: a.finding.id, added: 1, version: before.version + 1 });

    const after = await manager.finding.get({ orgSlug: a.org.slug, findingId: a.finding.id });
    expect(after.evidence.map((e) => e.id).sort()).toEqual([linked, other].sort());
    expect(after.evidenceCount).toBe(2);
    // The fixture's responses are older than the impact window, so they count only as evidence.
    expect(after.impact.responsesAffected).toBe(before.impact.responsesAffected + 1);
    const event = after.history.at(-1)!;
    expect(event.kind).toBe("evidence");
    expect(historyAction(event, noNames)).toBe("added 1 response as evidence");

    // Everything already linked: nothing written, no history, no new version.
    const again = await manager.finding.addEvidence({ orgSlug: a.org.slug, findingId: a.finding.id, responseIds: [linked, other] });
    expect(again).toMatchObject({ added: 0, version: after.version });
    expect((await manager.finding.get({ orgSlug: a.org.slug, findingId: a.finding.id })).history).toHaveLength(after.history.length);
  });

  it("refuses another organization's response and writes nothing, not even this organization's ones", async () => {
    const owner = callerFor(t.db, a.owner);
    const created = await owner.finding.create({ orgSlug: a.org.slug, title: "Receipts never arrive" });
    const { other } = await responsesOf(a);
    const outcome = await outcomeOf(owner.finding.addEvidence({ orgSlug: a.org.slug, findingId: created.id, responseIds: [other, b.responseId] }));
    expect(outcome).toMatchObject({ code: "NOT_FOUND", message: "Response not found." });
    const finding = await owner.finding.get({ orgSlug: a.org.slug, findingId: created.id });
    expect(finding.evidence).toEqual([]);
    expect(finding.version).toBe(created.version);
  });

  it("another organization's finding is not found, with this organization's response", async () => {
    const { other } = await responsesOf(a);
    const outcome = await outcomeOf(callerFor(t.db, a.owner).finding.addEvidence({ orgSlug: a.org.slug, findingId: b.finding.id, responseIds: [other] }));
    expect(outcome).toMatchObject({ code: "NOT_FOUND", message: "Finding not found." });
    expect((await callerFor(t.db, b.owner).finding.get({ orgSlug: b.org.slug, findingId: b.finding.id })).evidence.map((e) => e.id)).toEqual([b.responseId]);
  });

  it("a finding merged into another as a duplicate takes no new evidence", async () => {
    const owner = callerFor(t.db, a.owner);
    const { other } = await responsesOf(a);
    const target = await owner.finding.create({ orgSlug: a.org.slug, title: "Boxes crushed" });
    const duplicate = await owner.finding.create({ orgSlug: a.org.slug, title: "Crushed boxes" });
    await owner.finding.move({ orgSlug: a.org.slug, findingId: duplicate.id, version: duplicate.version, status: "duplicate", duplicateOfId: target.id });
    const outcome = await outcomeOf(owner.finding.addEvidence({ orgSlug: a.org.slug, findingId: duplicate.id, responseIds: [other] }));
    expect(fieldErrorsOfOutcome(outcome)?.findingId?.[0]).toMatch(/^F-\d+ was merged into another finding/);
    expect((await owner.finding.get({ orgSlug: a.org.slug, findingId: duplicate.id })).evidence).toEqual([]);
  });

  it("a viewer may not add evidence; an empty selection is refused in plain words", async () => {
    const { other } = await responsesOf(a);
    expect(await outcomeOf(callerFor(t.db, a.members.viewer).finding.addEvidence({ orgSlug: a.org.slug, findingId: a.finding.id, responseIds: [other] }))).toMatchObject({ code: "FORBIDDEN" });
    const empty = await outcomeOf(callerFor(t.db, a.owner).finding.addEvidence({ orgSlug: a.org.slug, findingId: a.finding.id, responseIds: [] }));
    expect(empty).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldErrorsOfOutcome(empty)?.responseIds).toEqual(["Select at least one response."]);
  });
});

describe("finding.removeEvidence", () => {
  it("takes back a wrong pick and says so in the history; a response not linked is ignored", async () => {
    const owner = callerFor(t.db, a.owner);
    const { linked, other } = await responsesOf(a);
    const created = await owner.finding.create({ orgSlug: a.org.slug, title: "Wrong pick", responseIds: [linked, other] });
    const removed = await owner.finding.removeEvidence({ orgSlug: a.org.slug, findingId: created.id, responseIds: [other, b.responseId] });
    expect(removed).toMatchObject({ removed: 1, version: created.version + 1 });
    const finding = await owner.finding.get({ orgSlug: a.org.slug, findingId: created.id });
    expect(finding.evidence.map((e) => e.id)).toEqual([linked]);
    expect(historyAction(finding.history.at(-1)!, noNames)).toBe("removed 1 response from its evidence");
    expect(await outcomeOf(owner.finding.removeEvidence({ orgSlug: a.org.slug, findingId: b.finding.id, responseIds: [b.responseId] }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
