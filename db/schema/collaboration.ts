// Working together on a map: comments with @mentions, the notifications they raise, the
// map's history, and read-only share links.
import { type AnyPgColumn, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, organizationIdColumn } from "./_columns";
import { users } from "./identity";
import { memberships } from "./organizations";
import { alerts } from "./alerts";
import { findings } from "./findings";
import { journeyMaps, obstacles, touchpoints } from "./journeys";

const mapForeignKey = (name: string, t: { organizationId: AnyPgColumn; mapId: AnyPgColumn }) =>
  foreignKey({ name, columns: [t.organizationId, t.mapId], foreignColumns: [journeyMaps.organizationId, journeyMaps.id] }).onDelete("cascade");

/** On the map itself when both touchpoint and obstacle are null. */
export const comments = pgTable(
  "comments",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    mapId: uuid("map_id").notNull(),
    touchpointId: uuid("touchpoint_id"),
    obstacleId: uuid("obstacle_id"),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("comments_org_map_idx").on(t.organizationId, t.mapId, t.createdAt),
    mapForeignKey("comments_map_fk", t),
    foreignKey({ name: "comments_touchpoint_fk", columns: [t.organizationId, t.touchpointId], foreignColumns: [touchpoints.organizationId, touchpoints.id] }).onDelete("cascade"),
    foreignKey({ name: "comments_obstacle_fk", columns: [t.organizationId, t.obstacleId], foreignColumns: [obstacles.organizationId, obstacles.id] }).onDelete("cascade"),
  ],
);

/**
 * In-app notifications: "you were mentioned in a comment" (kind mention: map and comment set)
 * "an alert on your team's touchpoint fired" (kind alert: alert set, with what it saw in data),
 * and the findings board's kinds (finding_assigned, finding_team, finding_sla: finding set).
 */
export const notifications = pgTable(
  "notifications",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    recipientUserId: uuid("recipient_user_id").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").notNull().default("mention"),
    mapId: uuid("map_id"),
    commentId: uuid("comment_id"),
    alertId: uuid("alert_id"),
    /** For finding_* kinds: the finding it is about. */
    findingId: uuid("finding_id"),
    /** What the notification says beyond its links, e.g. an alert's figure when it fired. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("notifications_org_comment_recipient_key").on(t.organizationId, t.commentId, t.recipientUserId),
    index("notifications_org_recipient_idx").on(t.organizationId, t.recipientUserId, t.createdAt.desc()),
    // Leaving the organization removes one's notifications in it.
    foreignKey({ name: "notifications_membership_fk", columns: [t.organizationId, t.recipientUserId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete("cascade"),
    mapForeignKey("notifications_map_fk", t),
    foreignKey({ name: "notifications_comment_fk", columns: [t.organizationId, t.commentId], foreignColumns: [comments.organizationId, comments.id] }).onDelete("cascade"),
    foreignKey({ name: "notifications_alert_fk", columns: [t.organizationId, t.alertId], foreignColumns: [alerts.organizationId, alerts.id] }).onDelete("cascade"),
    foreignKey({ name: "notifications_finding_fk", columns: [t.organizationId, t.findingId], foreignColumns: [findings.organizationId, findings.id] }).onDelete("cascade"),
  ],
);

/** The map's history: one row per change, written in the change's transaction. */
export const mapEvents = pgTable(
  "map_events",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    mapId: uuid("map_id").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Dotted verb, e.g. `touchpoint.moved`; see server/services/map-history.ts. */
    action: text("action").notNull(),
    /** Names at the time of the change, so history reads well after renames and deletes. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("map_events_org_map_idx").on(t.organizationId, t.mapId, t.id.desc()),
    mapForeignKey("map_events_map_fk", t),
  ],
);

/** A revocable read-only link; only a hash of the token is stored. */
export const mapShareLinks = pgTable(
  "map_share_links",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    mapId: uuid("map_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("map_share_links_org_token_key").on(t.organizationId, t.tokenHash),
    mapForeignKey("map_share_links_map_fk", t),
  ],
);
