// Threshold alerts on touchpoints: "CSAT % below 70 over 7 days with at least 30 answers".
// The alert-check job evaluates them from the daily rollup and keeps each one's state, so it
// notifies the owning team once per crossing and clears when the figure recovers.
import { sql } from "drizzle-orm";
import { check, doublePrecision, foreignKey, index, integer, pgEnum, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { ALERT_COMPARISONS, ALERT_METRICS, ALERT_STATES } from "../alert-constants";
import { createdAtColumn, idColumn, organizationIdColumn, updatedAtColumn } from "./_columns";
import { users } from "./identity";
import { touchpoints } from "./journeys";

export const alertMetric = pgEnum("alert_metric", ALERT_METRICS);
export const alertComparison = pgEnum("alert_comparison", ALERT_COMPARISONS);
export const alertState = pgEnum("alert_state", ALERT_STATES);

export const alerts = pgTable(
  "alerts",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    touchpointId: uuid("touchpoint_id").notNull(),
    metric: alertMetric("metric").notNull(),
    comparison: alertComparison("comparison").notNull(),
    threshold: doublePrecision("threshold").notNull(),
    /** The window: the last N days (organization's time zone) ending today. */
    windowDays: integer("window_days").notNull(),
    /** Fewer answers than this in the window: not judged (the state stays as it was). */
    minimumAnswers: integer("minimum_answers").notNull(),
    state: alertState("state").notNull().default("ok"),
    /** The figure and its sample at the last check (null: no answers yet). */
    lastValue: doublePrecision("last_value"),
    lastN: integer("last_n"),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    firedAt: timestamp("fired_at", { withTimezone: true }),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("alerts_org_touchpoint_idx").on(t.organizationId, t.touchpointId),
    foreignKey({ name: "alerts_touchpoint_fk", columns: [t.organizationId, t.touchpointId], foreignColumns: [touchpoints.organizationId, touchpoints.id] }).onDelete("cascade"),
    check("alerts_window_days_range", sql`${t.windowDays} between 1 and 365`),
    check("alerts_minimum_answers_range", sql`${t.minimumAnswers} >= 1`),
  ],
);
