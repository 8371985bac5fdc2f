// npm run bench:dashboard [rows] — how fast the dashboards answer (issue 9, "Speed"). Loads
// `rows` responses (default 1,000,000) for one organization (50 touchpoints, 365 days) and four
// times as many for four other organizations into a throwaway Postgres database (generate_series,
// then each organization's rollup rebuilt by the app's own statement), then measures:
//   (a) the overview procedure through createCaller (access check included),
//   (b) the same procedure over HTTP under load (tRPC's node:http adapter; autocannon, 16
//       connections, 10 s, loopback, in a child process),
//   (c) the bare SQL the procedure runs on the rollup (postgres.js, no tRPC, no drizzle),
//   (d) the same answer as a GROUP BY over the raw responses, tuned: the covering index and
//       ndistinct statistics of migration 0009, custom plans (prepare: false),
//   (e) a bare node:http server running (c) under the same load;
// and the overview's p95 on PGlite with the demo organization (about 50,000 responses).
// Ends with machine-readable lines: p95_ms_90d, p95_ms_365d_day, ratio_vs_raw (d/a, 90 days),
// http_ratio (b/e req/s).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { openPglite, openPostgres, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createOrganization, createUser } from "@/db/seed/factories";
import { seedDemo, DEMO_ORG } from "@/db/seed/demo";
import { withOrg } from "@/db/tenancy";
import type { DashboardFilters } from "@/server/schemas/dashboard";
import type { OrgContext } from "@/server/services/context";
import { rebuildDailyRollup } from "@/server/services/daily-rollup";
import { dashboardOverview } from "@/server/services/dashboards/overview";
import { createMap } from "@/server/services/journey-maps";
import { createStage } from "@/server/services/stages";
import { createSurvey } from "@/server/services/surveys";
import { createTouchpoint } from "@/server/services/touchpoints";
import { appRouter, createCaller } from "@/server/trpc/root";
import type { Context } from "@/server/trpc/context";

const TOUCHPOINTS = 50;
const OTHER_ORGS = 4;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CHUNK = 250_000;


interface BenchOrg {
  ctx: OrgContext;
  slug: string;
  user: { id: string; sessionVersion: number };
}

async function makeOrg(db: Db, name: string, touchpointCount: number) {
  const user = await createUser(db, { name: `${name} owner` });
  const org = await createOrganization(db, { ownerId: user.id, name: `${name} ${randomBytes(3).toString("hex")}` });
  const ctx: OrgContext = { orgId: org.id, userId: user.id, role: "owner" };
  const map = await createMap(db, ctx, { name: `${name} journey`, description: "", personaId: null, template: "blank" });
  const touchpointIds: string[] = [];
  const stages = 5;
  for (let s = 0; s < stages; s++) {
    const stage = await createStage(db, ctx, { mapId: map.id, name: `Stage ${s + 1}`, description: "" });
    for (let i = s; i < touchpointCount; i += stages) {
      const created = await createTouchpoint(db, ctx, { stageId: stage.id, name: `Touchpoint ${i}`, key: `tp-${i}`, channel: (["web", "phone", "chat", "email", "store"] as const)[i % 5]!, description: "", teamId: null, customerAction: "", expectedEmotion: null, notes: "" });
      touchpointIds.push(created.id);
    }
  }
  const survey = await createSurvey(db, ctx, { name: `${name} pulse` });
  return { org: { ctx, slug: org.slug, user } satisfies BenchOrg, touchpointIds, surveyId: survey.id };
}

/** `count` responses over the 365 days before now, spread over the touchpoints, scores and segments, straight into the table. */
async function loadResponses(owner: postgres.Sql, p: { orgId: string; surveyId: string; touchpointIds: string[]; count: number; label: string }) {
  for (let start = 0; start < p.count; start += CHUNK) {
    const end = Math.min(p.count, start + CHUNK);
    await owner.unsafe(
      `insert into survey_responses (organization_id, id, external_id, survey_id, touchpoint_id, submitted_at, csat, nps, ces, comment, channel, segment)
       select $1::uuid, gen_random_uuid(), 'r-' || g, $2::uuid, ($3::uuid[])[1 + g % array_length($3::uuid[], 1)],
              now() - ((g::bigint * 7919) % (365 * 86400)) * interval '1 second',
              case when g % 10 < 8 then 1 + (g * 13 + g / 7) % 5 end,
              case when g % 10 >= 4 then (g * 7 + g / 11) % 11 end,
              case when g % 10 < 4 or g % 10 = 9 then 1 + (g * 3 + g / 5) % 7 end,
              case when g % 5 = 0 then (array['Late delivery', 'On hold for ages', 'Great help', 'Confusing set-up'])[1 + g % 4] end,
              'web',
              jsonb_build_object('region', (array['North', 'South', 'East', 'West'])[1 + g % 4], 'age_band', (array['18-24', '25-34', '35-44', '45-54', '55+'])[1 + g % 5])
       from generate_series($4::bigint, $5::bigint) g`,
      [p.orgId, p.surveyId, `{${p.touchpointIds.join(",")}}`, start, end - 1],
    );
    process.stdout.write(`\r  ${p.label}: ${end.toLocaleString("en")} responses`);
  }
  process.stdout.write("\n");
}

const percentile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timeRuns(label: string, run: () => Promise<unknown>, runs = RUNS) {
  // A call that runs out of the dashboards' time budget says so; it is counted at the time it took.
  let outOfTime = 0;
  const attempt = async () => {
    try {
      await run();
    } catch (error) {
      if ((error as { code?: string }).code !== "UNPROCESSABLE_CONTENT") throw error;
      outOfTime++;
    }
  };
  for (let i = 0; i < 5; i++) await attempt();
  outOfTime = 0;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await attempt();
    samples.push(performance.now() - started);
  }
  const result = { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
  console.log(`  ${label.padEnd(52)} p50 ${ms(result.p50).padStart(10)}   p95 ${ms(result.p95).padStart(10)}${outOfTime ? `   (${outOfTime} of ${runs} ran out of time)` : ""}`);
  return result;
}

/** autocannon in a child process (the servers run in this one), 16 connections. */
async function load(label: string, url: string) {
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/autocannon/autocannon.js", "-c", "16", "-d", String(LOAD_SECONDS), "-j", url], { stdio: ["ignore", "pipe", "ignore"] });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.on("error", reject);
    child.on("exit", () => resolve(text));
  });
  const result = JSON.parse(output) as { requests: { average: number }; latency: { p50: number; p97_5: number; p99: number }; non2xx: number; errors: number };
  console.log(`  ${label.padEnd(52)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${result.latency.p50} ms   p97.5 ${result.latency.p97_5} ms   non-2xx ${result.non2xx}, errors ${result.errors}`);
  return result.requests.average;
}

const listen = (server: http.Server) => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

/** The statements a call sends, captured through a logging drizzle handle on the same client. */
async function captureStatements(client: postgres.Sql, call: (db: Db) => Promise<unknown>) {
  const statements: { query: string; params: unknown[] }[] = [];
  const db = drizzle({ client, schema, logger: { logQuery: (query, params) => void statements.push({ query, params }) } }) as unknown as Db;
  await call(db);
  return statements;
}

const daysBeforeToday = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** One bench organization and OTHER_ORGS others, their responses and rollups. */
async function loadAll(app: Db, owner: postgres.Sql, count: number, name: string): Promise<BenchOrg> {
  console.log(`Loading ${count.toLocaleString("en")} responses for one organization and ${(count * OTHER_ORGS).toLocaleString("en")} for ${OTHER_ORGS} others (Postgres, ${name}):`);
  const loadStarted = performance.now();
  const target = await makeOrg(app, "Bench", TOUCHPOINTS);
  await loadResponses(owner, { orgId: target.org.ctx.orgId, surveyId: target.surveyId, touchpointIds: target.touchpointIds, count, label: "target" });
  const others = [];
  for (let i = 0; i < OTHER_ORGS; i++) {
    const other = await makeOrg(app, `Other ${i + 1}`, 10);
    await loadResponses(owner, { orgId: other.org.ctx.orgId, surveyId: other.surveyId, touchpointIds: other.touchpointIds, count, label: `other ${i + 1}` });
    others.push(other);
  }
  for (const o of [target, ...others]) await withOrg(app, o.org.ctx.orgId, (tx) => rebuildDailyRollup(tx, { orgId: o.org.ctx.orgId, timeZone: "UTC" }));
  // What autovacuum does after a bulk load: statistics, and the visibility map that index-only scans read.
  await owner.unsafe("vacuum analyze");
  console.log(`  loaded and rolled up in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s\n`);
  return target.org;
}

/** A database kept by an earlier run (BENCH_KEEP_DB=1): its bench organization, loaded already. */
async function loadedTarget(owner: postgres.Sql): Promise<BenchOrg> {
  const rows = await owner.unsafe(
    `select o.id as org_id, o.slug, u.id as user_id, u.session_version from organizations o
     join memberships m on m.organization_id = o.id and m.role = 'owner' join users u on u.id = m.user_id
     where o.name like 'Bench %' limit 1`,
  );
  const row = rows[0] as { org_id: string; slug: string; user_id: string; session_version: number } | undefined;
  if (!row) throw new Error("BENCH_DB has no bench organization: run once with BENCH_KEEP_DB=1");
  return { ctx: { orgId: row.org_id, userId: row.user_id, role: "owner" }, slug: row.slug, user: { id: row.user_id, sessionVersion: row.session_version } };
}

async function main(count: number) {
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  // BENCH_DB reuses a database an earlier run kept (BENCH_KEEP_DB=1), skipping the load.
  const reuse = process.env.BENCH_DB;
  const keep = Boolean(reuse) || process.env.BENCH_KEEP_DB === "1";
  const name = reuse ?? `waymark_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  if (!reuse) await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const owner = await openPostgres({ url: url.toString(), role: "owner", migrate: true, max: 4 });
  const app = await openPostgres({ url: url.toString(), role: "app", max: 16 });
  const appCustomPlans = await openPostgres({ url: url.toString(), role: "app", max: 4, prepare: false });
  try {
    const org = reuse ? await loadedTarget(owner.client) : await loadAll(app.db, owner.client, count, name);
    const session = { userId: org.user.id, sessionVersion: org.user.sessionVersion, sessionId: crypto.randomUUID(), authenticatedAt: Date.now() };
    const views: Record<string, DashboardFilters> = {
      "90d": { from: daysBeforeToday(89), to: daysBeforeToday(0), compare: "previous", granularity: "week" },
      "365d_day": { from: daysBeforeToday(364), to: daysBeforeToday(0), compare: "previous", granularity: "day" },
    };
    const caller = createCaller({ db: app.db, session });
    // The same SQL the procedure sends, bare: on the rollup (c), and answered from raw responses (d).
    const rollupSql = await captureStatements(app.client, (db) => dashboardOverview(db, org.ctx, views["90d"]!));
    const rawSql = await captureStatements(app.client, (db) => dashboardOverview(db, org.ctx, views["90d"]!, { path: "raw" }));
    const bare = (statements: { query: string; params: unknown[] }[]) => statements.filter((s) => /touchpoint_daily_stats|survey_responses|from "?touchpoints"?/i.test(s.query));
    const bareRollup = bare(rollupSql);
    const bareRaw = bare(rawSql).filter((s) => !/touchpoint_daily_stats/.test(s.query));
    if (bareRaw.length === 0 || !bareRaw.some((s) => /survey_responses/.test(s.query))) throw new Error("the raw path sent no query over survey_responses");
    const customPlans = postgres(url.toString(), { max: 16, prepare: false, onnotice: () => {} });
    const runAll = async (client: postgres.Sql, statements: typeof bareRollup) => {
      const results = [];
      for (const s of statements) results.push(await client.unsafe(s.query, s.params as never[]));
      return results;
    };

    console.log("Single calls (warm, sequential):");
    const a90 = await timeRuns("(a) overview procedure, 90 days by week", () => caller.dashboard.overview({ orgSlug: org.slug, filters: views["90d"]! }));
    const customCaller = createCaller({ db: appCustomPlans.db, session });
    await timeRuns("(a') the same without prepared statements (custom plans)", () => customCaller.dashboard.overview({ orgSlug: org.slug, filters: views["90d"]! }));
    const a365 = await timeRuns("(a) overview procedure, 365 days by day", () => caller.dashboard.overview({ orgSlug: org.slug, filters: views["365d_day"]! }));
    const c90 = await timeRuns("(c) the procedure's SQL on the rollup, 90 days", () => runAll(owner.client, bareRollup));
    const d90 = await timeRuns("(d) tuned raw GROUP BY over responses, 90 days", () => runAll(customPlans, bareRaw), Math.min(RUNS, 20));

    console.log(`\nUnder load (${LOAD_SECONDS} s, 16 connections, loopback):`);
    const trpcServer = createHTTPServer({ router: appRouter, createContext: (): Context => ({ db: app.db, session, requestCache: new Map() }) });
    const trpcUrl = await listen(trpcServer as unknown as http.Server);
    const input = encodeURIComponent(JSON.stringify({ json: { orgSlug: org.slug, filters: views["90d"] } }));
    const probe = await fetch(`${trpcUrl}/dashboard.overview?input=${input}`);
    if (!probe.ok) throw new Error(`the tRPC server answered ${probe.status}: ${await probe.text()}`);
    const b = await load("(b) overview over HTTP (tRPC), 90 days", `${trpcUrl}/dashboard.overview?input=${input}`);
    trpcServer.close();
    const bareServer = http.createServer((_req, res) => {
      runAll(owner.client, bareRollup).then(
        (results) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(results)),
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
    });
    const bareUrl = await listen(bareServer);
    const e = await load("(e) bare node:http running (c), 90 days", bareUrl);
    bareServer.close();
    await customPlans.end();

    console.log("\nPGlite, the demo organization:");
    const pglite = await openPglite({ migrate: true, role: "app" });
    let pgliteP95 = NaN;
    try {
      await seedDemo(pglite.db);
      const demoOwner = (await pglite.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, "owner@acme.test") }))!;
      const demoCaller = createCaller({ db: pglite.db, session: { userId: demoOwner.id, sessionVersion: demoOwner.sessionVersion, sessionId: crypto.randomUUID(), authenticatedAt: Date.now() } });
      pgliteP95 = (await timeRuns("overview procedure on PGlite, 90 days by week", () => demoCaller.dashboard.overview({ orgSlug: DEMO_ORG.slug, filters: views["90d"]! }), 30)).p95;
    } finally {
      await pglite.close();
    }

    console.log("\nRatios:");
    console.log(`  a/c (procedure vs its bare SQL, p50)  ${(a90.p50 / c90.p50).toFixed(2)}`);
    console.log(`  a/d (procedure vs tuned raw, p50)     ${(a90.p50 / d90.p50).toFixed(3)}  (raw is ${(d90.p50 / a90.p50).toFixed(1)}× slower)`);
    console.log(`  b/e (HTTP req/s, tRPC vs bare)        ${(b / e).toFixed(2)}`);
    console.log(`Targets: (a) p95 < 50 ms for 90 days, < 150 ms for 365 days by day; raw ≥ 10× slower than (a); b/e ≥ 0.5; PGlite demo p95 < 200 ms.\n`);
    console.log(`p95_ms_90d=${a90.p95.toFixed(1)}`);
    console.log(`p95_ms_365d_day=${a365.p95.toFixed(1)}`);
    console.log(`ratio_vs_raw=${(d90.p50 / a90.p50).toFixed(1)}`);
    console.log(`http_ratio=${(b / e).toFixed(2)}`);
    console.log(`pglite_demo_p95_ms=${pgliteP95.toFixed(1)}`);
  } finally {
    await app.close();
    await appCustomPlans.close();
    await owner.close();
    if (keep) console.log(`kept the database: BENCH_DB=${name}`);
    else await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main(Number(process.argv[2] ?? 1_000_000));
