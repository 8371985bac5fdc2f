// Organizations: creation (slugs, default teams, owner, audit), "my organizations", the
// overview, renaming, and the activity log with its pagination.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TEAMS } from "@/db/constants";
import { auditEvents } from "@/db/schema";
import { addMember, createOrganization, createUser } from "@/db/seed/factories";
import { slugify } from "@/server/schemas/organization";
import { callerFor } from "../helpers/callers";
import { populatedOrg, uniqueSuffix } from "../helpers/fixtures";
import { outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const fieldErrorsOf = (outcome: Awaited<ReturnType<typeof outcomeOf>>) =>
  outcome.ok ? undefined : (outcome.error as { cause?: { fieldErrors?: Record<string, string[]> } }).cause?.fieldErrors;

describe("creating an organization", () => {
  it("derives the slug, makes the creator owner, adds the default teams and records it", async () => {
    const user = await createUser(t.db);
    const name = `Acme Widgets ${uniqueSuffix()}`;
    const caller = callerFor(t.db, user);
    const org = await caller.organization.create({ name });
    expect(org).toMatchObject({ name, slug: slugify(name), role: "owner" });

    const members = await caller.member.list({ orgSlug: org.slug });
    expect(members.map((m) => ({ userId: m.userId, role: m.role }))).toEqual([{ userId: user.id, role: "owner" }]);
    const teams = await caller.team.list({ orgSlug: org.slug });
    expect(teams.map((team) => team.name).sort()).toEqual(DEFAULT_TEAMS.map((team) => team.name).sort());
    const { events } = await caller.activity.list({ orgSlug: org.slug, limit: 10 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "organization.created", targetId: org.id, actorEmail: user.email, data: { name, slug: org.slug } });
  });

  it("is usable right away with the session that created it (no sign-in again)", async () => {
    const user = await createUser(t.db);
    const signedInEarlier = callerFor(t.db, user, Date.now() - 60_000);
    const org = await signedInEarlier.organization.create({ name: `Fresh ${uniqueSuffix()}` });
    expect((await signedInEarlier.organization.overview({ orgSlug: org.slug })).role).toBe("owner");
  });

  it("gives a derived slug that is taken a numeric suffix", async () => {
    const caller = callerFor(t.db, await createUser(t.db));
    const name = `Same Name ${uniqueSuffix()}`;
    const first = await caller.organization.create({ name });
    const second = await caller.organization.create({ name });
    const third = await caller.organization.create({ name });
    expect([first.slug, second.slug, third.slug]).toEqual([slugify(name), `${slugify(name)}-2`, `${slugify(name)}-3`]);
  });

  it("refuses an explicit slug that is taken or reserved, as a field error on slug", async () => {
    const caller = callerFor(t.db, await createUser(t.db));
    const slug = `taken-${uniqueSuffix()}`;
    await caller.organization.create({ name: "First", slug });
    for (const wanted of [slug, "admin"]) {
      const outcome = await outcomeOf(caller.organization.create({ name: "Second", slug: wanted }));
      expect(outcome).toMatchObject({ ok: false, code: "BAD_REQUEST" });
      expect(fieldErrorsOf(outcome)).toHaveProperty("slug");
    }
    // A reserved word as a name still gets an address, just not the reserved one.
    expect((await caller.organization.create({ name: "Admin" })).slug).toMatch(/^admin-\d+$/);
    // Nothing half-created: the failed attempts left no organization behind.
    expect((await caller.account.organizations()).map((o) => o.name).sort()).toEqual(["Admin", "First"]);
  });
});

describe("my organizations", () => {
  it("lists exactly the organizations I belong to, with my role in each", async () => {
    const me = await createUser(t.db);
    const mine = await createOrganization(t.db, { ownerId: me.id, name: `Mine ${uniqueSuffix()}` });
    const someoneElse = await createUser(t.db);
    const joined = await createOrganization(t.db, { ownerId: someoneElse.id, name: `Joined ${uniqueSuffix()}` });
    await addMember(t.db, { orgId: joined.id, userId: me.id, role: "viewer" });
    await createOrganization(t.db, { ownerId: someoneElse.id, name: `Not mine ${uniqueSuffix()}` });

    const list = await callerFor(t.db, me).account.organizations();
    expect(list.map(({ id, role }) => ({ id, role })).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [{ id: mine.id, role: "owner" }, { id: joined.id, role: "viewer" }].sort((x, y) => x.id.localeCompare(y.id)),
    );
  });
});

describe("the current organization", () => {
  it("has an overview with counts and my role", async () => {
    const o = await populatedOrg(t.db, "Overview");
    const overview = await callerFor(t.db, o.members.viewer).organization.overview({ orgSlug: o.org.slug });
    expect(overview).toMatchObject({ id: o.org.id, slug: o.org.slug, name: o.org.name, role: "viewer", memberCount: 5, teamCount: DEFAULT_TEAMS.length + 1 });
  });

  it("can be renamed by an admin, keeping its slug, and the rename is recorded", async () => {
    const o = await populatedOrg(t.db, "Rename");
    const renamed = await callerFor(t.db, o.members.admin).organization.rename({ orgSlug: o.org.slug, name: "  New Name  " });
    expect(renamed).toEqual({ id: o.org.id, slug: o.org.slug, name: "New Name" });
    const { events } = await callerFor(t.db, o.owner).activity.list({ orgSlug: o.org.slug, limit: 1 });
    expect(events[0]).toMatchObject({ action: "organization.renamed", actorEmail: o.members.admin.email, data: { name: "New Name" } });
  });
});

describe("the activity log", () => {
  it("lists events newest first, page by page, without gaps or repeats", async () => {
    const o = await populatedOrg(t.db, "Activity");
    const admin = callerFor(t.db, o.members.admin);
    const fixtureEvents = (await admin.activity.list({ orgSlug: o.org.slug, limit: 100 })).events.length;
    for (let i = 1; i <= 12; i++) await admin.organization.rename({ orgSlug: o.org.slug, name: `Name ${i}` });

    const all = (await admin.activity.list({ orgSlug: o.org.slug, limit: 100 })).events;
    expect(all.length).toBe(fixtureEvents + 12);
    expect(all[0]).toMatchObject({ action: "organization.renamed", data: { name: "Name 12" } });
    const times = all.map((e) => e.createdAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);

    const paged: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result: { events: { id: string }[]; nextCursor?: string } = await admin.activity.list({ orgSlug: o.org.slug, limit: 5, cursor });
      paged.push(...result.events.map((e) => e.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(paged).toEqual(all.map((e) => e.id));
  });

  // A JS Date cursor (milliseconds) would skip events sharing the last shown event's
  // millisecond; the (created_at, id) cursor keeps microseconds.
  it("does not lose events that share a millisecond across a page boundary", async () => {
    const o = await populatedOrg(t.db, "Activity");
    await t.asOwner(async (tx) => {
      for (const at of ["2030-01-01 00:00:00.123400+00", "2030-01-01 00:00:00.123700+00"]) {
        await tx.insert(auditEvents).values({ organizationId: o.org.id, actorUserId: o.owner.id, action: "team.created", targetType: "team", createdAt: sql`${at}::timestamptz` as unknown as Date });
      }
    });
    const owner = callerFor(t.db, o.owner);
    const all = (await owner.activity.list({ orgSlug: o.org.slug, limit: 100 })).events.map((e) => e.id);
    const paged: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result: { events: { id: string }[]; nextCursor?: string } = await owner.activity.list({ orgSlug: o.org.slug, limit: 1, cursor });
      paged.push(...result.events.map((e) => e.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(paged).toEqual(all);
  });
});
