// Row-level security fails closed: without an organization in the transaction the app role
// sees and writes nothing in any tenant table (enumerated from the catalog), and with one it
// sees and writes only that organization.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/db/client";
import { uuidv7 } from "@/db/schema/_columns";
import { columnsOf, databaseError, rowsOfOrg, tenantTables } from "../helpers/catalog";
import { twoOrgs, type PopulatedOrg } from "../helpers/fixtures";
import { createTestDatabase, queryRows, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let tables: string[];
let a: PopulatedOrg;
let b: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  tables = await tenantTables(t.db);
  ({ a, b } = await twoOrgs(t.db));
});
afterAll(() => t.close());

const countRows = async (tx: Tx, table: string) =>
  (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

/** One existing row of the org, read as the owner, with a fresh id: a plausible insert. */
async function rowLike(table: string, orgId: string): Promise<Record<string, unknown>> {
  const [row] = (await t.asOwner((tx) => rowsOfOrg(tx, table, orgId))) as Record<string, unknown>[];
  if (!row) throw new Error(`The twoOrgs fixture has no row in ${table}; extend tests/helpers/fixtures.ts so RLS is tested there.`);
  const columns = await columnsOf(t.db, table);
  return columns.includes("id") ? { ...row, id: uuidv7() } : row;
}

const insertJson = (tx: Tx, table: string, row: Record<string, unknown>) =>
  tx.execute(sql`insert into ${sql.identifier(table)} select * from jsonb_populate_record(null::${sql.identifier(table)}, ${JSON.stringify(row)}::jsonb)`);

const RLS_REFUSAL = { code: "42501", message: expect.stringMatching(/row-level security/) };

describe("fail closed", () => {
  it("the fixture has rows of both organizations in every tenant table", async () => {
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) {
      const counts = await t.asOwner(async (tx) => [(await rowsOfOrg(tx, table, a.org.id)).length, (await rowsOfOrg(tx, table, b.org.id)).length]);
      expect({ table, hasA: counts[0]! > 0, hasB: counts[1]! > 0 }).toEqual({ table, hasA: true, hasB: true });
    }
  });

  it("without app.org_id every tenant table reads as empty", async () => {
    for (const table of tables) {
      const visible = await t.db.transaction((tx) => countRows(tx, table));
      expect({ table, visible }).toEqual({ table, visible: 0 });
      // Also outside an explicit transaction, and after a transaction that did set it.
      await t.db.transaction((tx) => tx.execute(sql`select set_config('app.org_id', ${a.org.id}, true)`));
      expect({ table, visible: await countRows(t.db as unknown as Tx, table) }).toEqual({ table, visible: 0 });
    }
  });

  it("without app.org_id every insert into a tenant table is refused", async () => {
    for (const table of tables) {
      const row = await rowLike(table, a.org.id);
      const error = await databaseError(t.db.transaction((tx) => insertJson(tx, table, row)));
      expect({ table, ...error }).toMatchObject({ table, ...RLS_REFUSAL });
    }
  });

  it("with app.org_id = A, rows of B are invisible and cannot be written", async () => {
    for (const table of tables) {
      const [ownCount, bCount] = await t.asOwner(async (tx) => [(await rowsOfOrg(tx, table, a.org.id)).length, (await rowsOfOrg(tx, table, b.org.id)).length]);
      const seen = await t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.org_id', ${a.org.id}, true)`);
        const ofB = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)} where organization_id = ${b.org.id}::uuid`);
        const ofA = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)} where organization_id = ${a.org.id}::uuid`);
        return { ofA: ofA[0]!.n, ofB: ofB[0]!.n };
      });
      expect({ table, ...seen }).toEqual({ table, ofA: ownCount, ofB: 0 });
      expect(bCount).toBeGreaterThan(0);

      const rowOfB = await rowLike(table, b.org.id);
      const error = await databaseError(
        t.db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('app.org_id', ${a.org.id}, true)`);
          await insertJson(tx, table, rowOfB);
        }),
      );
      expect({ table, ...error }).toMatchObject({ table, ...RLS_REFUSAL });
    }
  });

  it("with app.org_id = A, updates and deletes cannot reach B's rows", async () => {
    const before = await t.asOwner((tx) => Promise.all(tables.map((table) => rowsOfOrg(tx, table, b.org.id))));
    for (const table of tables) {
      await t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.org_id', ${a.org.id}, true)`);
        await tx.execute(sql`savepoint probe`);
        const deleted = await queryRows(tx, sql`delete from ${sql.identifier(table)} where organization_id = ${b.org.id}::uuid returning 1`);
        expect({ table, deleted: deleted.length }).toEqual({ table, deleted: 0 });
        await tx.execute(sql`rollback to savepoint probe`);
      });
    }
    // Moving A's rows into B is refused too (WITH CHECK on update).
    const error = await databaseError(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.org_id', ${a.org.id}, true)`);
        await tx.execute(sql`update audit_events set organization_id = ${b.org.id}::uuid where organization_id = ${a.org.id}::uuid`);
      }),
    );
    expect(error).toMatchObject(RLS_REFUSAL);
    expect(await t.asOwner((tx) => Promise.all(tables.map((table) => rowsOfOrg(tx, table, b.org.id))))).toEqual(before);
  });

  it("app.user_id alone shows only that user's own memberships, read-only", async () => {
    const user = b.members.admin;
    const visible = await t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.user_id', ${user.id}, true)`);
      const memberships = await queryRows<{ user_id: string }>(tx, sql`select user_id from memberships`);
      const teams = await countRows(tx, "teams");
      return { users: [...new Set(memberships.map((m) => m.user_id))], count: memberships.length, teams };
    });
    expect(visible).toEqual({ users: [user.id], count: 1, teams: 0 });

    const row = await rowLike("memberships", b.org.id);
    const error = await databaseError(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.user_id', ${user.id}, true)`);
        await insertJson(tx, "memberships", { ...row, user_id: user.id, organization_id: a.org.id });
      }),
    );
    expect(error).toMatchObject(RLS_REFUSAL);
  });
});
