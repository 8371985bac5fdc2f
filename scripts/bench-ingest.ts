// npm run bench:ingest [rows] — how fast Waymark takes in a survey export, next to the
// physical limit of this machine (psql \copy into an identical table with the same indexes)
// and a naive drizzle insert in 1,000-row batches; a re-upload of the same file; peak memory
// of the import (measured in a child process of its own); the same path on PGlite; and the
// live feed: single-response API posts against the production build (bench-live-feed.ts).
// Runs on a throwaway Postgres database (TEST_DATABASE_URL or the local server), dropped after.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Papa from "papaparse";
import postgres from "postgres";
import { openPglite, openPostgres, type Db } from "@/db/client";
import { surveyResponses } from "@/db/schema";
import { createOrganization, createUser } from "@/db/seed/factories";
import { withOrg } from "@/db/tenancy";
import type { OrgContext } from "@/server/services/context";
import { createApiKey } from "@/server/services/api-keys";
import { createMap } from "@/server/services/journey-maps";
import { importResponseFile } from "@/server/services/response-imports";
import { createStage } from "@/server/services/stages";
import { createSurvey } from "@/server/services/surveys";
import { createTouchpoint } from "@/server/services/touchpoints";
import { uuidv7 } from "@/db/schema/_columns";
import { ensureProductionBuild, freePort, postLiveFeed, startApp, stopApp, type LiveFeedResult } from "./bench-live-feed";

const TOUCHPOINTS = 50;
const DRIZZLE_ROWS_CAP = 200_000;
const PGLITE_ROWS = 100_000;
const LIVE_CONNECTIONS = 16;
const LIVE_SECONDS = 10;

if (process.argv[2] === "--child-import") await childImport();
else await main(Number(process.argv[2] ?? 1_000_000));

/** A realistic export: ids, touchpoint keys, ISO times over a year, the three scores, comments, segments. */
async function writeCsv(file: string, rows: number) {
  const out = fs.createWriteStream(file);
  const comments = ["Arrived early, box intact", "On hold for 20 minutes", "The set-up instructions are confusing", "Checkout kept clearing my coupon", "", "", "Great service, thank you!", 'Said "next day", took four days'];
  const ages = ["18-24", "25-34", "35-44", "45-54", "55+"];
  const regions = ["North", "South", "East", "West"];
  out.write("response_id,touchpoint,submitted_at,csat,nps,ces,comment,channel,age_band,region\n");
  const start = Date.UTC(2025, 11, 1);
  let buffer = "";
  for (let i = 0; i < rows; i++) {
    const at = new Date(start - Math.floor(((i * 7919) % rows) / rows * 365 * 86_400_000)).toISOString();
    const comment = comments[i % comments.length]!;
    buffer += `r-${i},tp-${i % TOUCHPOINTS},${at},${1 + (i % 5)},${i % 11},${1 + (i % 7)},${comment.includes('"') || comment.includes(",") ? `"${comment.replace(/"/g, '""')}"` : comment},web,${ages[i % 5]},${regions[i % 4]}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      buffer = "";
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** An organization with one map of TOUCHPOINTS touchpoints (keys tp-0 …) and a survey. */
async function prepareOrg(db: Db) {
  const user = await createUser(db, { name: "Bench Owner" });
  const org = await createOrganization(db, { ownerId: user.id, name: `Bench ${randomBytes(3).toString("hex")}` });
  const ctx: OrgContext = { orgId: org.id, userId: user.id, role: "owner" };
  const map = await createMap(db, ctx, { name: "Bench journey", description: "", personaId: null, template: "blank" });
  const stage = await createStage(db, ctx, { mapId: map.id, name: "All", description: "" });
  for (let i = 0; i < TOUCHPOINTS; i++) {
    await createTouchpoint(db, ctx, { stageId: stage.id, name: `Touchpoint ${i}`, key: `tp-${i}`, channel: "web", description: "", teamId: null, customerAction: "", expectedEmotion: null, notes: "" });
  }
  const survey = await createSurvey(db, ctx, { name: "Bench survey" });
  return { ctx, surveyId: survey.id, actor: { orgId: org.id, actor: { kind: "system" as const, label: "bench" } } };
}

async function* fileChunks(file: string) {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
}

/** Runs in its own process so its peak RSS is the import's alone. */
/** The CPU seconds a process has used (user + system), from /proc: what a busy machine does not distort. */
function cpuSecondsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function childImport() {
  const [, , , url, orgId, surveyId, file] = process.argv;
  // Named, so its Postgres backends can be found afterwards and their CPU time read.
  const named = new URL(url!);
  named.searchParams.set("application_name", `bench-import-${process.pid}`);
  const database = await openPostgres({ url: named.toString(), role: "app", max: 4 });
  const startedCpu = process.cpuUsage();
  const started = performance.now();
  const outcome = await importResponseFile(database.db, { orgId: orgId!, actor: { kind: "system", label: "bench" } }, fileChunks(file!), {
    surveyId: surveyId!,
    fileName: path.basename(file!),
    source: "cli",
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(startedCpu);
  const backends = await database.client<{ pid: number }[]>`select pid from pg_stat_activity where application_name = ${named.searchParams.get("application_name")}`;
  const postgresCpuSeconds = backends.reduce((sum, b) => sum + cpuSecondsOf(b.pid), 0);
  await database.close();
  const nodeCpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(JSON.stringify({ seconds, inserted: outcome.inserted, duplicates: outcome.duplicates, rejected: outcome.rejected, peakRssMb: process.resourceUsage().maxRSS / 1024, nodeCpuSeconds, postgresCpuSeconds }) + "\n");
}

type ChildOutcome = { seconds: number; inserted: number; duplicates: number; rejected: number; peakRssMb: number; nodeCpuSeconds: number; postgresCpuSeconds: number };
function cpuNote(o: ChildOutcome) {
  return `CPU: Node ${o.nodeCpuSeconds.toFixed(1)} s + Postgres ${o.postgresCpuSeconds.toFixed(1)} s`;
}

function runChild(url: string, orgId: string, surveyId: string, file: string): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, "--child-import", url, orgId, surveyId, file], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`import child exited ${code}`))));
  });
}

async function main(rows: number) {
  const baseUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `waymark_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const file = path.join(os.tmpdir(), `waymark-bench-${rows}.csv`);
  const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString("en-US").padStart(9)} rows/s`;

  console.log(`bench:ingest — ${rows.toLocaleString("en-US")} responses, ${TOUCHPOINTS} touchpoints, Postgres ${name}\n`);
  let t = performance.now();
  await writeCsv(file, rows);
  console.log(`generated ${path.basename(file)} (${(fs.statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  await admin.unsafe(`CREATE DATABASE ${name}`);
  try {
    const app = await openPostgres({ url: url.toString(), migrate: true, role: "app", max: 4 });
    const owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const a = await prepareOrg(app.db);

    // (a) Waymark's import path.
    const imported = await runChild(url.toString(), a.ctx.orgId, a.surveyId, file);
    if (imported.inserted !== rows) throw new Error(`(a) inserted ${imported.inserted} of ${rows} rows`);
    console.log(`(a) Waymark import (parse, validate, map, dedupe, store, rollup): ${imported.seconds.toFixed(1)} s ${rate(rows, imported.seconds)}, peak RSS ${imported.peakRssMb.toFixed(0)} MB (${cpuNote(imported)})`);

    // (b) psql \copy of the same rows, as (a) stored them, into an identical table (same columns,
    // constraints and indexes): the machine's limit for writing them.
    const stored = path.join(os.tmpdir(), `waymark-bench-${rows}-stored.copy`);
    const psql = (command: string) => {
      const ran = spawnSync("psql", [url.toString(), "-q", "-v", "ON_ERROR_STOP=1", "-c", command], { encoding: "utf8" });
      if (ran.status !== 0) throw new Error(`psql failed: ${ran.stderr}`);
    };
    psql(`\\copy (select * from survey_responses where organization_id = '${a.ctx.orgId}') to '${stored}'`);
    await owner.unsafe(`create table bench_copy (like survey_responses including all)`);
    t = performance.now();
    psql(`\\copy bench_copy from '${stored}'`);
    const copySeconds = (performance.now() - t) / 1000;
    fs.rmSync(stored);
    console.log(`(b) psql \\copy of the same rows into an identical table:         ${copySeconds.toFixed(1)} s ${rate(rows, copySeconds)}`);

    // (c) Naive drizzle: parse, then insert().values() in 1,000-row batches (capped; rows/s is what counts).
    const c = await prepareOrg(app.db);
    const drizzleRows = Math.min(rows, DRIZZLE_ROWS_CAP);
    const touchpointIds = new Map<string, string>();
    for (const tp of await withOrg(app.db, c.ctx.orgId, (tx) => tx.query.touchpoints.findMany({ columns: { id: true, key: true } }))) touchpointIds.set(tp.key, tp.id);
    t = performance.now();
    let batch: (typeof surveyResponses.$inferInsert)[] = [];
    let done = 0;
    const parser = fs.createReadStream(file).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, {}));
    let header = true;
    for await (const r of parser as AsyncIterable<string[]>) {
      if (header) {
        header = false;
        continue;
      }
      if (done + batch.length === drizzleRows) break;
      batch.push({
        organizationId: c.ctx.orgId,
        id: uuidv7(),
        externalId: r[0]!,
        surveyId: c.surveyId,
        touchpointId: touchpointIds.get(r[1]!)!,
        submittedAt: new Date(r[2]!),
        csat: Number(r[3]),
        nps: Number(r[4]),
        ces: Number(r[5]),
        comment: r[6] || null,
        channel: "web",
        segment: { age_band: r[8]!, region: r[9]! },
      });
      if (batch.length === 1000) {
        const values = batch;
        batch = [];
        await withOrg(app.db, c.ctx.orgId, (tx) => tx.insert(surveyResponses).values(values));
        done += values.length;
      }
    }
    if (batch.length) await withOrg(app.db, c.ctx.orgId, (tx) => tx.insert(surveyResponses).values(batch));
    done += batch.length;
    const drizzleSeconds = (performance.now() - t) / 1000;
    console.log(`(c) naive drizzle insert().values(), 1,000-row batches (${done.toLocaleString("en-US")} rows): ${drizzleSeconds.toFixed(1)} s ${rate(done, drizzleSeconds)}`);

    // (d) The same file again: every row is a duplicate.
    const again = await runChild(url.toString(), a.ctx.orgId, a.surveyId, file);
    console.log(`(d) re-upload of the same file (${again.duplicates.toLocaleString("en-US")} duplicates, ${again.inserted} inserted): ${again.seconds.toFixed(1)} s ${rate(rows, again.seconds)} (${cpuNote(again)})`);

    // (e) The live feed: single-response JSON posts against the production build (BENCH_SKIP_LIVE=1 leaves it out).
    const live = process.env.BENCH_SKIP_LIVE === "1" ? null : await liveFeed(app.db, owner, url.toString());
    if (live) {
      console.log(
        `(e) live feed, ${LIVE_CONNECTIONS} connections × ${LIVE_SECONDS} s, one response per post: ${Math.round(live.requestsPerSecond).toLocaleString("en-US")} req/s, p50 ${live.p50Ms.toFixed(0)} ms, p95 ${live.p95Ms.toFixed(0)} ms; ` +
          `${live.accepted.toLocaleString("en-US")} accepted, stored ${live.stored}, in the rollup ${live.rolledUp}${Object.keys(live.refused).length ? `, refused ${JSON.stringify(live.refused)}` : ""}`,
      );
    }
    const liveCounted = !live || (live.stored === live.accepted && live.rolledUp === live.accepted);
    if (!liveCounted) console.log("(e) FAILED: the accepted responses are not each stored and counted exactly once");

    await owner.end();
    await app.close();

    // PGlite, in memory, on its own share of rows.
    const pgRows = Math.min(rows, PGLITE_ROWS);
    const pgFile = path.join(os.tmpdir(), `waymark-bench-${pgRows}.csv`);
    if (pgRows !== rows) await writeCsv(pgFile, pgRows);
    // Peak memory must not grow with the file: the same import of a tenth of the rows, for comparison.
    const small = await openPostgres({ url: url.toString(), role: "app", max: 2 });
    const s = await prepareOrg(small.db);
    await small.close();
    const smallImport = await runChild(url.toString(), s.ctx.orgId, s.surveyId, pgRows === rows ? file : pgFile);
    console.log(`(a) at ${pgRows.toLocaleString("en-US")} rows, for memory: peak RSS ${smallImport.peakRssMb.toFixed(0)} MB (${rows.toLocaleString("en-US")} rows: ${imported.peakRssMb.toFixed(0)} MB)`);

    const lite = await openPglite({ migrate: true, role: "app" });
    const l = await prepareOrg(lite.db);
    t = performance.now();
    const liteOutcome = await importResponseFile(lite.db, l.actor, fileChunks(pgRows === rows ? file : pgFile), { surveyId: l.surveyId, fileName: "bench.csv", source: "cli" });
    const liteSeconds = (performance.now() - t) / 1000;
    await lite.close();
    console.log(`(a) on PGlite (${liteOutcome.inserted.toLocaleString("en-US")} rows, in memory):                   ${liteSeconds.toFixed(1)} s ${rate(pgRows, liteSeconds)}`);

    const ratioCopy = rows / imported.seconds / (rows / copySeconds);
    const ratioDrizzle = rows / imported.seconds / (done / drizzleSeconds);
    console.log(`\n(a)/(b) = ${ratioCopy.toFixed(2)} (target ≥ 0.5)   (a)/(c) = ${ratioDrizzle.toFixed(1)} (target ≥ 5)   re-upload ${again.seconds.toFixed(1)} s (target < 15 s at 1M)`);
    if (live) {
      console.log(`live feed ${Math.round(live.requestsPerSecond)} req/s (target ≥ 300), p95 ${live.p95Ms.toFixed(0)} ms (target < 100)`);
      console.log(`live_req_per_s=${Math.round(live.requestsPerSecond)}`);
      console.log(`live_p95_ms=${Math.round(live.p95Ms)}`);
    }
    console.log(`ratio_vs_copy=${ratioCopy.toFixed(3)}`);
    console.log(`ratio_vs_drizzle=${ratioDrizzle.toFixed(2)}`);
    console.log(`peak_rss_mb=${Math.round(imported.peakRssMb)}`);
    if (!liveCounted) process.exitCode = 1;
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** (e): a fresh organization and key, the app on a free port, the posts, then the counts. */
async function liveFeed(db: Db, owner: postgres.Sql, databaseUrl: string): Promise<LiveFeedResult & { stored: number; rolledUp: number }> {
  const root = process.cwd();
  ensureProductionBuild(root);
  const org = await prepareOrg(db);
  const { key } = await createApiKey(db, { orgId: org.ctx.orgId, actor: { kind: "system", label: "bench" } }, { name: "Live feed", scopes: ["responses:write"], expiresInDays: null });
  const port = await freePort();
  const server = await startApp(root, databaseUrl, port);
  let result: LiveFeedResult;
  try {
    result = await postLiveFeed({ port, key, survey: "Bench survey", touchpoints: TOUCHPOINTS, connections: LIVE_CONNECTIONS, seconds: LIVE_SECONDS, label: `live-${randomBytes(3).toString("hex")}` });
  } finally {
    await stopApp(server);
  }
  const [counts] = await owner<{ stored: number; rolled_up: number }[]>`
    select (select count(*)::int from survey_responses where organization_id = ${org.ctx.orgId}) as stored,
           (select coalesce(sum(responses), 0)::int from touchpoint_daily_stats where organization_id = ${org.ctx.orgId} and segment_key = '') as rolled_up`;
  return { ...result, stored: counts!.stored, rolledUp: counts!.rolled_up };
}
