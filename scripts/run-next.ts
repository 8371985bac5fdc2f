// Prepares the database (migrate + demo seed), then runs `next dev` or `next start` in a
// child process with the environment it needs. The database is closed before Next opens
// it: PGlite allows a single process per data directory.
import { spawn } from "node:child_process";
import { ensureAuthSecret, migrateDatabase, printDemoCredentials, seedDatabase } from "./lib";

export async function runNext(mode: "dev" | "start") {
  const port = process.env.PORT || "3000";
  const target = await migrateDatabase();
  console.log(`Database: ${target}, migrations applied.`);
  if (process.env.WAYMARK_SKIP_SEED !== "1") await seedDatabase();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", mode, "-p", port], {
    stdio: "inherit",
    env: { ...process.env, AUTH_SECRET: ensureAuthSecret(), AUTH_TRUST_HOST: "true", PORT: port },
  });
  printDemoCredentials(`http://localhost:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}
