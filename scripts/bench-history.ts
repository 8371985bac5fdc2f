// npm run bench:history — does the journeys list (and so the overview) stay fast as map
// history grows? History is never pruned. On a throwaway Postgres database (created from
// TEST_DATABASE_URL, or the local server, and dropped afterwards) it gives one organization a
// handful of maps, then times the list at 0, 30k and 300k history events, next to the
// previous way of finding each map's last change (max(created_at) over all events).
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { createOrganization, createUser } from "@/db/seed/factories";
import { uuidv7 } from "@/db/schema/_columns";
import type { OrgContext } from "@/server/services/context";
import { createMap, listMaps } from "@/server/services/journey-maps";

const BASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const MAPS = 6;
const STEPS = [0, 30_000, 300_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const WARM_UP = 20;
const BATCH = 10_000;

const name = `waymark_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(BASE_URL, { max: 1, onnotice: () => {} });
const url = new URL(BASE_URL);
url.pathname = `/${name}`;

/** p50 and p95 of `fn`'s wall time in milliseconds, after a few unmeasured runs. */
async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;

await admin.unsafe(`CREATE DATABASE ${name}`);
try {
  // Migrations run as the owner; the list runs as the application role, under RLS, like the app.
  const app = await openPostgres({ url: url.toString(), migrate: true, role: "app", max: 2 });
  const owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const user = await createUser(app.db, { name: "Bench Owner" });
    const org = await createOrganization(app.db, { ownerId: user.id, name: "Bench Corp" });
    const ctx: OrgContext = { orgId: org.id, userId: user.id, role: "owner" };
    const mapIds: string[] = [];
    for (let i = 0; i < MAPS; i++) mapIds.push((await createMap(app.db, ctx, { name: `Map ${i + 1}`, description: "", personaId: null, template: "purchase" })).id);

    // The query the list used before, for comparison: every event of the organization, grouped.
    const previousLastChanges = () =>
      owner.begin(async (tx) => {
        await tx`select set_config('app.org_id', ${org.id}, true)`;
        await tx.unsafe(`set local role waymark_app`);
        return tx`select map_id, max(created_at) from map_events where organization_id = ${org.id} group by map_id`;
      });

    console.log(`bench:history — ${MAPS} maps in one organization, ${RUNS} runs per figure (p50 / p95)\n`);
    console.log("history events   journeyMap.list (now)        previous last-change query alone");
    // Connections, prepared statements and the JIT warm up first, so the first figure is not theirs.
    await time(() => listMaps(app.db, ctx));
    await time(previousLastChanges);
    let inserted = 0;
    for (const target of STEPS) {
      while (inserted < target) {
        const n = Math.min(BATCH, target - inserted);
        // Time-ordered ids, as the app writes them; spread over the maps like real editing.
        const ids = Array.from({ length: n }, () => uuidv7());
        const maps = ids.map((_, i) => mapIds[(inserted + i) % MAPS]!);
        await owner`
          insert into map_events (organization_id, id, map_id, action, data)
          select ${org.id}::uuid, id, map_id, 'touchpoint.updated', '{"name":"Bench"}'::jsonb
          from unnest(${ids}::uuid[], ${maps}::uuid[]) as e(id, map_id)`;
        inserted += n;
      }
      await owner`analyze map_events`;
      const list = await time(() => listMaps(app.db, ctx));
      const previous = await time(previousLastChanges);
      console.log(`${String(target).padStart(14)}   ${ms(list.p50)} / ${ms(list.p95)}   ${ms(previous.p50)} / ${ms(previous.p95)}`);
    }
    const listed = await listMaps(app.db, ctx);
    if (listed.length !== MAPS) throw new Error(`expected ${MAPS} maps in the list, got ${listed.length}`);
  } finally {
    await owner.end();
    await app.close();
  }
} finally {
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
