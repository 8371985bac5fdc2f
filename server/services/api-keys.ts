// API keys: created by admins (or the operator CLI), shown once, stored as a SHA-256 hash,
// revoked at will; and the authentication of a REST request by its key. The lookup by hash
// is the one read across organizations, through waymark_api_key_lookup() (migration 0008).
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { apiKeyFields, API_KEY_SCOPES, type ApiKeyFields, type ApiKeyScope } from "../schemas/api-keys";
import { recordAudit } from "./audit";
import type { Actor } from "./context";
import { DomainError } from "./errors";
import { loadInOrg } from "./load-in-org";

export const API_KEY_PREFIX = "wmk_";
/** Characters of the key shown in the list: "wmk_" and 8 of the random part. */
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
/** "Last used" moves at most this often per key: no write on every request. */
export const LAST_USED_GRANULARITY_MS = 60_000;

/** Who creates or revokes a key: a signed-in admin, or the operator CLI. */
export type KeyManager = { orgId: string; userId: string } | { orgId: string; actor: Extract<Actor, { kind: "system" }> };

function managerUserId(ctx: KeyManager): string | null {
  return "userId" in ctx ? ctx.userId : null;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** 32 random bytes (256 bits) in base64url: 43 characters after the prefix. */
function newKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

export async function createApiKey(db: Db, ctx: KeyManager, input: ApiKeyFields) {
  const fields = apiKeyFields.parse(input);
  const key = newKey();
  const expiresAt = fields.expiresInDays === null ? null : new Date(Date.now() + fields.expiresInDays * 86_400_000);
  return withOrg(db, ctx.orgId, async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        organizationId: ctx.orgId,
        name: fields.name,
        hash: hashApiKey(key),
        prefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
        scopes: fields.scopes,
        createdByUserId: managerUserId(ctx),
        expiresAt,
      })
      .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes, expiresAt: apiKeys.expiresAt, createdAt: apiKeys.createdAt });
    await recordAudit(tx, { orgId: ctx.orgId, userId: managerUserId(ctx) }, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: row!.id,
      data: { name: fields.name, prefix: row!.prefix, scopes: fields.scopes, expiresAt, ...("actor" in ctx ? { via: ctx.actor.label } : {}) },
    });
    // The only time the key exists outside the caller's hands: it is not stored.
    return { ...row!, key };
  });
}

export async function listApiKeys(db: Db, ctx: { orgId: string }) {
  return withOrg(db, ctx.orgId, (tx) =>
    tx
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        scopes: apiKeys.scopes,
        createdAt: apiKeys.createdAt,
        createdByName: users.name,
        lastUsedAt: apiKeys.lastUsedAt,
        expiresAt: apiKeys.expiresAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
      .where(eq(apiKeys.organizationId, ctx.orgId))
      .orderBy(desc(apiKeys.createdAt)),
  );
}

/** Revoking twice is harmless: the first revocation's time stands. */
export async function revokeApiKey(db: Db, ctx: KeyManager, input: { apiKeyId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const key = await loadInOrg(tx, apiKeys, { orgId: ctx.orgId, id: input.apiKeyId }, "API key", { lock: "update" });
    if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt };
    const revokedAt = new Date();
    await tx.update(apiKeys).set({ revokedAt }).where(and(eq(apiKeys.organizationId, ctx.orgId), eq(apiKeys.id, key.id)));
    await recordAudit(tx, { orgId: ctx.orgId, userId: managerUserId(ctx) }, { action: "api_key.revoked", targetType: "api_key", targetId: key.id, data: { name: key.name, prefix: key.prefix } });
    return { id: key.id, revokedAt };
  });
}

export interface AuthenticatedKey {
  orgId: string;
  apiKeyId: string;
  scopes: ApiKeyScope[];
}

const unauthorized = (message: string) => new DomainError("UNAUTHORIZED", message);

/** The key's organization and scopes, or UNAUTHORIZED saying why (missing, unknown, expired, revoked). */
export async function authenticateApiKey(db: Db, presented: string | null, now = new Date()): Promise<AuthenticatedKey> {
  if (!presented) throw unauthorized("Send your API key in the Authorization header: \"Authorization: Bearer wmk_…\".");
  if (!presented.startsWith(API_KEY_PREFIX) || presented.length > 200) throw unauthorized("This is not a Waymark API key.");
  const found = await lookUpKey(db, hashApiKey(presented));
  if (!found) throw unauthorized("This API key is not valid.");
  if (found.revoked_at) throw unauthorized("This API key was revoked.");
  if (found.expires_at && new Date(found.expires_at) <= now) throw unauthorized("This API key has expired.");

  const lastUsed = found.last_used_at ? new Date(found.last_used_at).getTime() : 0;
  if (now.getTime() - lastUsed >= LAST_USED_GRANULARITY_MS) await touchLastUsed(db, found.organization_id, found.id, now);
  // Unknown scope words in the row (none today) grant nothing.
  const scopes = found.scopes.filter((s): s is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(s));
  return { orgId: found.organization_id, apiKeyId: found.id, scopes };
}

type KeyRow = { organization_id: string; id: string; scopes: string[]; expires_at: Date | string | null; revoked_at: Date | string | null; last_used_at: Date | string | null };

interface KeyLookups {
  waiting: { hash: string; resolve(row: KeyRow | undefined): void; reject(error: unknown): void }[];
  busy: boolean;
}
/** Lookups waiting for the one in flight, per database handle. */
const keyLookups = new WeakMap<Db, KeyLookups>();
/** Hashes read by one query at most. */
const LOOKUPS_PER_QUERY = 256;

/**
 * The key's row, read from the database for this request — never from a cache, so a revoked key
 * is refused at once. Lookups that arrive while one is in flight wait for it and are then read
 * together, by one query sent after each of them arrived: the live feed's concurrent requests
 * (one key, mostly) cost one query, not one each.
 */
function lookUpKey(db: Db, hash: string): Promise<KeyRow | undefined> {
  let lookups = keyLookups.get(db);
  if (!lookups) keyLookups.set(db, (lookups = { waiting: [], busy: false }));
  const queue = lookups;
  return new Promise((resolve, reject) => {
    queue.waiting.push({ hash, resolve, reject });
    if (!queue.busy) void readKeys(db, queue);
  });
}

async function readKeys(db: Db, lookups: KeyLookups) {
  lookups.busy = true;
  while (lookups.waiting.length > 0) {
    const batch = lookups.waiting.splice(0, LOOKUPS_PER_QUERY);
    // Hashes are hex: one comma-separated parameter keeps the statement's text (and its prepared plan) the same for any count.
    const hashes = [...new Set(batch.map((b) => b.hash))].join(",");
    try {
      const rows = await queryRows<KeyRow & { presented_hash: string }>(db, sql`select h.presented_hash, k.* from unnest(string_to_array(${hashes}, ',')) as h(presented_hash), lateral waymark_api_key_lookup(h.presented_hash) as k`);
      const byHash = new Map(rows.map((row) => [row.presented_hash, row]));
      for (const b of batch) b.resolve(byHash.get(b.hash));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }
  lookups.busy = false;
}

/** Conditional, so concurrent requests of one key write once per minute between them. */
async function touchLastUsed(db: Db, orgId: string, id: string, now: Date) {
  await withOrg(db, orgId, (tx) =>
    tx
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.organizationId, orgId), eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_GRANULARITY_MS))))),
  );
}
