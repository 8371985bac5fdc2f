// The job runner: polls for due jobs of every organization, runs each one's handler in that
// organization's context, and records the outcome. Several runners (app instances) can share
// one database: a claim takes jobs with SKIP LOCKED and leases them; a heartbeat keeps the
// lease while the handler runs, and a runner that dies simply stops renewing it, so another
// runner picks the job up once the lease has passed. Delivery is therefore at least once when
// a runner dies mid-job, exactly once otherwise; handlers are written to be safe to repeat.
import os from "node:os";
import { randomBytes } from "node:crypto";
import type { Db, Tx } from "@/db/client";
import { claimJobs, completeJob, enqueueJob, extendLease, failJob, type ClaimedJob } from "./queue";

export interface JobContext {
  db: Db;
  orgId: string;
  job: ClaimedJob;
  /** The runner's clock (injected in tests). */
  now(): Date;
}

export interface JobDefinition {
  kind: string;
  run(ctx: JobContext): Promise<void>;
  /** Recurring: after each run (success or final failure) the next one is queued this many ms later. */
  everyMs?: number;
}

export interface JobRunnerOptions {
  definitions: JobDefinition[];
  /** Distinguishes runners in `locked_by`; defaults to host, pid and a random part. */
  id?: string;
  leaseMs?: number;
  pollMs?: number;
  /** Jobs run at the same time by this runner. */
  concurrency?: number;
  clock?: () => Date;
  log?: (message: string) => void;
}

const MAX_ERROR_LENGTH = 2_000;

export class JobRunner {
  readonly id: string;
  private readonly definitions: Map<string, JobDefinition>;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly clock: () => Date;
  private readonly log: (message: string) => void;
  private readonly running = new Set<Promise<void>>();
  private readonly heartbeats = new Set<NodeJS.Timeout>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private dead = false;

  constructor(
    private readonly db: Db,
    options: JobRunnerOptions,
  ) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.definitions = new Map(options.definitions.map((d) => [d.kind, d]));
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 2_000;
    this.concurrency = options.concurrency ?? 2;
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? ((message) => console.error(`[jobs] ${message}`));
  }

  /** Starts polling. */
  start() {
    if (!this.stopped || this.dead) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.claimAndStart()
        .catch((error: unknown) => this.log(`claim failed: ${messageOf(error)}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.pollMs);
        });
    };
    tick();
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.running]);
  }

  /**
   * Behaves like a process that died: stops polling and renewing leases at once, and whatever
   * its handlers do afterwards no longer counts. For tests of lease expiry.
   */
  kill() {
    this.dead = true;
    this.stopped = true;
    clearTimeout(this.timer);
    for (const heartbeat of this.heartbeats) clearInterval(heartbeat);
    this.heartbeats.clear();
  }

  /** Claims what is due (up to the free slots), runs it and waits for it: one poll, for tests and scripts. */
  async runOnce(): Promise<number> {
    const started = await this.claimAndStart();
    await Promise.allSettled(started);
    return started.length;
  }

  private async claimAndStart(): Promise<Promise<void>[]> {
    const free = this.concurrency - this.running.size;
    if (free <= 0 || this.dead) return [];
    const claimed = await claimJobs(this.db, { runner: this.id, leaseMs: this.leaseMs, max: free, now: this.clock() });
    return claimed.map((job) => {
      const execution = this.execute(job).finally(() => this.running.delete(execution));
      this.running.add(execution);
      return execution;
    });
  }

  private async execute(job: ClaimedJob) {
    const definition = this.definitions.get(job.kind);
    const heartbeat = setInterval(() => {
      extendLease(this.db, job, { runner: this.id, leaseMs: this.leaseMs, now: this.clock() }).catch((error: unknown) => this.log(`lease of job ${job.id} not extended: ${messageOf(error)}`));
    }, Math.max(10, Math.floor(this.leaseMs / 3)));
    this.heartbeats.add(heartbeat);
    let failure: string | null = null;
    try {
      if (!definition) throw new Error(`No handler for jobs of kind "${job.kind}".`);
      await definition.run({ db: this.db, orgId: job.orgId, job, now: this.clock });
    } catch (error) {
      failure = messageOf(error).slice(0, MAX_ERROR_LENGTH);
    } finally {
      clearInterval(heartbeat);
      this.heartbeats.delete(heartbeat);
    }
    if (this.dead) return;
    const now = this.clock();
    const scheduleNext = (tx: Tx) => this.scheduleNext(tx, definition, job, now);
    try {
      if (failure === null) {
        if (!(await completeJob(this.db, job, { runner: this.id, now, then: scheduleNext }))) this.log(`job ${job.id} (${job.kind}) finished after its lease passed to another runner`);
      } else {
        const outcome = await failJob(this.db, job, { runner: this.id, now, error: failure, then: (tx, final) => (final ? scheduleNext(tx) : Promise.resolve()) });
        this.log(`job ${job.id} (${job.kind}) attempt ${job.attempts} failed (${outcome}): ${failure}`);
      }
    } catch (error) {
      // The lease runs out and another runner retries it.
      this.log(`job ${job.id} (${job.kind}) outcome not recorded: ${messageOf(error)}`);
    }
  }

  private async scheduleNext(tx: Tx, definition: JobDefinition | undefined, job: ClaimedJob, now: Date) {
    if (!definition?.everyMs) return;
    await enqueueJob(tx, { orgId: job.orgId, kind: job.kind, payload: job.payload, dedupeKey: job.dedupeKey ?? undefined, maxAttempts: job.maxAttempts, runAt: new Date(now.getTime() + definition.everyMs) });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
