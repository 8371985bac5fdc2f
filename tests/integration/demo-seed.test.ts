// The demo seed runs at every `npm run dev`: it must build Acme Outfitters once and then
// change nothing.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { findUserByEmail } from "@/db/seed/factories";
import { authenticate } from "@/server/services/accounts";
import { callerFor } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("demo seed", () => {
  it("creates Acme Outfitters with its demo people once, and is a no-op the second time", async () => {
    expect(await seedDemo(t.db)).toEqual({ created: true });
    const counts = () =>
      t.asOwner((tx) =>
        queryRows(tx, sql`select (select count(*) from users)::int as users, (select count(*) from memberships)::int as members, (select count(*) from team_members)::int as team_members`),
      );
    const before = await counts();
    expect(await seedDemo(t.db)).toEqual({ created: false });
    expect(await counts()).toEqual(before);

    for (const person of DEMO_USERS) {
      const user = await authenticate(t.db, { email: person.email, password: DEMO_PASSWORD });
      expect(user?.email).toBe(person.email);
    }
    const manager = (await findUserByEmail(t.db, "manager@acme.test"))!;
    const api = callerFor(t.db, manager);
    const members = await api.member.list({ orgSlug: DEMO_ORG.slug });
    expect(members.map((m) => [m.email, m.role]).sort()).toEqual(DEMO_USERS.map((u) => [u.email, u.role]).sort());
    const teams = await api.team.list({ orgSlug: DEMO_ORG.slug });
    expect(teams.find((team) => team.name === "Shipping")?.members.map((m) => m.email)).toEqual(["manager@acme.test"]);
  });
});
