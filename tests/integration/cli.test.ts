// The operator CLI as an operator runs it: the real script in a child process, on a
// migrated PGlite directory of its own. Commands on the database run one after another
// (PGlite allows one process per directory); the ones that never open it run together.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const PLAIN = path.resolve("tests/fixtures/exports/plain.csv");
const MAP = path.resolve("tests/fixtures/maps/plain-touchpoints.json");

let dir: string;
let pgliteDir: string;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function waymark(...args: string[]): Promise<Result> {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: pgliteDir, NODE_ENV: "production" };
  delete env.DATABASE_URL;
  delete env.DATABASE_OWNER_URL;
  try {
    const { stdout, stderr } = await run(TSX, ["scripts/waymark.ts", ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout: string; stderr: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout, stderr: e.stderr };
  }
}

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1);

function writeCsv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-cli-"));
  pgliteDir = path.join(dir, "pglite");
  const database = await openPglite({ dir: pgliteDir, role: "owner", migrate: true });
  await database.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run waymark", () => {
  it("creates an organization, its map, imports a file twice and reports the figures an operator computes by hand", { timeout: 240_000 }, async () => {
    const created = await waymark("org:create", "--name", "Cli Outfitters", "--owner-email", "ops@cli.test", "--owner-password", "long-enough-1");
    expect(created, created.stderr).toMatchObject({ code: 0 });
    const slug = lastLine(created.stdout)!;
    expect(slug).toBe("cli-outfitters");

    expect(await waymark("map:import", "--org", slug, "--file", MAP)).toMatchObject({ code: 0 });

    // A key for the organization, printed once on the last line; a scope that does not exist is refused.
    const key = await waymark("apikey:create", "--org", slug, "--name", "Survey tool", "--scopes", "responses:write,stats:read", "--expires-days", "30");
    expect(key, key.stderr).toMatchObject({ code: 0 });
    expect(lastLine(key.stdout)).toMatch(/^wmk_[A-Za-z0-9_-]{40,}$/);
    expect(key.stdout).toContain('Created the API key "Survey tool"');
    const badScope = await waymark("apikey:create", "--org", slug, "--name", "Bad", "--scopes", "everything");
    expect(badScope.code).not.toBe(0);
    expect(badScope.stderr.trim().split("\n")).toHaveLength(1);

    const first = await waymark("import", "--org", slug, "--survey", "Plain export", "--file", PLAIN);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/inserted:\s+3\b/);
    expect(first.stdout).toMatch(/duplicates:\s+0\b/);

    // Same file, same survey (named in another case): nothing new.
    const again = await waymark("import", "--org", slug, "--survey", "PLAIN EXPORT", "--file", PLAIN);
    expect(again.stdout).toMatch(/inserted:\s+0\b/);
    expect(again.stdout).toMatch(/duplicates:\s+3\b/);

    // --touchpoint overrides the file's touchpoint column: both rows go to delivery.
    const fixed = writeCsv("fixed.csv", [
      "response_id,touchpoint,submitted_at,csat,nps,ces,comment",
      "t-1,checkout,2026-03-04T12:00:00Z,4,9,6,Fine",
      "t-2,checkout,2026-03-06T12:00:00Z,3,7,5,Slow but fine",
    ]);
    const pinned = await waymark("import", "--org", slug, "--survey", "Kiosk", "--file", fixed, "--touchpoint", "delivery");
    expect(pinned.code, pinned.stderr).toBe(0);
    expect(pinned.stdout).toMatch(/inserted:\s+2\b/);

    // March 1–4, the 4th included (UTC organization): r-1001, r-1002 and t-1.
    const stats = await waymark("stats", "--org", slug, "--from", "2026-03-01", "--to", "2026-03-04", "--json");
    expect(stats.code, stats.stderr).toBe(0);
    const byKey = Object.fromEntries((JSON.parse(stats.stdout) as { touchpoints: { key: string }[] }).touchpoints.map((tp) => [tp.key, tp]));
    expect(Object.keys(byKey).sort()).toEqual(["checkout", "delivery"]);
    // delivery: r-1001 (5, 10, 7) and t-1 (4, 9, 6) → CSAT 2/2 satisfied, mean 4.5; NPS 2 promoters of 2 = 100; CES mean 6.5
    expect(byKey.delivery).toMatchObject({ responses: 2, csatN: 2, csatPct: 100, csatMean: 4.5, npsN: 2, nps: 100, promoters: 2, passives: 0, detractors: 0, cesN: 2, cesMean: 6.5 });
    // checkout: r-1002 (2, 3, 2)
    expect(byKey.checkout).toMatchObject({ responses: 1, csatN: 1, csatPct: 0, csatMean: 2, npsN: 1, nps: -100, promoters: 0, passives: 0, detractors: 1, cesN: 1, cesMean: 2 });

    // The whole month: phone-hold's one answer has no CES; delivery adds t-2 (3, 7, 5).
    const table = await waymark("stats", "--org", slug, "--from", "2026-03-01", "--to", "2026-03-31");
    expect(table.code, table.stderr).toBe(0);
    const rows = table.stdout.trimEnd().split("\n").map((line) => line.trim().split(/\s+/));
    expect(rows[0]).toEqual(["touchpoint", "n", "csatN", "csat%", "csatMean", "npsN", "nps", "prom", "pass", "detr", "cesN", "cesMean"]);
    // delivery: CSAT 5,4,3 → 66.7 %, mean 4.00; NPS 10,9,7 → (2 − 0)/3 = 66.7; CES 7,6,5 → 6.00
    expect(rows.find((r) => r[0] === "delivery")).toEqual(["delivery", "3", "3", "66.7", "4.00", "3", "66.7", "2", "1", "0", "3", "6.00"]);
    expect(rows.find((r) => r[0] === "phone-hold")).toEqual(["phone-hold", "1", "1", "0.0", "1.00", "1", "-100.0", "0", "0", "1", "0", "–"]);

    // An invalid row: nothing is written, exit 1, the problem by line and column.
    const bad = writeCsv("bad.csv", ["response_id,touchpoint,submitted_at,csat", ...[4, 5, 3, 2, 7].map((csat, i) => `b-${i},delivery,2026-03-07T10:00:00Z,${csat}`)]);
    const rejected = await waymark("import", "--org", slug, "--survey", "Kiosk", "--file", bad);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/Nothing was imported: 1 of 5 rows are invalid/);
    expect(rejected.stdout).toContain("line 6, column D (csat): CSAT must be between 1 and 5; got 7.");
    const after = await waymark("stats", "--org", slug, "--from", "2026-03-07", "--to", "2026-03-07", "--json");
    expect(JSON.parse(after.stdout).touchpoints).toEqual([]);
    // Asked for: the valid rows land, the invalid one is still reported (and still exit 1).
    const skipped = await waymark("import", "--org", slug, "--survey", "Kiosk", "--file", bad, "--skip-invalid");
    expect(skipped.code).toBe(1);
    expect(skipped.stdout).toMatch(/inserted:\s+4\b[\s\S]*rejected:\s+1\b/);

    // A domain error from a service is one line on stderr.
    const unknownTouchpoint = await waymark("import", "--org", slug, "--survey", "Kiosk", "--file", fixed, "--touchpoint", "nowhere");
    expect(unknownTouchpoint.code).toBe(1);
    expect(unknownTouchpoint.stderr.trim()).toBe('waymark: There is no touchpoint with the key "nowhere".');
  });

  it("refuses what it cannot do with one line on stderr and a non-zero exit", { timeout: 120_000 }, async () => {
    const [unknown, missing, badDay, noOrg] = await Promise.all([
      waymark("frobnicate"),
      waymark("import", "--org", "x"),
      waymark("stats", "--org", "x", "--from", "2026-02-30", "--to", "2026-03-01"),
      waymark("stats", "--org", "no-such-org", "--from", "2026-03-01", "--to", "2026-03-02"),
    ]);
    expect(unknown).toMatchObject({ code: 2, stderr: 'waymark: Unknown command "frobnicate". Run "npm run waymark -- help" for the list.\n' });
    expect(missing).toMatchObject({ code: 2, stderr: "waymark: import: missing --survey, --file.\n" });
    expect(badDay).toMatchObject({ code: 2, stderr: "waymark: --from: That day does not exist.\n" });
    expect(noOrg).toMatchObject({ code: 2, stderr: 'waymark: No organization has the slug "no-such-org".\n' });
  });

  it("says so when the app holds the embedded database", async () => {
    const database = await openPglite({ dir: pgliteDir, role: "app" });
    try {
      const locked = await waymark("stats", "--org", "cli-outfitters", "--from", "2026-03-01", "--to", "2026-03-02");
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(/^waymark: The embedded database in .* is already open by another process \(pid \d+\)\./);
      expect(locked.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      await database.close();
    }
  });

  it("help lists every command with its options", async () => {
    const help = await waymark("help");
    expect(help.code).toBe(0);
    for (const command of ["org:create", "map:import", "apikey:create", "import", "stats", "help"]) expect(help.stdout).toContain(`\n  ${command}  `);
    for (const option of ["--owner-email <email>", "--touchpoint <key>", "--skip-invalid", "--json"]) expect(help.stdout).toContain(option);
  });
});
