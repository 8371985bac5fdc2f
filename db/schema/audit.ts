// The activity log: who did what, when, per organization. Append-only.
import { index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, organizationIdColumn } from "./_columns";
import { users } from "./identity";
import { organizations } from "./organizations";

export const auditEvents = pgTable(
  "audit_events",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Dotted verb, e.g. `member.role_changed`; see server/services/audit.ts for the list. */
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), index("audit_events_org_created_idx").on(t.organizationId, t.createdAt.desc())],
);
