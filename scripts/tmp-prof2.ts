import { performance } from "node:perf_hooks";
import superjson from "superjson";
import { openPostgres } from "@/db/client";
import { createCaller } from "@/server/trpc/root";
const db = process.env.BENCH_DB!;
const app = await openPostgres({ url: `postgres://postgres@127.0.0.1:5432/${db}`, role: "app", max: 4 });
const owner = await openPostgres({ url: `postgres://postgres@127.0.0.1:5432/${db}`, role: "owner" });
const [row] = (await owner.client.unsafe(`select o.id, o.slug, u.id as user_id, u.session_version from organizations o join memberships m on m.organization_id = o.id and m.role = 'owner' join users u on u.id = m.user_id where o.name like 'Bench %' limit 1`)) as unknown as { id: string; slug: string; user_id: string; session_version: number }[];
const session = { userId: row!.user_id, sessionVersion: row!.session_version, sessionId: crypto.randomUUID(), authenticatedAt: Date.now() };
const caller = createCaller({ db: app.db, session, requestCache: new Map() } as never);
const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const filters = { from: day(89), to: day(0), compare: "previous", granularity: "week" } as const;
let bytes = 0;
for (let i = 0; i < 10; i++) await caller.dashboard.overview({ orgSlug: row!.slug, filters });
const runs = Number(process.env.RUNS ?? 100);
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < runs; i++) {
  const fresh = createCaller({ db: app.db, session, requestCache: new Map() } as never);
  const r = await fresh.dashboard.overview({ orgSlug: row!.slug, filters });
  bytes = superjson.stringify(r).length;
}
const cpu = process.cpuUsage(c0);
console.log("90d procedure+superjson: wall ms/call", ((performance.now() - t0) / runs).toFixed(1), "node cpu ms/call", ((cpu.user + cpu.system) / 1000 / runs).toFixed(2), "bytes", bytes);
await app.close();
