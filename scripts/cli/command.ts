// What a command of the operator CLI is: a name, its options (node:util parseArgs
// definitions plus a description and whether it is required), and what it runs. The
// runner (scripts/waymark.ts) parses, checks required options and turns errors into one
// line on stderr; a command only does its work.
import { readFile } from "node:fs/promises";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { openAppDatabase } from "../lib";

export interface OptionSpec {
  type: "string" | "boolean";
  description: string;
  /** Shown in help as --name <placeholder>. */
  placeholder?: string;
  required?: boolean;
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]["type"] extends "boolean" ? boolean : O[K]["required"] extends true ? string : string | undefined;
};

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** stdout is a terminal: progress may redraw one line. */
  isTTY: boolean;
  /** Progress drawn on stderr (a terminal line rewritten in place). */
  progress(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** Resolves to the exit code (0 when nothing is returned). */
  run(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number | void>;
}

export function defineCommand<const O extends Record<string, OptionSpec>>(command: {
  name: string;
  summary: string;
  options: O;
  run(values: Values<O>, io: CliIo): Promise<number | void>;
}): Command {
  return command as unknown as Command;
}

/** A mistake in how the CLI was called or what it was given: printed as is, exit 2. */
export class UsageError extends Error {
  name = "UsageError";
}

/** Opens the app's database (DATABASE_URL as the app role, else PGLITE_DIR) for one command. */
export async function withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openAppDatabase();
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

export async function findOrganization(db: Db, slug: string) {
  const [org] = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.slug, slug.trim().toLowerCase()))
    .limit(1);
  if (!org) throw new UsageError(`No organization has the slug "${slug}".`);
  return org;
}

/** The organization's first owner: who the CLI acts as where a service needs a person (a map has an owner). */
export async function firstOwner(db: Db, orgId: string): Promise<string> {
  const [owner] = await withOrg(db, orgId, (tx) =>
    tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, orgId), eq(memberships.role, "owner")))
      .orderBy(asc(memberships.createdAt))
      .limit(1),
  );
  if (!owner) throw new UsageError("This organization has no owner to act as.");
  return owner.userId;
}

export async function readJsonFile(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}.`);
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not valid JSON.`);
  }
}

/** Checks one option with the app's own schema; its first message names the option. */
export function checked<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, option: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`--${option}: ${result.error.issues[0]?.message ?? "invalid value."}`);
  return result.data;
}
