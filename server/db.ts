// The application's database handle: one per process, opened on first use. In `next dev`
// modules are re-evaluated on every change, so the handle lives on globalThis.
import "server-only";
import { openPglite, openPostgres, type Database, type Db } from "@/db/client";
import { env } from "./env";

const globalForDb = globalThis as unknown as { __waymarkDb?: Promise<Database> };

export function getDb(): Promise<Db> {
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
  return globalForDb.__waymarkDb.then((database) => database.db);
}
