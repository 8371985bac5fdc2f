// An import killed in the middle (kill -9, a crashed server) leaves all its rows or none —
// none, since nothing commits before the end — and its record, left "running", is marked
// failed once its heartbeat is stale, so no import stays running forever.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite, queryRows, type Db } from "@/db/client";
import { imports } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { failAbandonedImports, STALE_AFTER_MS } from "@/server/services/response-imports";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Starts the child, waits until it has imported some rows, kills it with SIGKILL. */
async function importThenKill(target: string): Promise<{ orgId: string; surveyId: string; rowsSeen: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/import-then-die.ts", target], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = readline.createInterface({ input: child.stdout! });
  let ids: { orgId: string; surveyId: string } | undefined;
  for await (const line of lines) {
    const message = JSON.parse(line) as { orgId?: string; surveyId?: string; rows?: number; finished?: boolean };
    if (message.orgId) ids = { orgId: message.orgId, surveyId: message.surveyId! };
    if (message.finished) throw new Error("The import finished before it could be killed; make the file larger.");
    if (message.rows && message.rows >= 20_000) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      return { ...ids!, rowsSeen: message.rows };
    }
  }
  throw new Error("The import process ended without progress.");
}

async function expectNothingStoredThenFailed(db: Db, asOwner: TestDatabase["asOwner"], orgId: string) {
  const [stored] = await asOwner((tx) => queryRows<{ responses: number; rollup: number }>(tx, sql`select (select count(*) from survey_responses)::int as responses, (select count(*) from touchpoint_daily_stats)::int as rollup`));
  expect(stored).toEqual({ responses: 0, rollup: 0 });
  const status = () => withOrg(db, orgId, (tx) => tx.select({ status: imports.status, failure: imports.failure }).from(imports).where(eq(imports.organizationId, orgId)));
  expect(await status()).toEqual([{ status: "running", failure: null }]);
  // Not yet stale: a running import of another process is left alone.
  expect(await failAbandonedImports(db, { orgId })).toBe(0);
  expect(await failAbandonedImports(db, { orgId }, new Date(Date.now() + STALE_AFTER_MS + 5_000))).toBe(1);
  expect(await status()).toEqual([{ status: "failed", failure: "The server stopped during this import; nothing was stored. Upload the file again." }]);
  const [finished] = await withOrg(db, orgId, (tx) => tx.select({ at: imports.finishedAt }).from(imports).where(and(eq(imports.organizationId, orgId), eq(imports.status, "failed"))));
  expect(finished!.at).toBeInstanceOf(Date);
}

describe("an import killed in the middle", () => {
  it("stores none of its rows, and is marked failed once its heartbeat is stale", { timeout: 240_000 }, async () => {
    const t = await createTestDatabase();
    cleanups.push(() => t.close());
    if (t.kind === "postgres") {
      const { orgId, rowsSeen } = await importThenKill(t.url!);
      expect(rowsSeen).toBeGreaterThanOrEqual(20_000);
      await expectNothingStoredThenFailed(t.db, t.asOwner, orgId);
      return;
    }
    // PGlite: the killed process held a data directory; reopening it recovers the database.
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "waymark-crash-")), "pglite");
    cleanups.push(async () => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));
    const { orgId } = await importThenKill(dir);
    const reopened = await openPglite({ dir, role: "app" });
    cleanups.push(() => reopened.close());
    const asOwner: TestDatabase["asOwner"] = (fn) =>
      reopened.db.transaction(async (tx) => {
        await tx.execute(sql`set local role none`);
        return fn(tx);
      });
    await expectNothingStoredThenFailed(reopened.db, asOwner, orgId);
  });
});
