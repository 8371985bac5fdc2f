// The application's database handle: one per process, opened on first use and shared by Next's
// server code (server/db.ts) and the job runner that the start script runs beside it. It lives
// on globalThis: `next dev` re-evaluates modules on every change, and Next's bundle and the start
// script load this module separately — two PGlite instances on one directory would corrupt it.
import { openPglite, openPostgres, type Database, type Db } from "@/db/client";
import { env } from "./env";

const globalForDb = globalThis as unknown as { __waymarkDb?: Promise<Database> };

export function getAppDatabase(): Promise<Database> {
  if (!globalForDb.__waymarkDb) {
    const { DATABASE_URL, PGLITE_DIR } = env();
    globalForDb.__waymarkDb = DATABASE_URL
      ? openPostgres({ url: DATABASE_URL, role: "app" })
      : // Migrations were applied by the start script; re-running them here is a no-op
        // that keeps a bare `next start` working too.
        openPglite({ dir: PGLITE_DIR, migrate: true, role: "app" });
    globalForDb.__waymarkDb.catch(() => {
      globalForDb.__waymarkDb = undefined;
    });
  }
  return globalForDb.__waymarkDb;
}

export function getDb(): Promise<Db> {
  return getAppDatabase().then((database) => database.db);
}
