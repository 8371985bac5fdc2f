// Organizations (the tenants) and who belongs to them. `organizations` is the global tenant
// registry; memberships and invitations are tenant tables keyed by organization_id.
import { index, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { ROLES } from "../constants";
import { FINDING_VISIBILITIES } from "../finding-constants";
import { createdAtColumn, idColumn, organizationIdColumn, updatedAtColumn } from "./_columns";
import { users } from "./identity";

export const membershipRole = pgEnum("membership_role", ROLES);

export const organizations = pgTable(
  "organizations",
  {
    id: idColumn().primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** IANA zone the organization's days, weeks and months are counted in (dashboards, rollups). */
    timeZone: text("time_zone").notNull().default("UTC"),
    /** Who sees which findings (db/finding-constants.ts FINDING_VISIBILITIES). */
    findingsVisibility: text("findings_visibility", { enum: FINDING_VISIBILITIES }).notNull().default("organization"),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [unique("organizations_slug_key").on(t.slug)],
);

export const memberships = pgTable(
  "memberships",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull(),
    /**
     * Sessions that signed in before this instant no longer work for this organization:
     * set (from the app's clock, like the session's sign-in time) when the member's role
     * changes, so a demoted user cannot keep acting on a page they loaded before.
     * Null for a membership nobody has changed: a new membership revokes no session.
     */
    sessionsValidFrom: timestamp("sessions_valid_from", { withTimezone: true, mode: "date" }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("memberships_org_user_key").on(t.organizationId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    email: text("email").notNull(),
    role: membershipRole("role").notNull(),
    /** sha256 of the secret part of the link; the secret itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("invitations_org_token_key").on(t.organizationId, t.tokenHash),
    index("invitations_org_email_idx").on(t.organizationId, t.email),
  ],
);

