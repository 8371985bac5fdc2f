// Read-only share links: created and revoked by managers, resolved without an account by
// getSharedMap, which must find nothing for a revoked, malformed or re-addressed token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSharedMap } from "@/server/services/share-links";
import { snapshotOrg } from "../helpers/catalog";
import { callerFor } from "../helpers/callers";
import { populatedOrg, twoOrgs } from "../helpers/fixtures";
import { codeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("share links", () => {
  it("a manager creates one; the token opens the map read-only, without ids of people or internal notes", async () => {
    const o = await populatedOrg(t.db, "Share");
    const manager = callerFor(t.db, o.members.manager);
    const [tp] = o.touchpoints;
    await manager.touchpoint.update({ orgSlug: o.org.slug, touchpointId: tp.id, version: tp.version, name: tp.name, key: tp.key, channel: "web", notes: "Internal: vendor contract ends in May" });
    const link = await manager.shareLink.create({ orgSlug: o.org.slug, mapId: o.map.id });
    expect(link.token.startsWith(`${o.org.id}.`)).toBe(true);

    const shared = await getSharedMap(t.db, link.token);
    expect(Object.keys(shared?.map ?? {}).sort()).toEqual(["description", "name", "status"]);
    expect(shared?.map.name).toBe(o.map.name);
    expect(shared?.stages.map((s) => s.name)).toEqual(o.stages.map((s) => s.name));
    expect(shared?.stages.flatMap((s) => s.touchpoints.map((tp) => tp.key))).toEqual(o.touchpoints.map((tp) => tp.key));
    expect(shared?.persona?.name).toBe(o.persona.name);
    expect(JSON.stringify(shared)).not.toContain("vendor contract");

    const listed = await manager.shareLink.list({ orgSlug: o.org.slug, mapId: o.map.id });
    expect(listed.map((l) => [l.id, l.createdByName])).toEqual([
      [link.id, o.members.manager.name],
      [o.shareLink.id, o.owner.name],
    ]);
    // The list never shows a token, and only a hash of it is stored.
    expect(JSON.stringify(listed)).not.toContain(link.token.split(".")[1]);
    expect(await snapshotOrg(t.asOwner, o.org.id)).not.toContain(link.token.split(".")[1]);
  });

  it("only managers and above share", async () => {
    const o = await populatedOrg(t.db, "Share");
    expect(await codeOf(callerFor(t.db, o.members.member).shareLink.create({ orgSlug: o.org.slug, mapId: o.map.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(t.db, o.members.viewer).shareLink.list({ orgSlug: o.org.slug, mapId: o.map.id }))).toBe("FORBIDDEN");
  });

  it("after revoking, the token finds nothing and the link is no longer listed", async () => {
    const o = await populatedOrg(t.db, "Share");
    const admin = callerFor(t.db, o.members.admin);
    expect(await getSharedMap(t.db, o.shareLink.token)).not.toBeNull();
    await admin.shareLink.revoke({ orgSlug: o.org.slug, shareLinkId: o.shareLink.id });
    expect(await getSharedMap(t.db, o.shareLink.token)).toBeNull();
    expect(await admin.shareLink.list({ orgSlug: o.org.slug, mapId: o.map.id })).toEqual([]);
    expect(await codeOf(admin.shareLink.revoke({ orgSlug: o.org.slug, shareLinkId: o.shareLink.id }))).toBe("NOT_FOUND");

    const { events } = await admin.journeyMap.history({ orgSlug: o.org.slug, mapId: o.map.id, limit: 1 });
    expect(events[0]).toMatchObject({ action: "share_link.revoked", actorName: o.members.admin.name });
    const activity = await admin.activity.list({ orgSlug: o.org.slug, limit: 1 });
    expect(activity.events[0]).toMatchObject({ action: "journey_map.share_revoked", targetId: o.map.id });
  });

  it("deleting the map ends its links", async () => {
    const o = await populatedOrg(t.db, "Share");
    await callerFor(t.db, o.owner).journeyMap.delete({ orgSlug: o.org.slug, mapId: o.map.id });
    expect(await getSharedMap(t.db, o.shareLink.token)).toBeNull();
  });

  it("a token with another organization's id in front of the right secret finds nothing", async () => {
    const { a, b } = await twoOrgs(t.db);
    const secret = a.shareLink.token.split(".")[1];
    expect(await getSharedMap(t.db, `${b.org.id}.${secret}`)).toBeNull();
    // B's own token still works: the check is on the whole token.
    expect((await getSharedMap(t.db, b.shareLink.token))?.map.name).toBe(b.map.name);
  });

  it("malformed tokens find nothing", async () => {
    const o = await populatedOrg(t.db, "Share");
    const [orgId, secret] = o.shareLink.token.split(".") as [string, string];
    for (const token of [
      "",
      ".",
      orgId,
      `${orgId}.`,
      secret,
      `not-a-uuid.${secret}`,
      `${orgId.toUpperCase()}.${secret}`,
      `${orgId}.${secret.slice(0, 10)}`,
      `${orgId}.${secret}x`,
      `${orgId}.${secret}.extra`,
      `'; drop table map_share_links; --.${secret}`,
    ]) {
      expect({ token, found: await getSharedMap(t.db, token) }).toEqual({ token, found: null });
    }
    expect(await getSharedMap(t.db, o.shareLink.token)).not.toBeNull();
  });
});

describe("the shared view", () => {
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

  it("carries no id, no version and no member's name, only what the page shows", async () => {
    const o = await populatedOrg(t.db, "Share");
    const owner = callerFor(t.db, o.owner);
    // The map has an owner (whose name the members' canvas shows) and an obstacle with a version.
    const canvas = await owner.journeyMap.get({ orgSlug: o.org.slug, mapId: o.map.id });
    expect(canvas.map.ownerName).toBe(o.owner.name);
    expect(canvas.obstacles.length).toBeGreaterThan(0);

    const shared = await getSharedMap(t.db, o.shareLink.token);
    const json = JSON.stringify(shared);
    expect(json).not.toMatch(UUID);
    expect(json).not.toMatch(/"(id|version|\w+Id|ownerName|notes|position)":/);
    for (const member of Object.values(o.members)) expect(json).not.toContain(member.name);
    // Everything on the board is still there, nested in board order.
    expect(shared?.stages.flatMap((s) => s.touchpoints).length).toBe(canvas.touchpoints.length);
    expect(shared?.stages.flatMap((s) => s.touchpoints.flatMap((tp) => tp.insights)).map((i) => i.title)).toEqual(
      canvas.touchpoints.flatMap((tp) => canvas.obstacles.filter((i) => i.touchpointId === tp.id).map((i) => i.title)),
    );
  });
});

describe("two organizations", () => {
  it("org B's owner, in org B, gets NOT_FOUND for org A's map and link, and A's link still works", async () => {
    const { a, b } = await twoOrgs(t.db);
    const before = await snapshotOrg(t.asOwner, a.org.id);
    const x = callerFor(t.db, b.owner);
    expect(await codeOf(x.shareLink.list({ orgSlug: b.org.slug, mapId: a.map.id }))).toBe("NOT_FOUND");
    expect(await codeOf(x.shareLink.create({ orgSlug: b.org.slug, mapId: a.map.id }))).toBe("NOT_FOUND");
    expect(await codeOf(x.shareLink.revoke({ orgSlug: b.org.slug, shareLinkId: a.shareLink.id }))).toBe("NOT_FOUND");
    expect(await snapshotOrg(t.asOwner, a.org.id)).toBe(before);
    expect((await getSharedMap(t.db, a.shareLink.token))?.map.name).toBe(a.map.name);
  });
});
