// Access is resolved once per request in one statement: session, user, organization and
// membership. Counted through a database handle that logs every statement drizzle sends, on
// the same connection as the test database (so RLS and the app role are the real ones).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createCaller } from "@/server/trpc/root";
import { sessionFor } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let o: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  o = await populatedOrg(t.db, "Access");
});
afterAll(() => t.close());

/** A handle on the test database's client that records the statements sent through it. */
function countingDb() {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const client = (t.db as unknown as { $client: never }).$client;
  const db = (t.kind === "pglite" ? drizzlePglite({ client, schema, logger }) : drizzlePostgres({ client, schema, logger })) as unknown as Db;
  return { db, statements };
}

describe("access once per request", () => {
  it("an org procedure reads session, user, organization and membership in one statement", async () => {
    const { db, statements } = countingDb();
    const caller = createCaller({ db, session: sessionFor(o.members.viewer) });
    await caller.journeyMap.revision({ orgSlug: o.org.slug, mapId: o.map.id });
    const access = statements.filter((s) => s.includes("waymark_request_access"));
    expect(access).toHaveLength(1);
    // Was 6 for access alone (user; organization; begin, set_config, membership, commit) and 11 for the poll.
    // Now: the access statement, then the poll's own transaction: set_config, the map's row, its newest event.
    expect(statements.filter((s) => !/^(begin|commit|rollback)/i.test(s.trim()))).toHaveLength(4);
  });

  it("a batch of calls in one request shares that statement", async () => {
    const { db, statements } = countingDb();
    const caller = createCaller({ db, session: sessionFor(o.members.viewer), requestCache: new Map() });
    await Promise.all([
      caller.journeyMap.revision({ orgSlug: o.org.slug, mapId: o.map.id }),
      caller.organization.overview({ orgSlug: o.org.slug }),
      caller.notification.list({ orgSlug: o.org.slug, limit: 5 }),
    ]);
    await caller.account.me();
    expect(statements.filter((s) => s.includes("waymark_request_access"))).toHaveLength(1);
  });

  it("still refuses what it refused: ended sessions, non-members, and a signed-out session in another request", async () => {
    const { db } = countingDb();
    const stranger = await populatedOrg(t.db, "Stranger");
    const outsider = createCaller({ db, session: sessionFor(stranger.members.owner), requestCache: new Map() });
    await expect(outsider.organization.overview({ orgSlug: o.org.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stale = createCaller({ db, session: { ...sessionFor(o.members.viewer), sessionVersion: o.members.viewer.sessionVersion + 1 }, requestCache: new Map() });
    await expect(stale.organization.overview({ orgSlug: o.org.slug })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(stale.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const viewer = createCaller({ db, session: sessionFor(o.members.viewer), requestCache: new Map() });
    await expect(viewer.organization.rename({ orgSlug: o.org.slug, name: "Nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
