// Global identity tables: people and how they sign in. Not tenant data (no organization_id):
// a user belongs to many organizations through memberships.
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    /** Bumped when every existing session of the user must stop working (password change). */
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

/** Every sign-in attempt per normalized email, for throttling repeated failures. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: idColumn().primaryKey(),
    email: text("email").notNull(),
    succeeded: boolean("succeeded").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("sign_in_attempts_email_created_idx").on(t.email, t.createdAt.desc()).where(sql`not ${t.succeeded}`)],
);
