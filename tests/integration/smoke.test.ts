import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, createUser } from "@/db/seed/factories";
import { callerFor } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("smoke", () => {
  it("lists the teams of a new organization", async () => {
    const owner = await createUser(t.db);
    const org = await createOrganization(t.db, { ownerId: owner.id });
    const teams = await callerFor(t.db, owner).team.list({ orgSlug: org.slug });
    expect(teams.map((x) => x.name)).toContain("Shipping");
  });
});
