// The one way to load a child record: by (organization_id, id), or NOT_FOUND. Written once so
// the organization filter cannot be forgotten in one copy — row-level security would hide
// such a slip, and a lookup must not depend on it alone (ARCHITECTURE.md, tenancy rule 6).
import { and, eq, type Column, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { notFound } from "./errors";

/** Any tenant table: every one has these two columns. */
export type TenantTable = PgTable & { organizationId: Column; id: Column };

export interface OrgKey {
  orgId: string;
  id: string;
}

/** `organization_id = $orgId and id = $id`: for reads, updates and deletes alike. */
export function inOrg(table: TenantTable, key: OrgKey): SQL {
  // and() of two conditions is never undefined.
  return and(eq(table.organizationId, key.orgId), eq(table.id, key.id))!;
}

interface LoadOptions {
  /** Lock the row for the rest of the transaction (e.g. before a state change that depends on it). */
  lock?: "update";
}

/** The record, or undefined when this organization has none with that id. */
export async function findInOrg<T extends TenantTable>(tx: Tx, table: T, key: OrgKey, options: LoadOptions = {}): Promise<T["$inferSelect"] | undefined> {
  // Drizzle cannot infer a select's row type for a table that is still a type parameter, so
  // the query sees a plain PgTable and its row is typed here: `select()` returns exactly the
  // table's columns, which is what `$inferSelect` describes.
  const query = tx.select().from(table as PgTable).where(inOrg(table, key)).limit(1);
  const [row] = options.lock ? await query.for(options.lock) : await query;
  return row as T["$inferSelect"] | undefined;
}

/** The record, or NOT_FOUND ("`what` not found.") when this organization has none with that id. */
export async function loadInOrg<T extends TenantTable>(tx: Tx, table: T, key: OrgKey, what: string, options?: LoadOptions): Promise<T["$inferSelect"]> {
  const row = await findInOrg(tx, table, key, options);
  if (!row) throw notFound(what);
  return row;
}

/**
 * A domain's loader, e.g. `loadStage(tx, ctx, stageId)`: loadInOrg bound to a table and the
 * name users see in the NOT_FOUND message.
 */
export function inOrgLoader<T extends TenantTable>(table: T, what: string) {
  return (tx: Tx, ctx: { orgId: string }, id: string): Promise<T["$inferSelect"]> => loadInOrg(tx, table, { orgId: ctx.orgId, id }, what);
}
