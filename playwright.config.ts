import { defineConfig } from "@playwright/test";

// e2e runs the production build (scripts/e2e.ts builds it first) on its own port, build
// directory and fresh embedded database, in Debian's Chromium (Playwright cannot download
// its own browser here).
const PORT = process.env.E2E_PORT ?? "3100";
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: "npm run start",
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
      PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite",
      NEXT_TELEMETRY_DISABLED: "1",
      // The specs sign in as the demo people; `npm start` seeds them only when asked.
      WAYMARK_DEMO: "1",
    },
  },
});
