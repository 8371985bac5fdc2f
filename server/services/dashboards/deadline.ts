// Dashboard queries that may read raw responses run under a deadline, so a slow view says so
// instead of hanging: `SET LOCAL statement_timeout` makes Postgres cancel the statement, and an
// app-side timer covers PGlite, which ignores statement_timeout.
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { withOrg } from "@/db/tenancy";
import { DomainError, pgErrorCode } from "../errors";

/** How long one dashboard query may take. */
export const DASHBOARD_QUERY_BUDGET_MS = 8000;

const PG_QUERY_CANCELED = "57014";

export const tooSlow = () => new DomainError("UNPROCESSABLE", "This view took too long to compute. Choose a shorter period or fewer filters.");

/** Throws tooSlow() once the budget is spent: called between a view's statements. */
export type Checkpoint = () => void;

/**
 * Runs fn in the organization's transaction with a statement timeout of budgetMs, and gives
 * up after budgetMs. Two app-side guards, because PGlite ignores statement_timeout and runs
 * its queries without ever yielding to timers: a timer for drivers that do yield (postgres.js,
 * plus a little so Postgres answers first), and a checkpoint fn calls between statements. A
 * single PGlite statement cannot be interrupted; an abandoned transaction finishes in the
 * background and its result is dropped.
 */
export async function withOrgDeadline<T>(db: Db, orgId: string, fn: (tx: Tx, checkpoint: Checkpoint) => Promise<T>, budgetMs = DASHBOARD_QUERY_BUDGET_MS): Promise<T> {
  const endsAt = Date.now() + budgetMs;
  const checkpoint: Checkpoint = () => {
    if (Date.now() > endsAt) throw tooSlow();
  };
  const work = withOrg(db, orgId, async (tx) => {
    // SET LOCAL takes no parameters; budgetMs is a number we control.
    await tx.execute(sql.raw(`set local statement_timeout = ${Math.max(1, Math.round(budgetMs))}`));
    return fn(tx, checkpoint);
  }).catch((error: unknown) => {
    throw pgErrorCode(error) === PG_QUERY_CANCELED ? tooSlow() : error;
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooSlow()), budgetMs + 250);
  });
  work.catch(() => undefined); // an abandoned query's late failure is not an unhandled rejection
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
