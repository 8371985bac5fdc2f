// Background jobs: one durable queue for the whole app (alert checks now; SLA clocks, webhooks
// and emails next). A job belongs to one organization and runs in its context; the runner
// (server/jobs/runner.ts) claims due jobs across organizations through one SECURITY DEFINER
// function, waymark_claim_jobs (migration 0010), with FOR UPDATE SKIP LOCKED and a lease.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, organizationIdColumn, updatedAtColumn } from "./_columns";
import { organizations } from "./organizations";

export const jobStatus = pgEnum("job_status", ["queued", "running", "succeeded", "failed"]);

export const jobs = pgTable(
  "jobs",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    /** Which handler runs it, e.g. `alert.check` (server/jobs/registry.ts). */
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** Not before this instant; moved forward by the back-off after a failure. */
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    /** Runs started so far (a claim counts one, even if the runner then died). */
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    status: jobStatus("status").notNull().default("queued"),
    /** The runner holding the lease while running; completion only counts from that runner. */
    lockedBy: text("locked_by"),
    /** The lease: a running job whose lease has passed is claimed again (its runner died). */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    /** At most one queued or running job per key in an organization (recurring schedules). */
    dedupeKey: text("dedupe_key"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // The claim's scan: due queued jobs and running jobs past their lease, oldest first.
    index("jobs_due_idx").on(t.runAt).where(sql`${t.status} in ('queued', 'running')`),
    index("jobs_org_created_idx").on(t.organizationId, t.createdAt.desc()),
    uniqueIndex("jobs_org_dedupe_key").on(t.organizationId, t.dedupeKey).where(sql`${t.dedupeKey} is not null and ${t.status} in ('queued', 'running')`),
  ],
);
