// The job queue's statements: enqueue (inside an organization's transaction), claim across
// organizations (the one SECURITY DEFINER door, waymark_claim_jobs), and finish, fail or
// extend a claimed job — each of those only while the runner still holds the job's lease.
import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Db, type Queryable, type Tx } from "@/db/client";
import { jobs } from "@/db/schema";
import { withOrg } from "@/db/tenancy";

export interface ClaimedJob {
  orgId: string;
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  dedupeKey: string | null;
  lockedUntil: Date;
}

export interface EnqueueInput {
  orgId: string;
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
  /** At most one queued or running job per key in the organization; a second enqueue only moves a queued one earlier. */
  dedupeKey?: string;
}

/** Adds a job in the caller's organization transaction (so it commits with the change that wants it). Returns its id (or the queued one's, moved earlier), or null when deduplicated. */
export async function enqueueJob(tx: Tx, input: EnqueueInput): Promise<string | null> {
  const [row] = await tx
    .insert(jobs)
    .values({
      organizationId: input.orgId,
      kind: input.kind,
      payload: input.payload ?? {},
      runAt: input.runAt ?? new Date(),
      maxAttempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      dedupeKey: input.dedupeKey ?? null,
    })
    // Already queued for later: this enqueue's earlier time wins (a new alert is checked now, not
    // at the next periodic check the last run queued); otherwise the enqueue is a no-op.
    .onConflictDoUpdate({
      target: [jobs.organizationId, jobs.dedupeKey],
      targetWhere: sql`${jobs.dedupeKey} is not null and ${jobs.status} in ('queued', 'running')`,
      set: { runAt: sql`excluded.run_at` },
      setWhere: sql`${jobs.status} = 'queued' and excluded.run_at < ${jobs.runAt}`,
    })
    .returning({ id: jobs.id });
  return row?.id ?? null;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min, … capped at an hour. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 60 * 60_000;

export function retryDelayMs(failedAttempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, failedAttempts - 1), RETRY_MAX_MS);
}

interface ClaimedRow extends Record<string, unknown> {
  organization_id: string;
  id: string;
  kind: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  max_attempts: number;
  dedupe_key: string | null;
  locked_until: Date | string;
}

/** Claims up to `max` due jobs of any organization for this runner, in one short transaction. */
export async function claimJobs(db: Db, p: { runner: string; leaseMs: number; max: number; now: Date }): Promise<ClaimedJob[]> {
  const rows = await queryRows<ClaimedRow>(db, sql`select * from waymark_claim_jobs(${p.runner}, ${p.leaseMs}::integer, ${p.max}::integer, ${p.now.toISOString()}::timestamptz)`);
  return rows.map((r) => ({
    orgId: r.organization_id,
    id: r.id,
    kind: r.kind,
    payload: typeof r.payload === "string" ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    dedupeKey: r.dedupe_key,
    lockedUntil: new Date(r.locked_until),
  }));
}

/** The job, only while this runner holds it: a runner whose lease was taken over changes nothing. */
const heldBy = (job: { orgId: string; id: string }, runner: string) =>
  and(eq(jobs.organizationId, job.orgId), eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.lockedBy, runner));

/** Moves the lease forward; false when the job is no longer this runner's. */
export async function extendLease(db: Queryable, job: ClaimedJob, p: { runner: string; leaseMs: number; now: Date }): Promise<boolean> {
  return withOrg(db, job.orgId, async (tx) => {
    const updated = await tx
      .update(jobs)
      .set({ lockedUntil: new Date(p.now.getTime() + p.leaseMs), updatedAt: p.now })
      .where(heldBy(job, p.runner))
      .returning({ id: jobs.id });
    return updated.length === 1;
  });
}

/** Marks the job done; `then` runs in the same transaction (e.g. the next run of a schedule). */
export async function completeJob(db: Queryable, job: ClaimedJob, p: { runner: string; now: Date; then?: (tx: Tx) => Promise<unknown> }): Promise<boolean> {
  return withOrg(db, job.orgId, async (tx) => {
    const updated = await tx
      .update(jobs)
      .set({ status: "succeeded", lockedBy: null, lockedUntil: null, finishedAt: p.now, updatedAt: p.now })
      .where(heldBy(job, p.runner))
      .returning({ id: jobs.id });
    if (updated.length === 1) await p.then?.(tx);
    return updated.length === 1;
  });
}

/**
 * Records a failed attempt: queued again after the back-off while attempts remain, else failed
 * for good. The error's message is kept for admins (Settings → Background jobs).
 */
export async function failJob(
  db: Queryable,
  job: ClaimedJob,
  p: { runner: string; now: Date; error: string; then?: (tx: Tx, final: boolean) => Promise<unknown> },
): Promise<"retry" | "failed" | "lost"> {
  const final = job.attempts >= job.maxAttempts;
  return withOrg(db, job.orgId, async (tx) => {
    const updated = await tx
      .update(jobs)
      .set(
        final
          ? { status: "failed", lockedBy: null, lockedUntil: null, lastError: p.error, finishedAt: p.now, updatedAt: p.now }
          : { status: "queued", lockedBy: null, lockedUntil: null, lastError: p.error, runAt: new Date(p.now.getTime() + retryDelayMs(job.attempts)), updatedAt: p.now },
      )
      .where(heldBy(job, p.runner))
      .returning({ id: jobs.id });
    if (updated.length === 0) return "lost";
    await p.then?.(tx, final);
    return final ? "failed" : "retry";
  });
}
