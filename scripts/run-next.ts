// Prepares the database (migrate, and the demo seed where wanted), then serves Waymark with
// Next in this process, behind a small HTTP server that decides the client's address (for
// the sign-in limits) from the socket, so a client cannot choose it by sending its own
// X-Forwarded-For, and runs the background jobs. The database is closed after migrating,
// before Next opens it: PGlite allows a single process per data directory, and Next and the
// job runner share one handle (server/app-db.ts).
import http from "node:http";
import { resolveClientAddress } from "../server/auth/client";
import { env } from "../server/env";
import { startJobRunner } from "../server/jobs/start";
import { ensureAuthSecret, migrateDatabase, printDemoCredentials, seedDatabase } from "./lib";

/**
 * Whether to write the demo organization and its people (whose password is public) into
 * the database. `npm run dev` does unless WAYMARK_SKIP_SEED=1; `npm start` serves real
 * databases, production included, so it never does unless asked with WAYMARK_DEMO=1.
 */
export function shouldSeedDemo(mode: "dev" | "start", environment: Record<string, string | undefined> = process.env): boolean {
  if (mode === "start") return environment.WAYMARK_DEMO === "1";
  return environment.WAYMARK_SKIP_SEED !== "1";
}

/** Headers a client could forge to pose as someone else; rewritten or dropped before Next reads them. */
const FORWARDED_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"] as const;

/** Rewrites the request's forwarding headers from what this server knows for sure. */
export function trustOnlyKnownAddresses(req: http.IncomingMessage, trustedProxyHops: number) {
  const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxyHops);
  if (address) req.headers["x-forwarded-for"] = address;
  else delete req.headers["x-forwarded-for"];
  // Facing clients directly, Next fills these from the socket and the Host header itself.
  if (trustedProxyHops === 0) for (const name of FORWARDED_HEADERS) delete req.headers[name];
}

export async function runNext(mode: "dev" | "start") {
  const port = Number(process.env.PORT || "3000");
  const target = await migrateDatabase();
  console.log(`Database: ${target}, migrations applied.`);
  const demo = shouldSeedDemo(mode);
  if (demo) await seedDatabase();

  Object.assign(process.env, { AUTH_SECRET: ensureAuthSecret(), AUTH_TRUST_HOST: "true", PORT: String(port) });
  // React and Next pick their builds by NODE_ENV, as `next start` / `next dev` would set it.
  (process.env as Record<string, string>).NODE_ENV = mode === "dev" ? "development" : "production";
  const trustedProxyHops = env().WAYMARK_TRUSTED_PROXY;

  const { default: next } = await import("next");
  const app = next({ dev: mode === "dev", port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The REST API is answered here, without Next's routing (server/http/rest-node.ts).
  const { restEndpointFor, serveRest } = await import("../server/http/rest-node");
  const server = http.createServer((req, res) => {
    trustOnlyKnownAddresses(req, trustedProxyHops);
    const endpoint = restEndpointFor(req.method, req.url);
    void (endpoint ? serveRest(endpoint, req, res).catch(() => res.destroy()) : handle(req, res));
  });
  server.listen(port);
  // Background jobs run beside Next on the same database handle (server/app-db.ts).
  const jobs = await startJobRunner();
  if (demo) printDemoCredentials(`http://localhost:${port}`);
  else console.log(`\n  Waymark is running on http://localhost:${port}\n`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      void Promise.allSettled([jobs?.stop(), app.close()]).finally(() => process.exit(0));
    });
  }
}
