// The findings board's core: routing on creation, status moves and edits under concurrency,
// merging duplicates, SLA clocks on the board, and who sees which findings.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findings } from "@/db/schema";
import { findingsCsv } from "@/server/services/findings/export";
import { importResponseFile } from "@/server/services/response-imports";
import { callerFor } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const teamNamed = async (o: PopulatedOrg, name: string) => (await callerFor(t.db, o.owner).team.list({ orgSlug: o.org.slug })).find((team) => team.name === name)!;

/** Imports rows `id,touchpoint,csat,comment` for the org's first touchpoint and returns their row ids by external id. */
async function importComments(o: PopulatedOrg, rows: [string, number, string][]) {
  const recent = new Date(Date.now() - 2 * 86_400_000).toISOString();
  const csv = `response_id,touchpoint,submitted_at,csat,comment\n${rows.map(([id, csat, comment]) => `${id},${o.touchpoints[1].key},${recent},${csat},"${comment}"`).join("\n")}\n`;
  const survey = await callerFor(t.db, o.owner).survey.create({ orgSlug: o.org.slug, name: `Findings ${rows[0]![0]}` });
  await importResponseFile(t.db, { orgId: o.org.id, actor: { kind: "user", userId: o.owner.id } }, (async function* () {
    yield new TextEncoder().encode(csv);
  })(), { surveyId: survey.id, fileName: "comments.csv", source: "upload", saveMapping: true });
  const { responses } = await callerFor(t.db, o.owner).response.list({ orgSlug: o.org.slug, filters: { touchpointId: o.touchpoints[1].id }, limit: 50 });
  return new Map(responses.map((r) => [r.externalId, r.id]));
}

describe("routing a new finding", () => {
  it("a rule matching the evidence's words sends it to Shipping and says which rule did", async () => {
    const o = await populatedOrg(t.db, "Route");
    const owner = callerFor(t.db, o.owner);
    const shipping = await teamNamed(o, "Shipping");
    const rule = await owner.routingRule.create({ orgSlug: o.org.slug, name: "Parcels", conditions: { keywords: ["parcel", "courier"] }, teamId: shipping.id, assigneeUserId: null, severity: "high", enabled: true });
    const ids = await importComments(o, [["route-1", 1, "The courier left my parcel in the rain"], ["route-2", 2, "Late again"]]);

    const created = await callerFor(t.db, o.members.manager).finding.create({ orgSlug: o.org.slug, title: "Wet deliveries", touchpointId: o.touchpoints[1].id, responseIds: [ids.get("route-1")!, ids.get("route-2")!] });
    expect(created).toMatchObject({ teamId: shipping.id, routedByRuleId: rule.id });
    const finding = await owner.finding.get({ orgSlug: o.org.slug, findingId: created.id });
    expect(finding).toMatchObject({ teamName: "Shipping", severity: "high", source: "response", evidenceCount: 2, status: "new" });
    expect(finding.evidence.map((e) => e.csat)).toEqual([1, 2]);
    expect(finding.history.map((h) => h.kind)).toEqual(["created", "routed"]);
  });

  it("without a matching rule the touchpoint's owning team gets it; the order of rules decides", async () => {
    const o = await populatedOrg(t.db, "Route");
    const owner = callerFor(t.db, o.owner);
    // The fixture's rule routes "delivery" to o.team; the first touchpoint is owned by o.team too.
    const plain = await owner.finding.create({ orgSlug: o.org.slug, title: "Slow hero image", touchpointId: o.touchpoints[0].id });
    expect(plain).toMatchObject({ teamId: o.team.id, routedByRuleId: null });

    const marketing = await teamNamed(o, "Marketing");
    const second = await owner.routingRule.create({ orgSlug: o.org.slug, name: "Everything on the web", conditions: { channels: ["web"] }, teamId: marketing.id, assigneeUserId: null, severity: null, enabled: true });
    const viaFirst = await owner.finding.create({ orgSlug: o.org.slug, title: "Delivery date hidden", touchpointId: o.touchpoints[1].id });
    expect(viaFirst).toMatchObject({ teamId: o.team.id, routedByRuleId: o.routingRule.id });
    await owner.routingRule.reorder({ orgSlug: o.org.slug, ruleIds: [second.id, o.routingRule.id] });
    const viaSecond = await owner.finding.create({ orgSlug: o.org.slug, title: "Delivery date hidden again", touchpointId: o.touchpoints[1].id });
    expect(viaSecond).toMatchObject({ teamId: marketing.id, routedByRuleId: second.id });
  });

  it("turning an obstacle into a finding carries its touchpoint, map and severity", async () => {
    const o = await populatedOrg(t.db, "Obstacle");
    const created = await callerFor(t.db, o.members.member).finding.create({ orgSlug: o.org.slug, title: o.obstacle.title, obstacleId: o.obstacle.id });
    const finding = await callerFor(t.db, o.owner).finding.get({ orgSlug: o.org.slug, findingId: created.id });
    expect(finding).toMatchObject({ source: "obstacle", obstacleId: o.obstacle.id, touchpointId: o.touchpoints[0].id, mapId: o.map.id, stageId: o.stages[0].id, severity: "high" });
  });

  it("applying rules to untriaged findings re-routes only those still New", async () => {
    const o = await populatedOrg(t.db, "Reroute");
    const owner = callerFor(t.db, o.owner);
    const stay = await owner.finding.create({ orgSlug: o.org.slug, title: "Checkout button hidden", touchpointId: o.touchpoints[1].id });
    const move = await owner.finding.create({ orgSlug: o.org.slug, title: "Checkout total unclear", touchpointId: o.touchpoints[1].id });
    await owner.finding.move({ orgSlug: o.org.slug, findingId: stay.id, version: stay.version, status: "triaged" });
    const web = await teamNamed(o, "Web & e-commerce");
    await owner.routingRule.create({ orgSlug: o.org.slug, name: "Checkout", conditions: { keywords: ["checkout"] }, teamId: web.id, assigneeUserId: null, severity: null, enabled: true });
    // Two New findings exist besides the triaged one: the fixture's ("Checkout crash") and `move`.
    expect(await owner.routingRule.applyToUntriaged({ orgSlug: o.org.slug })).toEqual({ examined: 2, rerouted: 2 });
    expect((await owner.finding.get({ orgSlug: o.org.slug, findingId: move.id })).teamId).toBe(web.id);
    expect((await owner.finding.get({ orgSlug: o.org.slug, findingId: stay.id })).teamId).toBeNull();
  });
});

describe("suggested findings", () => {
  it("unhappy comments sharing wording become a suggestion; accepting routes it like any finding; dismissing hides it", async () => {
    const o = await populatedOrg(t.db, "Suggest");
    const owner = callerFor(t.db, o.owner);
    const shipping = await teamNamed(o, "Shipping");
    await owner.routingRule.create({ orgSlug: o.org.slug, name: "Labels", conditions: { keywords: ["printer"] }, teamId: shipping.id, assigneeUserId: null, severity: null, enabled: true });
    const ids = await importComments(o, [
      ["s-1", 1, "Returning meant printing a label and I have no printer."],
      ["s-2", 2, "No printer at home, so no return label."],
      ["s-3", 1, "Why do I need a printer to send it back?"],
      ["s-4", 5, "I love my printer"],
      ["s-5", 2, "Refund took three weeks"],
    ]);
    const suggestions = await owner.finding.suggestions({ orgSlug: o.org.slug });
    expect(suggestions).toEqual([
      expect.objectContaining({ touchpointId: o.touchpoints[1].id, phrase: "printer", count: 3 }),
    ]);
    expect([...suggestions[0]!.responseIds].sort()).toEqual(["s-1", "s-2", "s-3"].map((id) => ids.get(id)).sort());

    const manager = callerFor(t.db, o.members.manager);
    const accepted = await manager.finding.acceptSuggestion({ orgSlug: o.org.slug, touchpointId: o.touchpoints[1].id, phrase: "printer", responseIds: suggestions[0]!.responseIds });
    expect(accepted).toMatchObject({ teamId: shipping.id, evidence: 3 });
    expect(await owner.finding.get({ orgSlug: o.org.slug, findingId: accepted.id })).toMatchObject({ source: "suggestion", teamName: "Shipping", evidenceCount: 3, touchpointId: o.touchpoints[1].id });
    // Its responses are evidence now: the suggestion is gone.
    expect(await owner.finding.suggestions({ orgSlug: o.org.slug })).toEqual([]);

    await importComments(o, [["s-6", 1, "Refund took three weeks again"], ["s-7", 2, "Refund took ages"]]);
    expect((await owner.finding.suggestions({ orgSlug: o.org.slug })).map((s) => s.phrase)).toEqual(["refund took"]);
    await manager.finding.dismissSuggestion({ orgSlug: o.org.slug, touchpointId: o.touchpoints[1].id, phrase: "refund took" });
    expect((await owner.finding.suggestions({ orgSlug: o.org.slug })).map((s) => s.phrase)).toEqual(["refund"]);
    expect(await outcomeOf(callerFor(t.db, o.members.member).finding.dismissSuggestion({ orgSlug: o.org.slug, touchpointId: o.touchpoints[1].id, phrase: "refund" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("accepting refuses responses of another touchpoint or organization", async () => {
    const o = await populatedOrg(t.db, "Suggest");
    const other = await populatedOrg(t.db, "Elsewhere");
    const owner = callerFor(t.db, o.owner);
    const input = { orgSlug: o.org.slug, touchpointId: o.touchpoints[1].id, phrase: "x" };
    expect(await outcomeOf(owner.finding.acceptSuggestion({ ...input, responseIds: [o.responseId] }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await outcomeOf(owner.finding.acceptSuggestion({ ...input, responseIds: [other.responseId] }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("moving and editing", () => {
  it("two people moving the same card at once: one wins, the other gets CONFLICT, one history entry", async () => {
    const o = await populatedOrg(t.db, "Race");
    const [a, b] = await Promise.all([
      outcomeOf(callerFor(t.db, o.members.member).finding.move({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, status: "in_progress" })),
      outcomeOf(callerFor(t.db, o.members.manager).finding.move({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, status: "wont_fix", reason: "Known issue" })),
    ]);
    const outcomes = [a, b].map((x) => (x.ok ? "ok" : x.code)).sort();
    expect(outcomes).toEqual(["CONFLICT", "ok"]);
    const finding = await callerFor(t.db, o.owner).finding.get({ orgSlug: o.org.slug, findingId: o.finding.id });
    expect(finding.version).toBe(o.finding.version + 1);
    expect(finding.history.filter((h) => h.kind === "status")).toHaveLength(1);
  });

  it("a status change and an edit made from the same version never overwrite each other", async () => {
    const o = await populatedOrg(t.db, "Race");
    const member = callerFor(t.db, o.members.member);
    await member.finding.move({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, status: "triaged" });
    const edit = await outcomeOf(member.finding.update({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, severity: "critical" }));
    expect(edit).toMatchObject({ ok: false, code: "CONFLICT" });
    const finding = await member.finding.get({ orgSlug: o.org.slug, findingId: o.finding.id });
    expect(finding).toMatchObject({ status: "triaged", severity: "medium" });
  });

  it("records every change with who made it; moving back is allowed and recorded", async () => {
    const o = await populatedOrg(t.db, "History");
    const member = callerFor(t.db, o.members.member);
    let { version } = await member.finding.update({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, severity: "critical", assigneeUserId: o.members.member.id, dueAt: new Date("2026-12-24T12:00:00Z"), labels: ["checkout", "mobile"] });
    ({ version } = await member.finding.move({ orgSlug: o.org.slug, findingId: o.finding.id, version, status: "resolved" }));
    await member.finding.move({ orgSlug: o.org.slug, findingId: o.finding.id, version, status: "in_progress" });
    const finding = await member.finding.get({ orgSlug: o.org.slug, findingId: o.finding.id });
    expect(finding).toMatchObject({ status: "in_progress", severity: "critical", assigneeUserId: o.members.member.id, labels: ["checkout", "mobile"], resolvedAt: null });
    expect(finding.firstRespondedAt).not.toBeNull();
    const changes = finding.history.slice(2).map((h) => [h.kind, h.actorName, h.detail.to]);
    expect(changes).toEqual([
      ["assignee", o.members.member.name, o.members.member.id],
      ["severity", o.members.member.name, "critical"],
      ["due", o.members.member.name, "2026-12-24T12:00:00.000Z"],
      ["labels", o.members.member.name, ["checkout", "mobile"]],
      ["status", o.members.member.name, "resolved"],
      ["status", o.members.member.name, "in_progress"],
    ]);
  });

  it("declining needs a reason; a duplicate carries its evidence to the finding it duplicates", async () => {
    const o = await populatedOrg(t.db, "Merge");
    const owner = callerFor(t.db, o.owner);
    const noReason = await outcomeOf(owner.finding.move({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, status: "wont_fix" }));
    expect(noReason).toMatchObject({ ok: false, code: "BAD_REQUEST" });

    const target = await owner.finding.create({ orgSlug: o.org.slug, title: "Checkout crashes on Safari", touchpointId: o.touchpoints[0].id });
    await owner.finding.move({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, status: "duplicate", duplicateOfId: target.id });
    const merged = await owner.finding.get({ orgSlug: o.org.slug, findingId: target.id });
    expect(merged.evidence.map((e) => e.id)).toEqual([o.responseId]);
    expect(merged.history.at(-1)).toMatchObject({ kind: "merged" });
    const duplicate = await owner.finding.get({ orgSlug: o.org.slug, findingId: o.finding.id });
    expect(duplicate).toMatchObject({ status: "duplicate", duplicateOfId: target.id, evidenceCount: 0 });
    const reopen = await outcomeOf(owner.finding.move({ orgSlug: o.org.slug, findingId: o.finding.id, version: duplicate.version, status: "new" }));
    expect(reopen).toMatchObject({ ok: false, code: "BAD_REQUEST" });
  });

  it("refuses evidence, teams and assignees of another organization", async () => {
    const o = await populatedOrg(t.db, "Mine");
    const other = await populatedOrg(t.db, "Theirs");
    const owner = callerFor(t.db, o.owner);
    expect(await outcomeOf(owner.finding.create({ orgSlug: o.org.slug, title: "x", responseIds: [other.responseId] }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await outcomeOf(owner.finding.update({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, teamId: other.team.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await outcomeOf(owner.finding.update({ orgSlug: o.org.slug, findingId: o.finding.id, version: o.finding.version, assigneeUserId: other.owner.id }))).toMatchObject({ ok: false, code: "BAD_REQUEST" });
  });
});

describe("the board", () => {
  it("filters by team, assignee, severity, label and text; every card carries its SLA clock", async () => {
    const o = await populatedOrg(t.db, "Board");
    const owner = callerFor(t.db, o.owner);
    const other = await owner.finding.create({ orgSlug: o.org.slug, title: "Hold music too loud", severity: "low" });
    const all = await owner.finding.list({ orgSlug: o.org.slug });
    expect(all.findings.map((f) => f.id).sort()).toEqual([o.finding.id, other.id].sort());
    const byTeam = await owner.finding.list({ orgSlug: o.org.slug, filters: { teamId: o.team.id } });
    expect(byTeam.findings.map((f) => f.id)).toEqual([o.finding.id]);
    expect((await owner.finding.list({ orgSlug: o.org.slug, filters: { label: "CHECKOUT" } })).findings.map((f) => f.id)).toEqual([o.finding.id]);
    expect((await owner.finding.list({ orgSlug: o.org.slug, filters: { q: "100%_" } })).findings).toEqual([]);
    expect((await owner.finding.list({ orgSlug: o.org.slug, filters: { q: "hold MUSIC" } })).findings.map((f) => f.id)).toEqual([other.id]);
    expect((await owner.finding.list({ orgSlug: o.org.slug, filters: { assignee: "nobody", severity: "low" } })).findings.map((f) => f.id)).toEqual([other.id]);
    const card = byTeam.findings[0]!;
    expect(card).toMatchObject({ teamName: o.team.name, touchpointName: o.touchpoints[0].name, stageName: o.stages[0].name, mapName: o.map.name, evidenceCount: 1 });
    expect(card.sla).toMatchObject({ target: "first_response", state: "on_track" });
  });

  it("my team's queue holds my teams' findings, closest to breach first; managers save views everyone sees", async () => {
    const o = await populatedOrg(t.db, "Queue");
    const owner = callerFor(t.db, o.owner);
    const urgent = await owner.finding.create({ orgSlug: o.org.slug, title: "Checkout down", touchpointId: o.touchpoints[0].id, severity: "critical" });
    await owner.finding.create({ orgSlug: o.org.slug, title: "Hold music too loud" });
    const member = callerFor(t.db, o.members.member); // on o.team, which owns touchpoints[0]
    const queue = await member.finding.list({ orgSlug: o.org.slug, filters: { myTeams: true, sort: "sla" } });
    // Critical: first response within 4 h; the fixture's medium finding: 24 h.
    expect(queue.findings.map((f) => f.id)).toEqual([urgent.id, o.finding.id]);
    expect((await callerFor(t.db, o.members.viewer).finding.list({ orgSlug: o.org.slug, filters: { myTeams: true } })).findings).toEqual([]);

    const manager = callerFor(t.db, o.members.manager);
    await manager.finding.saveView({ orgSlug: o.org.slug, name: "Critical", filters: { severity: "critical" } });
    expect(await outcomeOf(manager.finding.saveView({ orgSlug: o.org.slug, name: "CRITICAL", filters: {} }))).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect((await member.finding.views({ orgSlug: o.org.slug })).map((v) => [v.name, v.filters])).toEqual([
      ["Critical", { severity: "critical" }],
      [o.findingView.name, { severity: "critical" }],
    ]);
    expect(await outcomeOf(member.finding.saveView({ orgSlug: o.org.slug, name: "Mine", filters: {} }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("with team visibility a member sees only their teams' findings; managers see all", async () => {
    const o = await populatedOrg(t.db, "Visible");
    const owner = callerFor(t.db, o.owner);
    const elsewhere = await owner.finding.create({ orgSlug: o.org.slug, title: "Hold music too loud" });
    await owner.finding.setVisibility({ orgSlug: o.org.slug, visibility: "team" });
    const member = callerFor(t.db, o.members.member); // on o.team
    const viewer = callerFor(t.db, o.members.viewer); // on no team
    expect((await member.finding.list({ orgSlug: o.org.slug })).findings.map((f) => f.id)).toEqual([o.finding.id]);
    expect((await viewer.finding.list({ orgSlug: o.org.slug })).findings).toEqual([]);
    expect(await outcomeOf(member.finding.get({ orgSlug: o.org.slug, findingId: elsewhere.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await outcomeOf(member.finding.move({ orgSlug: o.org.slug, findingId: elsewhere.id, version: 1, status: "triaged" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await callerFor(t.db, o.members.manager).finding.list({ orgSlug: o.org.slug })).findings).toHaveLength(2);
    await owner.finding.setVisibility({ orgSlug: o.org.slug, visibility: "organization" });
    expect((await viewer.finding.list({ orgSlug: o.org.slug })).findings).toHaveLength(2);
  });
});

describe("CSV export", () => {
  it("writes the filtered findings with a BOM, formula-looking titles neutralised", async () => {
    const o = await populatedOrg(t.db, "Csv");
    await callerFor(t.db, o.owner).finding.create({ orgSlug: o.org.slug, title: '=HYPERLINK("http://evil","x")', severity: "low" });
    const ctx = { orgId: o.org.id, userId: o.owner.id, role: "owner" as const };
    const csv = await findingsCsv(t.db, ctx, { severity: "low" });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("\uFEFFNumber,Title,Status,Severity,Team,Assignee,Journey map,Stage,Touchpoint,Labels,Evidence,SLA,Due,Created,Updated,Resolved");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^F-2,"'=HYPERLINK\(""http:\/\/evil"",""x""\)",New,Low,,,,,,,0,on track \(first response due /);
  });
});


describe("impact and whether the fix worked", () => {
  it("match the figures worked out by hand from the imported responses", async () => {
    const o = await populatedOrg(t.db, "Proof");
    const owner = callerFor(t.db, o.owner);
    const day = 86_400_000;
    const resolvedAt = new Date(Date.now() - 10 * day);
    const at = (offsetDays: number) => new Date(resolvedAt.getTime() + offsetDays * day).toISOString();
    // Touchpoint 1: before the fix 16 of 40 satisfied (40%), after it 34 of 40 (85%); touchpoint 0: 10 recent 5s.
    const rows: string[] = [];
    for (let i = 0; i < 40; i++) rows.push(`proof-b${i},${o.touchpoints[1].key},${at(-20)},${i < 16 ? 5 : 1}`);
    for (let i = 0; i < 40; i++) rows.push(`proof-a${i},${o.touchpoints[1].key},${at(5)},${i < 34 ? 4 : 1}`);
    for (let i = 0; i < 10; i++) rows.push(`proof-j${i},${o.touchpoints[0].key},${at(5)},5`);
    const survey = await owner.survey.create({ orgSlug: o.org.slug, name: "Proof" });
    await importResponseFile(t.db, { orgId: o.org.id, actor: { kind: "user", userId: o.owner.id } }, (async function* () {
      yield new TextEncoder().encode(`response_id,touchpoint,submitted_at,csat\n${rows.join("\n")}\n`);
    })(), { surveyId: survey.id, fileName: "proof.csv", source: "upload", saveMapping: true });

    const created = await owner.finding.create({ orgSlug: o.org.slug, title: "Checkout errors", touchpointId: o.touchpoints[1].id });
    const { version } = await owner.finding.move({ orgSlug: o.org.slug, findingId: created.id, version: created.version, status: "resolved" });
    await t.asOwner((tx) => tx.update(findings).set({ resolvedAt }).where(eq(findings.id, created.id)));
    expect(version).toBe(created.version + 1);

    const finding = await owner.finding.get({ orgSlug: o.org.slug, findingId: created.id });
    // 24 + 6 answers of 1 at the touchpoint in the last 90 days; CSAT % 50/80 = 62.5 against the journey's 60/90 = 66.67.
    expect(finding.impact.responsesAffected).toBe(30);
    expect(finding.impact.detractorShare).toBeNull();
    expect(finding.impact.gapToJourney).toBeCloseTo(62.5 - 200 / 3, 10);
    expect(finding.fixCheck).toMatchObject({ verdict: "improved", metric: "csatPct", daysSince: 10 });
    expect(finding.fixCheck!.before.figures.csatPct).toMatchObject({ value: 40, n: 40 });
    expect(finding.fixCheck!.after.figures.csatPct).toMatchObject({ value: 85, n: 40 });
    expect(finding.fixCheck!.change.csatPct).toEqual({ change: 45, significant: true });
    const board = await owner.finding.list({ orgSlug: o.org.slug, filters: { sort: "impact" } });
    expect(board.findings[0]!.id).toBe(created.id);
  });
});
