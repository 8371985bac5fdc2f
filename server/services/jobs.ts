// What admins see of the organization's background jobs (Settings → Background jobs): the
// recent ones with their attempts and last error, and how many are in each state.
import { count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { OrgContext } from "./context";

export async function listJobs(db: Db, ctx: OrgContext, input: { limit: number }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const items = await tx
      .select({
        id: jobs.id,
        kind: jobs.kind,
        status: jobs.status,
        attempts: jobs.attempts,
        maxAttempts: jobs.maxAttempts,
        runAt: jobs.runAt,
        startedAt: jobs.startedAt,
        finishedAt: jobs.finishedAt,
        lastError: jobs.lastError,
        createdAt: jobs.createdAt,
      })
      .from(jobs)
      .where(eq(jobs.organizationId, ctx.orgId))
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(input.limit);
    const counts = await tx.select({ status: jobs.status, n: count() }).from(jobs).where(eq(jobs.organizationId, ctx.orgId)).groupBy(jobs.status);
    const byStatus = { queued: 0, running: 0, succeeded: 0, failed: 0 };
    for (const row of counts) byStatus[row.status] = row.n;
    return { items, counts: byStatus };
  });
}
