// Prepares the database (migrate, and the demo seed where wanted), then runs `next dev` or `next start` in a
// child process with the environment it needs. The database is closed before Next opens
// it: PGlite allows a single process per data directory.
import { spawn } from "node:child_process";
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

export async function runNext(mode: "dev" | "start") {
  const port = process.env.PORT || "3000";
  const target = await migrateDatabase();
  console.log(`Database: ${target}, migrations applied.`);
  const demo = shouldSeedDemo(mode);
  if (demo) await seedDatabase();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", mode, "-p", port], {
    stdio: "inherit",
    env: { ...process.env, AUTH_SECRET: ensureAuthSecret(), AUTH_TRUST_HOST: "true", PORT: port },
  });
  if (demo) printDemoCredentials(`http://localhost:${port}`);
  else console.log(`\n  Waymark is starting on http://localhost:${port}\n`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}
