// The live-feed case of bench:ingest: single-response JSON posts to POST /api/v1/responses
// from 16 concurrent keep-alive connections for 10 s, after a 3 s warm-up at the same load,
// against the production build (`npm start` on the benchmark's Postgres database), then a check
// that every accepted response is stored once and counted once in the daily rollup. Plain node:http (no client library):
// every request is awaited to its answer, so "accepted" is exact.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";

export interface LiveFeedResult {
  seconds: number;
  accepted: number;
  refused: Record<number, number>;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

const BUILD_INPUTS = ["app", "server", "db", "lib", "proxy.ts", "next.config.mjs", "package.json"];

/** Builds the app when .next is missing or older than any source it is built from. */
export function ensureProductionBuild(root: string) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(root, p))));
  if (builtAt > newest) return;
  console.log(`(e) building the app (${builtAt ? ".next is older than the sources" : "no .next yet"}) …`);
  const built = spawnSync("npx", ["next", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_DIST_DIR: ".next" } });
  if (built.status !== 0) throw new Error("next build failed");
}

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `npm start` (the production build) on the given database and port; resolves once it answers. */
export async function startApp(root: string, databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), WAYMARK_DEMO: "" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      await send({ port, method: "GET", path: "/api/v1/touchpoints", headers: {} });
      return child;
    } catch {
      if (Date.now() > deadline) throw new Error("the app did not answer within 2 minutes");
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Stops the app and what npx started under it (they share a process group). */
export async function stopApp(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
}

const WARM_UP_SECONDS = 3;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function send(options: { port: number; method: string; path: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: options.port, method: options.method, path: options.path, headers: options.headers, agent }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

/**
 * `connections` workers, each posting one response at a time for `seconds`. Each response has
 * its own id, touchpoint and time, so every accepted post inserts one row and grows the rollup by one.
 */
export async function postLiveFeed(p: { port: number; key: string; survey: string; touchpoints: number; connections: number; seconds: number; label: string }): Promise<LiveFeedResult> {
  const latencies: number[] = [];
  const refused: Record<number, number> = {};
  let sequence = 0;
  const post = async () => {
    const i = sequence++;
    const body = JSON.stringify({
      survey: p.survey,
      responses: [{ externalId: `${p.label}-${i}`, touchpoint: `tp-${i % p.touchpoints}`, submittedAt: new Date(Date.UTC(2026, 0, 1) + (i % 90) * 86_400_000 + i).toISOString(), csat: 1 + (i % 5), nps: i % 11, comment: i % 3 === 0 ? "Live feed" : undefined, segment: { region: ["North", "South"][i % 2]! } }],
    });
    const started = performance.now();
    const answer = await send({ port: p.port, method: "POST", path: "/api/v1/responses", headers: { authorization: `Bearer ${p.key}`, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }, body });
    return { status: answer.status, ms: performance.now() - started };
  };
  // Warm-up, not measured: the first posts load the route's code, then the same load as the
  // measurement for WARM_UP_SECONDS, so the window measures the server as it runs, not V8
  // compiling its hot path (a cold server's first seconds run at about two thirds the rate).
  for (let i = 0; i < 20; i++) {
    const { status } = await post();
    if (status !== 200) throw new Error(`(e) warm-up post answered ${status}`);
  }
  let accepted = 0;
  const load = async (until: number, measured: boolean) => {
    while (performance.now() < until) {
      const { status, ms } = await post();
      if (!measured) {
        if (status !== 200) throw new Error(`(e) warm-up post answered ${status}`);
        continue;
      }
      latencies.push(ms);
      if (status === 200) accepted++;
      else refused[status] = (refused[status] ?? 0) + 1;
    }
  };
  const workers = (until: number, measured: boolean) => Promise.all(Array.from({ length: p.connections }, () => load(until, measured)));
  await workers(performance.now() + WARM_UP_SECONDS * 1000, false);
  // Every warm-up post was accepted (or it threw): they count for the stored-once check.
  const warmedUp = sequence;
  const started = performance.now();
  await workers(started + p.seconds * 1000, true);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  agent.destroy();
  return { seconds, accepted: accepted + warmedUp, refused, requestsPerSecond: latencies.length / seconds, p50Ms: percentile(0.5), p95Ms: percentile(0.95) };
}
