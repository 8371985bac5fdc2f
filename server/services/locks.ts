// Transaction-scoped advisory locks, named by text: for "read then write" steps that a unique
// constraint alone cannot make safe (counting attempts, numbering findings).
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

/** A lock held until the transaction ends. */
export async function advisoryLock(tx: Tx, key: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
