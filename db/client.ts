// Opens the database: PGlite (embedded, one process per data directory) when no URL is
// given, Postgres through postgres.js otherwise. Same schema, same migrations.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
// PGlite and its drizzle driver are imported only when an embedded database is opened: they
// cost a Postgres-backed process ~60 MB of memory for nothing (measured).
import type { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { APP_DB_ROLE } from "./constants";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Runs raw SQL and returns its rows. `execute()` returns `{ rows }` on PGlite and an array
 * on postgres.js; this is the one place that knows.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Queryable, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

export interface OpenPgliteOptions {
  /** Data directory; omit for an in-memory database. */
  dir?: string;
  /** A tarball from `dumpDataDir()` to start from (tests restore a migrated template). */
  loadDataDir?: Blob;
  migrate?: boolean;
  /** "app" switches to the application role after migrating; "owner" stays superuser. */
  role: "app" | "owner";
}

export async function openPglite(options: OpenPgliteOptions): Promise<Database & { client: PGlite }> {
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const releaseLock = options.dir ? acquireDirectoryLock(options.dir) : () => {};
  let client: PGlite;
  try {
    if (options.dir) fs.mkdirSync(options.dir, { recursive: true });
    client = await PGlite.create({ dataDir: options.dir, loadDataDir: options.loadDataDir });
  } catch (error) {
    releaseLock();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  if (options.migrate) await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  if (options.role === "app") {
    // PGlite has no COPY FROM STDIN, only COPY FROM its /dev/blob device, which needs this
    // role. Its "server files" are the process's own in-memory files, so it grants nothing the
    // app does not already have; on a real Postgres the app role never gets it.
    await client.exec(`GRANT pg_read_server_files TO ${APP_DB_ROLE}`);
    // PGlite's only user is a superuser, which RLS does not apply to.
    await client.exec(`SET ROLE ${APP_DB_ROLE}`);
  }
  return {
    db,
    client,
    kind: "pglite",
    async close() {
      try {
        await client.close();
      } finally {
        releaseLock();
      }
    },
  };
}

export interface OpenPostgresOptions {
  url: string;
  migrate?: boolean;
  role: "app" | "owner";
  max?: number;
  /** false: no prepared statements, so every query gets a custom plan (the benchmark compares). */
  prepare?: boolean;
}

export async function openPostgres(options: OpenPostgresOptions): Promise<Database & { client: postgres.Sql }> {
  if (options.migrate) {
    const migrator = postgres(options.url, { max: 1, onnotice: () => {} });
    try {
      await migratePostgres(drizzlePostgres({ client: migrator }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await migrator.end();
    }
  }
  const client = postgres(options.url, {
    max: options.max ?? 10,
    prepare: options.prepare ?? true,
    onnotice: () => {},
    // postgres.js takes a socket factory, but its types do not declare it.
    ...({ socket: connectWithoutDelay } as object),
    // Every pooled connection starts as the application role, so RLS applies even if the
    // URL names the table owner (as in development).
    connection: options.role === "app" ? { role: APP_DB_ROLE } : {},
  });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  return { db, client, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/**
 * A TCP connection with Nagle's algorithm off. postgres.js sends COPY's data and its end as two
 * small writes; with Nagle on, the second waits for the server's delayed ACK — 40 ms on every
 * COPY (measured: a one-response API import took 100 ms, 40 of them in COPY).
 */
function connectWithoutDelay(options: { host: string[]; port: number[]; path?: string | false }): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = options.path ? net.connect({ path: options.path }) : net.connect({ host: options.host[0], port: options.port[0]!, noDelay: true });
    socket.once("connect", () => {
      socket.off("error", reject);
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

/**
 * PGlite has no cross-process lock and two writers corrupt the directory, so we keep one:
 * a pid file next to the data directory. A lock left by a dead process is taken over.
 */
function acquireDirectoryLock(dir: string): () => void {
  const lockPath = `${path.resolve(dir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseLockedError(dir, holder);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseLockedError(dir, 0);
}

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already open by another process${pid ? ` (pid ${pid})` : ""}. ` +
        `PGlite allows one process per data directory: stop the other Waymark process first, ` +
        `or set DATABASE_URL to use a Postgres server.`,
    );
    this.name = "DatabaseLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

