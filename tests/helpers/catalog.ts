// Reads the tenancy facts the tests rely on from pg_catalog instead of hard-coding them,
// so a tenant table added by a later migration is covered without editing the tests.
import { sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { queryRows } from "./test-db";

/** Tables in schema public with an organization_id column: the tenant tables. */
export async function tenantTables(db: Queryable): Promise<string[]> {
  const rows = await queryRows<{ relname: string }>(
    db,
    sql`select c.relname
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped
        where n.nspname = 'public' and c.relkind in ('r', 'p')
        order by c.relname`,
  );
  return rows.map((row) => row.relname);
}

/** Every column name of a table, in order. */
export async function columnsOf(db: Queryable, table: string): Promise<string[]> {
  const rows = await queryRows<{ attname: string }>(
    db,
    sql`select a.attname
        from pg_attribute a
        where a.attrelid = ${`public.${table}`}::regclass and a.attnum > 0 and not a.attisdropped
        order by a.attnum`,
  );
  return rows.map((row) => row.attname);
}

/** The rows of one organization in a table, as JSON, in a stable order. Run it as the owner. */
export async function rowsOfOrg(tx: Tx, table: string, orgId: string): Promise<unknown[]> {
  const rows = await queryRows<{ row: unknown }>(
    tx,
    sql`select to_jsonb(t) as row from ${sql.identifier(table)} t
        where t.organization_id = ${orgId}::uuid
        order by to_jsonb(t)::text`,
  );
  return rows.map((r) => r.row);
}

/**
 * Everything stored about one organization: its rows in every tenant table (enumerated from
 * the catalog) plus its organizations row. Compared before/after calls that must not touch it.
 */
export async function snapshotOrg(asOwner: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>, orgId: string): Promise<string> {
  return asOwner(async (tx) => {
    const snapshot: Record<string, unknown> = {};
    for (const table of await tenantTables(tx)) snapshot[table] = await rowsOfOrg(tx, table, orgId);
    snapshot.organizations = await queryRows(tx, sql`select to_jsonb(o) as row from organizations o where o.id = ${orgId}::uuid`);
    return JSON.stringify(snapshot);
  });
}

/** A text[] parameter (drizzle expands a JS array into a tuple, which `= any(...)` rejects). */
export const textArray = (values: string[]) => sql`string_to_array(${values.join(",")}, ',')`;

/** The SQLSTATE and message of the database error a promise rejects with (through drizzle's wrapper). */
export async function databaseError(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    let current: unknown = error;
    while (current && (current as { cause?: unknown }).cause && !(current as { code?: unknown }).code) current = (current as { cause?: unknown }).cause;
    return { code: (current as { code?: string }).code, message: String((current as Error).message) };
  }
  throw new Error("expected the database to refuse this statement, but it succeeded");
}
