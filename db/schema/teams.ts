// Teams inside an organization (Shipping, Marketing, …): the owners that findings and
// touchpoints are routed to.
import { sql } from "drizzle-orm";
import { foreignKey, integer, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, organizationIdColumn, updatedAtColumn } from "./_columns";
import { memberships, organizations } from "./organizations";

export const teams = pgTable(
  "teams",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Optimistic concurrency: updates send the version they read. */
    version: integer("version").notNull().default(1),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("teams_org_name_key").on(t.organizationId, sql`lower(${t.name})`),
  ],
);

export const teamMembers = pgTable(
  "team_members",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    teamId: uuid("team_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("team_members_org_team_user_key").on(t.organizationId, t.teamId, t.userId),
    foreignKey({
      name: "team_members_team_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }).onDelete("cascade"),
    // Through the membership, so removing someone from the organization removes them from its teams.
    foreignKey({
      name: "team_members_membership_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }).onDelete("cascade"),
  ],
);
