// The durable job runner on a real database (PGlite, or Postgres with TEST_DATABASE_URL):
// two runners never run one job twice, a runner that dies mid-job loses its lease to another,
// failures back off on the runner's clock and leave their error for admins, and recurring
// jobs queue their next run once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { jobs } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { createOrganization, createUser } from "@/db/seed/factories";
import { enqueueJob } from "@/server/jobs/queue";
import { JobRunner, type JobDefinition } from "@/server/jobs/runner";
import { uniqueSuffix } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

async function newOrg() {
  const owner = await createUser(t.db, {});
  return createOrganization(t.db, { ownerId: owner.id, name: `Jobs ${uniqueSuffix()}` });
}

/** A clock the test moves by hand. */
function manualClock(start = new Date()) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function jobRow(orgId: string, id: string) {
  const [row] = await withOrg(t.db, orgId, (tx) => tx.select().from(jobs).where(and(eq(jobs.organizationId, orgId), eq(jobs.id, id))));
  return row!;
}

const silent = () => {};

describe("job runner", () => {
  it("two runners on one database run each of many jobs exactly once", async () => {
    const orgs = [await newOrg(), await newOrg()];
    const kind = `count-${uniqueSuffix()}`;
    const ids: { orgId: string; id: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const orgId = orgs[i % 2]!.id;
      const id = await withOrg(t.db, orgId, (tx) => enqueueJob(tx, { orgId, kind, payload: { i } }));
      ids.push({ orgId, id: id! });
    }
    const executions = new Map<string, number>();
    const ranIn = new Map<string, string>();
    const definition: JobDefinition = {
      kind,
      async run({ job, orgId }) {
        executions.set(job.id, (executions.get(job.id) ?? 0) + 1);
        ranIn.set(job.id, orgId);
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    };
    const runners = [1, 2].map((n) => new JobRunner(t.db, { id: `runner-${n}`, definitions: [definition], concurrency: 4, pollMs: 5, log: silent }));
    for (const runner of runners) runner.start();
    const deadline = Date.now() + 90_000;
    while (executions.size < ids.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all(runners.map((runner) => runner.stop()));

    expect(executions.size).toBe(60);
    expect([...executions.values()].every((n) => n === 1)).toBe(true);
    for (const { orgId, id } of ids) {
      expect(ranIn.get(id)).toBe(orgId);
      const row = await jobRow(orgId, id);
      expect(row.status).toBe("succeeded");
      expect(row.attempts).toBe(1);
    }
  }, 120_000);

  it("a job whose runner died mid-run is run again by another runner once the lease has passed", async () => {
    const org = await newOrg();
    const clock = manualClock();
    const kind = `die-${uniqueSuffix()}`;
    const id = (await withOrg(t.db, org.id, (tx) => enqueueJob(tx, { orgId: org.id, kind, runAt: clock.now() })))!;
    const runs: string[] = [];
    let started!: () => void;
    const startedOnA = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const definition: JobDefinition = {
      kind,
      async run() {
        runs.push(runs.length === 0 ? "A" : "B");
        if (runs.length === 1) {
          started();
          await gate;
        }
      },
    };
    const a = new JobRunner(t.db, { id: "runner-a", definitions: [definition], leaseMs: 30_000, clock: clock.now, log: silent });
    const b = new JobRunner(t.db, { id: "runner-b", definitions: [definition], leaseMs: 30_000, clock: clock.now, log: silent });

    const aRun = a.runOnce();
    await startedOnA;
    a.kill();
    expect((await jobRow(org.id, id)).lockedBy).toBe("runner-a");
    // The lease still holds: nobody else takes the job.
    clock.advance(29_000);
    expect(await b.runOnce()).toBe(0);
    clock.advance(2_000);
    expect(await b.runOnce()).toBe(1);
    // The dead runner's handler finishing late changes nothing.
    release();
    await aRun;

    expect(runs).toEqual(["A", "B"]);
    const row = await jobRow(org.id, id);
    expect(row.status).toBe("succeeded");
    expect(row.attempts).toBe(2);
    expect(row.lockedBy).toBeNull();
  });

  it("retries a failing job with exponential back-off on the runner's clock, then fails it with its last error", async () => {
    const org = await newOrg();
    const clock = manualClock();
    const kind = `fail-${uniqueSuffix()}`;
    const id = (await withOrg(t.db, org.id, (tx) => enqueueJob(tx, { orgId: org.id, kind, runAt: clock.now(), maxAttempts: 3 })))!;
    let attempt = 0;
    const runner = new JobRunner(t.db, {
      definitions: [{ kind, run: async () => { throw new Error(`receiver answered 503 (attempt ${++attempt})`); } }],
      clock: clock.now,
      log: silent,
    });
    const t0 = clock.now().getTime();

    expect(await runner.runOnce()).toBe(1);
    let row = await jobRow(org.id, id);
    expect(row).toMatchObject({ status: "queued", attempts: 1, lastError: "receiver answered 503 (attempt 1)" });
    // First back-off: 30 s.
    expect(row.runAt.getTime()).toBe(t0 + 30_000);
    clock.advance(29_999);
    expect(await runner.runOnce()).toBe(0);
    clock.advance(1);
    expect(await runner.runOnce()).toBe(1);
    row = await jobRow(org.id, id);
    // Second back-off: 60 s after the second attempt.
    expect(row).toMatchObject({ status: "queued", attempts: 2, lastError: "receiver answered 503 (attempt 2)" });
    expect(row.runAt.getTime()).toBe(t0 + 30_000 + 60_000);
    clock.advance(60_000);
    expect(await runner.runOnce()).toBe(1);
    row = await jobRow(org.id, id);
    expect(row).toMatchObject({ status: "failed", attempts: 3, lastError: "receiver answered 503 (attempt 3)" });
    clock.advance(24 * 3_600_000);
    expect(await runner.runOnce()).toBe(0);
  });

  it("a job whose runner died on its last allowed attempt is failed, not run again", async () => {
    const org = await newOrg();
    const clock = manualClock();
    const kind = `last-${uniqueSuffix()}`;
    const id = (await withOrg(t.db, org.id, (tx) => enqueueJob(tx, { orgId: org.id, kind, runAt: clock.now(), maxAttempts: 1 })))!;
    let runs = 0;
    const hang: JobDefinition = { kind, run: () => (runs++, new Promise<void>(() => {})) };
    const a = new JobRunner(t.db, { id: "runner-a", definitions: [hang], leaseMs: 10_000, clock: clock.now, log: silent });
    const b = new JobRunner(t.db, { id: "runner-b", definitions: [hang], leaseMs: 10_000, clock: clock.now, log: silent });
    void a.runOnce();
    while (runs === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    a.kill();
    clock.advance(10_001);
    expect(await b.runOnce()).toBe(0);
    expect(runs).toBe(1);
    expect(await jobRow(org.id, id)).toMatchObject({ status: "failed", attempts: 1, lastError: "The runner stopped before finishing (its lease expired) on the last allowed attempt." });
  });

  it("a job of an unknown kind fails with an error that names the kind", async () => {
    const org = await newOrg();
    const kind = `unknown-${uniqueSuffix()}`;
    const id = (await withOrg(t.db, org.id, (tx) => enqueueJob(tx, { orgId: org.id, kind, maxAttempts: 1 })))!;
    const runner = new JobRunner(t.db, { definitions: [], log: silent });
    expect(await runner.runOnce()).toBe(1);
    expect(await jobRow(org.id, id)).toMatchObject({ status: "failed", lastError: `No handler for jobs of kind "${kind}".` });
  });

  it("enqueueing a deduplicated job sooner moves the queued one earlier (a new alert is checked now, not at the next periodic run)", async () => {
    const org = await newOrg();
    const clock = manualClock();
    const kind = `sooner-${uniqueSuffix()}`;
    const later = await withOrg(t.db, org.id, (tx) => enqueueJob(tx, { orgId: org.id, kind, dedupeKey: kind, runAt: new Date(clock.now().getTime() + 300_000) }));
    expect(later).not.toBeNull();
    expect(await withOrg(t.db, org.id, (tx) => enqueueJob(tx, { orgId: org.id, kind, dedupeKey: kind, runAt: new Date(clock.now().getTime() + 600_000) }))).toBeNull();
    expect(await withOrg(t.db, org.id, (tx) => enqueueJob(tx, { orgId: org.id, kind, dedupeKey: kind, runAt: clock.now() }))).toBe(later);
    const queued = await withOrg(t.db, org.id, (tx) => tx.select().from(jobs).where(and(eq(jobs.organizationId, org.id), eq(jobs.kind, kind))));
    expect(queued.map((j) => [j.status, j.runAt.getTime()])).toEqual([["queued", clock.now().getTime()]]);
    let runs = 0;
    const runner = new JobRunner(t.db, { definitions: [{ kind, run: async () => void runs++ }], clock: clock.now, log: silent });
    expect(await runner.runOnce()).toBe(1);
    expect(runs).toBe(1);
  });

  it("a recurring job queues its next run once; enqueueing the same schedule again is a no-op", async () => {
    const org = await newOrg();
    const clock = manualClock();
    const kind = `every-${uniqueSuffix()}`;
    const schedule = { orgId: org.id, kind, dedupeKey: kind, runAt: clock.now() };
    const first = await withOrg(t.db, org.id, (tx) => enqueueJob(tx, schedule));
    expect(first).not.toBeNull();
    expect(await withOrg(t.db, org.id, (tx) => enqueueJob(tx, schedule))).toBeNull();
    let runs = 0;
    const runner = new JobRunner(t.db, { definitions: [{ kind, everyMs: 300_000, run: async () => void runs++ }], clock: clock.now, log: silent });

    expect(await runner.runOnce()).toBe(1);
    const queued = await withOrg(t.db, org.id, (tx) => tx.select().from(jobs).where(and(eq(jobs.organizationId, org.id), eq(jobs.kind, kind), eq(jobs.status, "queued"))));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.runAt.getTime()).toBe(clock.now().getTime() + 300_000);
    expect(await runner.runOnce()).toBe(0);
    clock.advance(300_000);
    expect(await runner.runOnce()).toBe(1);
    expect(runs).toBe(2);
  });
});
