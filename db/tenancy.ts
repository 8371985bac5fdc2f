// The one door to tenant data. Every query on a tenant table runs inside withOrg, which
// opens a transaction and sets app.org_id for that transaction only (set_config(..., true)),
// so a pooled connection never carries one organization's context into another request.
// Row-level security then refuses any row of another organization, even if a query forgets
// its organization_id filter (queries still filter explicitly).
import { sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "./client";

export async function withOrg<T>(db: Queryable, orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.org_id', ${orgId}, true)`);
    return fn(tx);
  });
}

/**
 * For reading one user's own memberships across organizations (the org switcher): the
 * memberships_own_rows policy lets app.user_id see its rows, read-only.
 */
export async function withUser<T>(db: Db, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`);
    return fn(tx);
  });
}
