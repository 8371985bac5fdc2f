// Comments on a map, a touchpoint or an obstacle; @mentions and the notifications they
// raise; reading them; and members of another organization using this one's ids.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createUser } from "@/db/seed/factories";
import { notifications } from "@/db/schema";
import { splitMentions } from "@/lib/mentions";
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

type Person = PopulatedOrg["owner"];
const comment = (o: PopulatedOrg, by: Person, body: string, target: { touchpointId?: string; obstacleId?: string } = {}) =>
  callerFor(t.db, by).comment.create({ orgSlug: o.org.slug, mapId: o.map.id, body, ...target });
const inbox = (o: PopulatedOrg, who: Person) => callerFor(t.db, who).notification.list({ orgSlug: o.org.slug });

describe("comments", () => {
  it("on the map, a touchpoint and an obstacle: listed in order with their authors, counted on the canvas", async () => {
    const o = await populatedOrg(t.db, "Comment");
    await comment(o, o.members.viewer, "Looks good overall");
    await comment(o, o.members.member, "Is this page slow on phones too?", { touchpointId: o.touchpoints[0].id });
    await comment(o, o.members.manager, "Measured: 6 seconds", { obstacleId: o.obstacle.id });

    const list = await callerFor(t.db, o.members.viewer).comment.list({ orgSlug: o.org.slug, mapId: o.map.id });
    expect(list.map((c) => [c.body, c.authorName, c.touchpointId, c.obstacleId])).toEqual([
      [o.comment.body, o.owner.name, o.touchpoints[0].id, o.obstacle.id],
      ["Looks good overall", o.members.viewer.name, null, null],
      ["Is this page slow on phones too?", o.members.member.name, o.touchpoints[0].id, null],
      // An obstacle's comment also belongs to its touchpoint.
      ["Measured: 6 seconds", o.members.manager.name, o.touchpoints[0].id, o.obstacle.id],
    ]);
    const { commentCounts } = await callerFor(t.db, o.owner).journeyMap.get({ orgSlug: o.org.slug, mapId: o.map.id });
    expect(Object.fromEntries(commentCounts.map((c) => [c.targetId, c.count]))).toEqual({ [o.map.id]: 1, [o.touchpoints[0].id]: 1, [o.obstacle.id]: 2 });
    const { events } = await callerFor(t.db, o.owner).journeyMap.history({ orgSlug: o.org.slug, mapId: o.map.id, limit: 3 });
    expect(events.map((e) => e.data.about)).toEqual([o.obstacle.title, o.touchpoints[0].name, o.map.name]);
  });

  it("refuse a target that is not on the named map, writing nothing", async () => {
    const o = await populatedOrg(t.db, "Comment");
    const other = await callerFor(t.db, o.owner).journeyMap.create({ orgSlug: o.org.slug, name: "Other map", template: "experience" });
    const stage = (await callerFor(t.db, o.owner).journeyMap.get({ orgSlug: o.org.slug, mapId: other.id })).stages[0]!;
    const elsewhere = await callerFor(t.db, o.owner).touchpoint.create({ orgSlug: o.org.slug, stageId: stage.id, name: "Elsewhere", channel: "web" });
    const before = await snapshotOrg(t.asOwner, o.org.id);

    const touchpoint = await outcomeOf(comment(o, o.members.member, "Wrong map", { touchpointId: elsewhere.id }));
    expect(touchpoint).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(fieldErrorsOfOutcome(touchpoint)).toHaveProperty("touchpointId");
    // The obstacle is on the map, but not on the named touchpoint.
    const mismatched = await outcomeOf(comment(o, o.members.member, "Wrong card", { touchpointId: o.touchpoints[1].id, obstacleId: o.obstacle.id }));
    expect(fieldErrorsOfOutcome(mismatched)).toHaveProperty("obstacleId");
    expect(await snapshotOrg(t.asOwner, o.org.id)).toBe(before);
  });

  it("viewers can comment but not edit the map", async () => {
    const o = await populatedOrg(t.db, "Comment");
    await expect(comment(o, o.members.viewer, "A viewer's thought")).resolves.toMatchObject({ mentioned: [] });
    const viewer = callerFor(t.db, o.members.viewer);
    const [stage] = o.stages;
    expect(await codeOf(viewer.stage.update({ orgSlug: o.org.slug, stageId: stage.id, version: stage.version, name: "Renamed", description: "" }))).toBe("FORBIDDEN");
  });
});

describe("mentions and notifications", () => {
  it("an @mention notifies the member mentioned, not the author, nor anyone else", async () => {
    const o = await populatedOrg(t.db, "Mention");
    const { id, mentioned } = await comment(o, o.members.manager, `@${o.members.viewer.name} and @${o.members.manager.name}: see the checkout`, { touchpointId: o.touchpoints[1].id });
    expect(mentioned).toEqual([{ userId: o.members.viewer.id, name: o.members.viewer.name }]);

    const viewerInbox = await inbox(o, o.members.viewer);
    expect(viewerInbox.unread).toBe(1);
    expect(viewerInbox.items).toEqual([
      expect.objectContaining({ kind: "mention", readAt: null, actorName: o.members.manager.name, mapId: o.map.id, mapName: o.map.name, commentId: id, touchpointId: o.touchpoints[1].id, obstacleId: null }),
    ]);
    expect((await inbox(o, o.members.manager)).items).toEqual([]);
    expect((await inbox(o, o.members.admin)).items).toEqual([]);
    // members.member still has only the fixture's mention.
    expect((await inbox(o, o.members.member)).items.map((n) => n.id)).toEqual([o.notification.id]);
  });

  it("a name that is not a member of this organization notifies nobody", async () => {
    const { a, b } = await twoOrgs(t.db);
    const { mentioned } = await comment(b, b.owner, `@${a.members.viewer.name} do you know?`);
    expect(mentioned).toEqual([]);
    expect((await inbox(a, a.members.viewer)).items).toEqual([]);
  });

  it("notifies exactly the members the comments panel highlights, for the same text", async () => {
    const o = await populatedOrg(t.db, "Mention");
    // Names that prefix each other, besides the fixture's members.
    const named = async (name: string) => {
      const user = await createUser(t.db, { name, email: `${name.replace(/\W/g, "").toLowerCase()}-${uniqueSuffix()}@example.test` });
      await addMember(t.db, { orgId: o.org.id, userId: user.id, role: "viewer" });
      return user;
    };
    await named("Bob");
    await named("Bob Stone");
    await named("Ann Lee");
    // What the panel highlights with: member.list's names (comments-panel.tsx).
    const list = await callerFor(t.db, o.owner).member.list({ orgSlug: o.org.slug });
    const idsByName = (text: string) => list.filter((m) => m.name.toLowerCase() === text.slice(1).toLowerCase()).map((m) => m.userId);

    for (const body of [
      "mail ann@Bob Stone",
      "@Bob Stone and @bob, see this",
      "(@Ann Lee) and ann.lee@example.test",
      "x.@Bob then @Bob Stonehenge",
      `@${o.members.viewer.name}: over to you, cc @Carol Unknown and @${o.owner.name}`,
    ]) {
      const highlighted = splitMentions(body, list.map((m) => m.name)).filter((part) => part.mention);
      const expected = [...new Set(highlighted.flatMap((part) => idsByName(part.text)))].filter((id) => id !== o.owner.id).sort();

      const { id, mentioned } = await comment(o, o.owner, body);
      expect(mentioned.map((m) => m.userId).sort(), body).toEqual(expected);
      const notified = await t.asOwner((tx) => tx.select({ userId: notifications.recipientUserId }).from(notifications).where(and(eq(notifications.organizationId, o.org.id), eq(notifications.commentId, id))));
      expect(notified.map((n) => n.userId).sort(), body).toEqual(expected);
    }
  });

  it("long comments are shortened in the list", async () => {
    const o = await populatedOrg(t.db, "Mention");
    const body = `@${o.members.viewer.name} ${"x".repeat(300)}`;
    await comment(o, o.owner, body);
    const [item] = (await inbox(o, o.members.viewer)).items;
    expect(item!.excerpt).toHaveLength(158);
    expect(item!.excerpt).toBe(`${body.slice(0, 157)}…`);
  });

  it("mark one read, then all; another member's notification is not marked", async () => {
    const o = await populatedOrg(t.db, "Mention");
    const viewer = callerFor(t.db, o.members.viewer);
    for (const n of [1, 2, 3]) await comment(o, o.owner, `@${o.members.viewer.name} note ${n} ${uniqueSuffix()}`);
    const { items, unread } = await inbox(o, o.members.viewer);
    expect(unread).toBe(3);
    expect(items.map((n) => n.excerpt)).toEqual([3, 2, 1].map((n) => expect.stringContaining(`note ${n}`)));

    expect(await viewer.notification.markRead({ orgSlug: o.org.slug, notificationId: items[1]!.id })).toEqual({ updated: 1 });
    expect(await viewer.notification.markRead({ orgSlug: o.org.slug, notificationId: items[1]!.id })).toEqual({ updated: 0 });
    const after = await inbox(o, o.members.viewer);
    expect(after.unread).toBe(2);
    expect(after.items.map((n) => n.readAt !== null)).toEqual([false, true, false]);

    // members.member's notification: silently nothing, and still unread for them.
    expect(await viewer.notification.markRead({ orgSlug: o.org.slug, notificationId: o.notification.id })).toEqual({ updated: 0 });
    expect(await viewer.notification.markAllRead({ orgSlug: o.org.slug })).toEqual({ updated: 2 });
    expect((await inbox(o, o.members.viewer)).unread).toBe(0);
    expect(await inbox(o, o.members.member)).toMatchObject({ unread: 1, items: [{ id: o.notification.id, readAt: null }] });
  });

  it("leaving the organization removes one's notifications in it", async () => {
    const o = await populatedOrg(t.db, "Mention");
    await callerFor(t.db, o.owner).member.remove({ orgSlug: o.org.slug, userId: o.members.member.id });
    const [left] = await t.asOwner((tx) => tx.select({ n: count() }).from(notifications).where(and(eq(notifications.organizationId, o.org.id), eq(notifications.recipientUserId, o.members.member.id))));
    expect(left!.n).toBe(0);
  });
});

describe("two organizations", () => {
  it("org B's owner, in org B, cannot comment on or read org A's map, nor mark A's notifications; A is unchanged", async () => {
    const { a, b } = await twoOrgs(t.db);
    const before = await snapshotOrg(t.asOwner, a.org.id);
    const x = callerFor(t.db, b.owner);
    const slug = b.org.slug;
    expect(await codeOf(x.comment.list({ orgSlug: slug, mapId: a.map.id }))).toBe("NOT_FOUND");
    expect(await codeOf(x.comment.create({ orgSlug: slug, mapId: a.map.id, body: "Hello" }))).toBe("NOT_FOUND");
    // B's own map, with A's touchpoint or obstacle as the target.
    expect(await codeOf(x.comment.create({ orgSlug: slug, mapId: b.map.id, touchpointId: a.touchpoints[0].id, body: "Hello" }))).toBe("NOT_FOUND");
    expect(await codeOf(x.comment.create({ orgSlug: slug, mapId: b.map.id, obstacleId: a.obstacle.id, body: "Hello" }))).toBe("NOT_FOUND");

    const member = callerFor(t.db, b.members.member);
    expect(await member.notification.markRead({ orgSlug: slug, notificationId: a.notification.id })).toEqual({ updated: 0 });
    expect(await member.notification.markAllRead({ orgSlug: slug })).toEqual({ updated: 1 });
    expect((await member.notification.list({ orgSlug: slug })).items.map((n) => n.id)).toEqual([b.notification.id]);
    expect(await snapshotOrg(t.asOwner, a.org.id)).toBe(before);
    expect((await inbox(a, a.members.member)).unread).toBe(1);
  });
});
