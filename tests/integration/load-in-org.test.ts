// The one child lookup filters on organization_id itself. Run as the table owner, where
// row-level security does not apply, another organization's id with this organization's
// record id must still be NOT_FOUND: RLS is the second wall, not the only one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, journeyMaps, obstacles, personas, stages, teams, touchpoints } from "@/db/schema";
import { DomainError } from "@/server/services/errors";
import { loadMap } from "@/server/services/journey-maps";
import { findInOrg, loadInOrg, type TenantTable } from "@/server/services/load-in-org";
import { loadObstacle } from "@/server/services/obstacles";
import { loadStage } from "@/server/services/stages";
import { loadTouchpoint } from "@/server/services/touchpoints";
import { twoOrgs, type PopulatedOrg } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const recordsOf = (o: PopulatedOrg): [string, TenantTable, string][] => [
  ["journey map", journeyMaps, o.map.id],
  ["stage", stages, o.stages[0].id],
  ["touchpoint", touchpoints, o.touchpoints[0].id],
  ["obstacle", obstacles, o.obstacle.id],
  ["persona", personas, o.persona.id],
  ["team", teams, o.team.id],
  ["invitation", invitations, o.invitation.id],
];

describe("loadInOrg", () => {
  it("finds a record by its own organization and id, and answers NOT_FOUND for another organization's id even where RLS does not apply", async () => {
    const { a, b } = await twoOrgs(t.db);
    for (const [what, table, id] of recordsOf(a)) {
      await t.asOwner(async (tx) => {
        expect((await loadInOrg(tx, table, { orgId: a.org.id, id }, what)) as { id: string }, what).toMatchObject({ id });
        const error = await loadInOrg(tx, table, { orgId: b.org.id, id }, what).catch((e: unknown) => e);
        expect(error, what).toBeInstanceOf(DomainError);
        expect(error, what).toMatchObject({ code: "NOT_FOUND", message: `${what} not found.` });
        expect(await findInOrg(tx, table, { orgId: b.org.id, id }), what).toBeUndefined();
      });
    }
  });

  it("the domain loaders built on it do the same", async () => {
    const { a, b } = await twoOrgs(t.db);
    const loaders = [
      [loadMap, a.map.id],
      [loadStage, a.stages[0].id],
      [loadTouchpoint, a.touchpoints[0].id],
      [loadObstacle, a.obstacle.id],
    ] as const;
    for (const [load, id] of loaders) {
      await t.asOwner(async (tx) => {
        expect(await load(tx, { orgId: a.org.id }, id)).toMatchObject({ id, organizationId: a.org.id });
        await expect(load(tx, { orgId: b.org.id }, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      });
    }
  });
});
