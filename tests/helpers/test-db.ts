// A fresh, migrated database for one test file: a PGlite restored from the run's template,
// or a Postgres database created from the template database. `db` runs as the application
// role (RLS applies); `asOwner` bypasses it for assertions about all organizations.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { openPglite, openPostgres, queryRows, type Db, type Tx } from "@/db/client";

export interface TestDatabase {
  db: Db;
  kind: "pglite" | "postgres";
  /** The Postgres database's URL, for a second process to open (undefined on PGlite). */
  url?: string;
  /** Runs fn in a transaction as the table owner / superuser: RLS does not apply. */
  asOwner<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  const template = inject("postgresTemplate");
  if (baseUrl && template) {
    const name = `waymark_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const app = await openPostgres({ url: url.toString(), role: "app", max: 5 });
    const owner = await openPostgres({ url: url.toString(), role: "owner", max: 2 });
    return {
      db: app.db,
      kind: "postgres",
      url: url.toString(),
      asOwner: (fn) => owner.db.transaction(fn),
      async close() {
        await app.close();
        await owner.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const file = inject("pgliteTemplate");
  const loadDataDir = new Blob([fs.readFileSync(file)]);
  const database = await openPglite({ loadDataDir, role: "app" });
  return {
    db: database.db,
    kind: "pglite",
    // PGlite has one session; its session user is a superuser, so RESET for this transaction.
    asOwner: (fn) =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`set local role none`);
        return fn(tx);
      }),
    close: () => database.close(),
  };
}

export { queryRows };
