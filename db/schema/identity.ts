// Global identity tables: people and how they sign in. Not tenant data (no organization_id):
// a user belongs to many organizations through memberships.
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, updatedAtColumn } from "./_columns";

export const users = pgTable(
  "users",
  {
    id: idColumn().primaryKey(),
    name: text("name").notNull(),
    /** Always stored lower-cased and trimmed; the unique index relies on it. */
    email: text("email").notNull(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    passwordHash: text("password_hash"),
    /** Bumped when every existing session of the user must stop working (password change, "sign out everywhere"). */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/** next-auth's account links (OAuth providers); credentials sign-in does not use it yet. */
export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refreshToken: text("refresh_token"),
    accessToken: text("access_token"),
    expiresAt: integer("expires_at"),
    tokenType: text("token_type"),
    scope: text("scope"),
    idToken: text("id_token"),
    sessionState: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_id_idx").on(t.userId)],
);

/**
 * Every sign-in (and password-check) attempt per normalized email, for throttling. An
 * attempt is written before the password is checked and counted with the others, so
 * concurrent guesses cannot all slip under the limit; a success is marked afterwards.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: idColumn().primaryKey(),
    email: text("email").notNull(),
    succeeded: boolean("succeeded").notNull(),
    /**
     * Whose budget the attempt spends: "device:<id>" for a browser holding a valid device
     * cookie for this account, else "untrusted" (all unknown clients together).
     */
    scope: text("scope").notNull().default("untrusted"),
    /** The client's address, when known; failures are also limited per address. */
    address: text("address"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("sign_in_attempts_email_scope_created_idx").on(t.email, t.scope, t.createdAt.desc()),
    index("sign_in_attempts_address_created_idx").on(t.address, t.createdAt.desc()).where(sql`not ${t.succeeded}`),
  ],
);

/**
 * Sessions ended before their time (sign-out). A session token names its id; a token whose
 * id is here is refused. A row can go once the session would have expired anyway.
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: uuid("session_id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("revoked_sessions_expires_at_idx").on(t.expiresAt), index("revoked_sessions_user_id_idx").on(t.userId)],
);
