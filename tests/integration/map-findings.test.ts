// The findings board on the journey map: each touchpoint's open findings count (closed ones,
// other organizations' and findings the reader may not see left out, never on a share link),
// and the one-click "turn an obstacle into a finding" that never makes a second finding.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findings } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { getSharedMap } from "@/server/services/share-links";
import { callerFor } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { codeOf, fieldErrorsOfOutcome, outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let o: PopulatedOrg;
let other: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  o = await populatedOrg(t.db, "MapCounts");
  other = await populatedOrg(t.db, "MapOther");
});
afterAll(() => t.close());

const canvasOf = (org: PopulatedOrg, user: { id: string; sessionVersion: number }) => callerFor(t.db, user).journeyMap.get({ orgSlug: org.org.slug, mapId: org.map.id });
const countsOf = async (org: PopulatedOrg, user: { id: string; sessionVersion: number }) =>
  Object.fromEntries((await canvasOf(org, user)).findings.openByTouchpoint.map((c) => [c.touchpointId, c.open]));
const findingsOfObstacle = (org: PopulatedOrg, obstacleId: string) =>
  withOrg(t.db, org.org.id, (tx) => tx.select({ id: findings.id }).from(findings).where(and(eq(findings.organizationId, org.org.id), eq(findings.obstacleId, obstacleId))));
const findingsOf = (org: PopulatedOrg) => withOrg(t.db, org.org.id, (tx) => tx.select({ id: findings.id }).from(findings).where(eq(findings.organizationId, org.org.id)));

describe("open findings on the map", () => {
  it("counts each touchpoint's open findings; resolved, won't fix and duplicates do not count, nor another organization's", async () => {
    const owner = callerFor(t.db, o.owner);
    const slug = o.org.slug;
    const [first, second] = o.touchpoints;
    // The fixture's finding sits on the first touchpoint.
    expect(await countsOf(o, o.owner)).toEqual({ [first.id]: 1 });

    const make = (title: string) => owner.finding.create({ orgSlug: slug, title, touchpointId: second.id });
    const kept = await make("Coupon field hidden");
    const working = await make("Total jumps at the last step");
    const resolved = await make("Card declined twice");
    const declined = await make("No PayPal");
    const duplicate = await make("Coupon field hidden again");
    await owner.finding.move({ orgSlug: slug, findingId: working.id, version: working.version, status: "in_progress" });
    await owner.finding.move({ orgSlug: slug, findingId: resolved.id, version: resolved.version, status: "resolved" });
    await owner.finding.move({ orgSlug: slug, findingId: declined.id, version: declined.version, status: "wont_fix", reason: "Not in this market." });
    await owner.finding.move({ orgSlug: slug, findingId: duplicate.id, version: duplicate.version, status: "duplicate", duplicateOfId: kept.id });
    // The other organization's findings on its own map change nothing here.
    await callerFor(t.db, other.owner).finding.create({ orgSlug: other.org.slug, title: "Elsewhere", touchpointId: other.touchpoints[1].id });

    expect(await countsOf(o, o.owner)).toEqual({ [first.id]: 1, [second.id]: 2 });
    expect(await countsOf(other, other.owner)).toEqual({ [other.touchpoints[0].id]: 1, [other.touchpoints[1].id]: 1 });
  });

  it("a share link's view carries no findings at all", async () => {
    const shared = await getSharedMap(t.db, o.shareLink.token);
    expect(shared).not.toBeNull();
    const text = JSON.stringify(shared);
    expect(text).not.toContain("findings");
    expect(text).not.toContain(o.finding.title);
  });

  it("respects the visibility setting: with each team seeing its own, a member counts only their teams' findings", async () => {
    const org = await populatedOrg(t.db, "MapVisible");
    const owner = callerFor(t.db, org.owner);
    const [first] = org.touchpoints;
    const marketing = (await owner.team.list({ orgSlug: org.org.slug })).find((team) => team.name === "Marketing")!;
    // A second open finding on the first touchpoint, handed to Marketing (the member is not on it).
    const elsewhere = await owner.finding.create({ orgSlug: org.org.slug, title: "Hero image slow", touchpointId: first.id });
    await owner.finding.update({ orgSlug: org.org.slug, findingId: elsewhere.id, version: elsewhere.version, teamId: marketing.id });
    // The obstacle's finding goes to Marketing too.
    const ofObstacle = await owner.finding.fromObstacle({ orgSlug: org.org.slug, obstacleId: org.obstacle.id });
    const latest = await owner.finding.get({ orgSlug: org.org.slug, findingId: ofObstacle.id });
    await owner.finding.update({ orgSlug: org.org.slug, findingId: ofObstacle.id, version: latest.version, teamId: marketing.id });

    // Everyone sees every finding: all three count for the member too.
    expect(await countsOf(org, org.members.member)).toEqual({ [first.id]: 3 });

    await owner.finding.setVisibility({ orgSlug: org.org.slug, visibility: "team" });
    expect(await countsOf(org, org.members.member)).toEqual({ [first.id]: 1 });
    expect(await countsOf(org, org.members.viewer)).toEqual({});
    expect(await countsOf(org, org.members.manager)).toEqual({ [first.id]: 3 });
    // The member learns the obstacle is taken care of, but not which finding they may not open.
    expect((await canvasOf(org, org.members.member)).findings.ofObstacles).toEqual([{ obstacleId: org.obstacle.id, findingId: null, number: null }]);
    expect((await canvasOf(org, org.members.manager)).findings.ofObstacles).toEqual([{ obstacleId: org.obstacle.id, findingId: ofObstacle.id, number: ofObstacle.number }]);
  });
});

describe("turning an obstacle into a finding", () => {
  it("makes one finding routed by the rules; clicking again, or finding.create with the obstacle, gives back the same one", async () => {
    const org = await populatedOrg(t.db, "MapTurn");
    const member = callerFor(t.db, org.members.member);
    const first = await member.finding.fromObstacle({ orgSlug: org.org.slug, obstacleId: org.obstacle.id });
    // No rule mentions a slow page: the touchpoint's owning team gets it.
    expect(first).toMatchObject({ created: true, teamId: org.team.id, teamName: org.team.name, visible: true });
    const finding = await member.finding.get({ orgSlug: org.org.slug, findingId: first.id });
    expect(finding).toMatchObject({ title: org.obstacle.title, source: "obstacle", obstacleId: org.obstacle.id, touchpointId: org.touchpoints[0].id, severity: "high" });

    const again = await member.finding.fromObstacle({ orgSlug: org.org.slug, obstacleId: org.obstacle.id });
    expect(again).toMatchObject({ id: first.id, number: first.number, created: false });
    const viaCreate = await member.finding.create({ orgSlug: org.org.slug, title: "Another title", obstacleId: org.obstacle.id });
    expect(viaCreate.id).toBe(first.id);
    expect(await findingsOfObstacle(org, org.obstacle.id)).toHaveLength(1);

    // The map now shows it on the obstacle and counts it on the touchpoint.
    const canvas = await canvasOf(org, org.members.member);
    expect(canvas.findings.ofObstacles).toEqual([{ obstacleId: org.obstacle.id, findingId: first.id, number: first.number }]);
    expect(Object.fromEntries(canvas.findings.openByTouchpoint.map((c) => [c.touchpointId, c.open]))).toEqual({ [org.touchpoints[0].id]: 2 });
  });

  it("two clicks at once make one finding", async () => {
    const owner = callerFor(t.db, o.owner);
    const obstacle = await owner.obstacle.create({ orgSlug: o.org.slug, touchpointId: o.touchpoints[1].id, kind: "obstacle", title: "Boxes arrive crushed", description: "", severity: "medium" });
    const [a, b] = await Promise.all([
      callerFor(t.db, o.members.member).finding.fromObstacle({ orgSlug: o.org.slug, obstacleId: obstacle.id }),
      callerFor(t.db, o.members.manager).finding.fromObstacle({ orgSlug: o.org.slug, obstacleId: obstacle.id }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await findingsOfObstacle(o, obstacle.id)).toHaveLength(1);
  });

  it("an opportunity cannot become one; a viewer may not; another organization's obstacle is not found", async () => {
    const slug = o.org.slug;
    const opportunity = await outcomeOf(callerFor(t.db, o.members.member).finding.fromObstacle({ orgSlug: slug, obstacleId: o.opportunity.id }));
    expect(opportunity).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(fieldErrorsOfOutcome(opportunity)).toEqual({ obstacleId: [expect.stringContaining("Only an obstacle")] });

    expect(await codeOf(callerFor(t.db, o.members.viewer).finding.fromObstacle({ orgSlug: slug, obstacleId: o.obstacle.id }))).toBe("FORBIDDEN");

    const before = await findingsOf(o);
    expect(await codeOf(callerFor(t.db, o.owner).finding.fromObstacle({ orgSlug: slug, obstacleId: other.obstacle.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(t.db, o.owner).finding.create({ orgSlug: slug, title: "Theirs", obstacleId: other.obstacle.id }))).toBe("NOT_FOUND");
    expect(await findingsOfObstacle(other, other.obstacle.id)).toHaveLength(0);
    expect(await findingsOf(o)).toHaveLength(before.length);
  });
});
