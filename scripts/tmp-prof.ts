import { performance } from "node:perf_hooks";
import { openPostgres } from "@/db/client";
import { dashboardOverview } from "@/server/services/dashboards/overview";
const db = process.env.BENCH_DB!;
const app = await openPostgres({ url: `postgres://postgres@127.0.0.1:5432/${db}`, role: "app", max: 4 });
await (await openPostgres({ url: `postgres://postgres@127.0.0.1:5432/${db}`, role: "owner", migrate: true })).close();
const [row] = await app.client.unsafe(`select id from organizations where name like 'Bench %' limit 1`);
const orgId = (row as { id: string }).id;
const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const views = {
  "90d": { from: day(89), to: day(0), compare: "previous", granularity: "week" },
  "365d": { from: day(364), to: day(0), compare: "previous", granularity: "day" },
} as const;
for (const [name, f] of Object.entries(views).filter(([n]) => !process.env.ONLY || n === process.env.ONLY)) {
  const s: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < Number(process.env.RUNS ?? 30); i++) {
    const t = performance.now();
    await dashboardOverview(app.db, { orgId }, f as never);
    s.push(performance.now() - t);
  }
  s.sort((a, b) => a - b);
  const cpu = process.cpuUsage(c0);
  console.log(name, "p50", s[Math.floor(s.length / 2)]!.toFixed(1), "p95", s[Math.ceil(s.length * 0.95) - 1]!.toFixed(1), "cpu ms per call", ((cpu.user + cpu.system) / 1000 / s.length).toFixed(1));
}
await app.close();
