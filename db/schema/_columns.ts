// Column helpers shared by the schema files, so every table spells ids, tenancy and
// timestamps the same way.
import { timestamp, uuid } from "drizzle-orm/pg-core";
import { v7 as uuidv7 } from "uuid";

/** A uuid v7 primary id: time-ordered, so b-tree inserts stay at the right edge. */
export const idColumn = () => uuid("id").notNull().$defaultFn(() => uuidv7());

/** The tenant key every tenant table carries and leads its keys with. */
export const organizationIdColumn = () => uuid("organization_id").notNull();

export const createdAtColumn = () =>
  timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const updatedAtColumn = () =>
  timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export { uuidv7 };
