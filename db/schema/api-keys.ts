// API keys: how survey tools, webhooks and scripts reach one organization's data. Only a
// SHA-256 hash of the key is stored (the key itself is shown once), plus a short prefix so
// people can tell their keys apart. A tenant table like any other; the one read across
// organizations — finding a key's organization by its hash, before any organization context
// exists — goes through the waymark_api_key_lookup() function (migration 0008).
import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, organizationIdColumn } from "./_columns";
import { users } from "./identity";
import { organizations } from "./organizations";

export const apiKeys = pgTable(
  "api_keys",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    name: text("name").notNull(),
    /** Hex SHA-256 of the whole key: the key has 256 random bits, so a plain hash cannot be reversed. */
    hash: text("hash").notNull(),
    /** The key's first characters, e.g. `wmk_3xY9aB`, shown in the list. */
    prefix: text("prefix").notNull(),
    scopes: text("scopes").array().notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // Not unique (unique keys lead with organization_id, tenancy rule 1): 256 random bits
    // do not collide. The lookup by hash comes before the organization is known.
    index("api_keys_hash_idx").on(t.hash),
    index("api_keys_org_created_idx").on(t.organizationId, t.createdAt.desc()),
  ],
);
