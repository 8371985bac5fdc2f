// Shared by the operator scripts (dev, start, db:migrate, db:seed): open the configured
// database the way the app will, and make sure an auth secret exists.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openPglite, openPostgres, type Database } from "../db/client";
import { eq } from "drizzle-orm";
import { organizations } from "../db/schema";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../db/seed/demo";
import { findUserByEmail } from "../db/seed/factories";
import { seedDemoFindings } from "../server/services/demo-findings";
import { seedDemoSurvey } from "../server/services/demo-survey";
import { env } from "../server/env";

export const pgliteDir = () => env().PGLITE_DIR;

/** Applies the committed migrations as the table owner. */
export async function migrateDatabase(): Promise<string> {
  const url = env().DATABASE_OWNER_URL ?? env().DATABASE_URL;
  if (url) {
    const database = await openPostgres({ url, role: "owner", migrate: true, max: 1 });
    await database.close();
    return `Postgres (${redact(url)})`;
  }
  const database = await openPglite({ dir: pgliteDir(), role: "owner", migrate: true });
  await database.close();
  return `embedded PGlite (${pgliteDir()})`;
}

/** Opens the database as the application role (RLS applies), as the app does. */
export async function openAppDatabase(): Promise<Database> {
  const url = env().DATABASE_URL;
  if (url) return openPostgres({ url, role: "app", max: 2 });
  return openPglite({ dir: pgliteDir(), role: "app" });
}

export async function seedDatabase(): Promise<boolean> {
  const database = await openAppDatabase();
  try {
    const { created } = await seedDemo(database.db);
    // Its survey responses go through the import path (server/), which db/seed may not import.
    const [org] = await database.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG.slug)).limit(1);
    const owner = await findUserByEmail(database.db, DEMO_USERS[0].email);
    if (org && owner) {
      const started = Date.now();
      const survey = await seedDemoSurvey(database.db, { orgId: org.id, ownerUserId: owner.id });
      if (survey.created) console.log(`Demo survey: ${survey.inserted.toLocaleString("en-US")} responses imported in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      const manager = await findUserByEmail(database.db, DEMO_USERS[1].email);
      if (manager) {
        const board = await seedDemoFindings(database.db, { orgId: org.id, managerUserId: manager.id });
        if (board.created) console.log(`Demo findings: ${board.findings} on the board, with routing rules.`);
      }
    }
    return created;
  } finally {
    await database.close();
  }
}

export function printDemoCredentials(baseUrl?: string) {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  if (baseUrl) console.log(`\n  Waymark is starting on ${baseUrl}`);
  console.log(`  Demo organization "${DEMO_ORG.name}" — sign in as (password: ${DEMO_PASSWORD}):`);
  for (const user of DEMO_USERS) console.log(`    ${user.email.padEnd(width)}  ${user.role}`);
  console.log("");
}

/** next-auth needs a secret; development gets a random one kept in .data so sessions survive restarts. */
export function ensureAuthSecret(): string {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  const file = path.join(".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(invalid url)";
  }
}
