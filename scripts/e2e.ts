// npm run test:e2e — builds Waymark, then runs the Playwright specs against it in Chromium
// with a fresh embedded database (or DATABASE_URL when set).
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const env = {
  ...process.env,
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
  E2E_PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite",
  NEXT_TELEMETRY_DISABLED: "1",
};

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!fs.existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
  console.error("Chromium not found at /usr/bin/chromium. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).");
  process.exit(1);
}
for (const dir of [env.E2E_PGLITE_DIR, `${env.E2E_PGLITE_DIR}.lock`]) fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync("test-results/e2e", { recursive: true, force: true });

run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)]);
