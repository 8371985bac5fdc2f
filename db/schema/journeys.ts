// Journey maps: personas, maps, their ordered stages, the touchpoints inside each stage, and
// the obstacles and opportunities found at a touchpoint. Every shared object carries a
// version (optimistic concurrency); order is a fractional key so a move writes one row.
import { sql } from "drizzle-orm";
import { check, customType, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { type AgeBand, CHANNELS, INSIGHT_KINDS, MAP_STATUSES, SEVERITIES } from "../journey-constants";
import { createdAtColumn, idColumn, organizationIdColumn, updatedAtColumn } from "./_columns";
import { users } from "./identity";
import { organizations } from "./organizations";

export const mapStatus = pgEnum("journey_map_status", MAP_STATUSES);
export const channel = pgEnum("touchpoint_channel", CHANNELS);
export const severity = pgEnum("severity", SEVERITIES);
export const insightKind = pgEnum("insight_kind", INSIGHT_KINDS);

/**
 * A fractional order key (lib/fractional-key.ts). Byte order, whatever the database's
 * collation: under en_US "a" < "B", which would scramble the order of keys.
 */
const orderKey = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

const versionColumn = () => integer("version").notNull().default(1);

export interface Demographics {
  ageBand?: AgeBand;
  location?: string;
  occupation?: string;
  income?: string;
}

export const personas = pgTable(
  "personas",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    demographics: jsonb("demographics").$type<Demographics>().notNull().default({}),
    goals: text("goals").array().notNull().default(sql`'{}'::text[]`),
    pains: text("pains").array().notNull().default(sql`'{}'::text[]`),
    preferredChannels: channel("preferred_channels").array().notNull().default(sql`'{}'::touchpoint_channel[]`),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), uniqueIndex("personas_org_name_key").on(t.organizationId, sql`lower(${t.name})`)],
);

export const journeyMaps = pgTable(
  "journey_maps",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Optional; the foreign key (set null on delete) is in migration 0003, which Drizzle cannot express. */
    personaId: uuid("persona_id"),
    status: mapStatus("status").notNull().default("draft"),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), index("journey_maps_org_updated_idx").on(t.organizationId, t.updatedAt.desc())],
);

export const stages = pgTable(
  "stages",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    mapId: uuid("map_id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: orderKey("position").notNull(),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // Target of the touchpoints' (stage, map) key: a touchpoint's stage is in its own map.
    unique("stages_org_map_id_key").on(t.organizationId, t.mapId, t.id),
    unique("stages_org_map_position_key").on(t.organizationId, t.mapId, t.position),
    foreignKey({ name: "stages_map_fk", columns: [t.organizationId, t.mapId], foreignColumns: [journeyMaps.organizationId, journeyMaps.id] }).onDelete("cascade"),
  ],
);

export const touchpoints = pgTable(
  "touchpoints",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    mapId: uuid("map_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    position: orderKey("position").notNull(),
    /** Stable key survey responses are matched on; unique in the organization, editable. */
    key: text("key").notNull(),
    name: text("name").notNull(),
    /** Other names survey exports use for this touchpoint (matched like the key, case-insensitively). */
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    channel: channel("channel").notNull(),
    description: text("description").notNull().default(""),
    /** Owning team; the foreign key (set null on delete) is in migration 0003. */
    teamId: uuid("team_id"),
    customerAction: text("customer_action").notNull().default(""),
    /** −2 … +2, or null when nobody has said. */
    expectedEmotion: smallint("expected_emotion"),
    notes: text("notes").notNull().default(""),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("touchpoints_org_key_key").on(t.organizationId, sql`lower(${t.key})`),
    unique("touchpoints_org_stage_position_key").on(t.organizationId, t.stageId, t.position),
    index("touchpoints_org_map_idx").on(t.organizationId, t.mapId),
    foreignKey({ name: "touchpoints_stage_fk", columns: [t.organizationId, t.mapId, t.stageId], foreignColumns: [stages.organizationId, stages.mapId, stages.id] }).onDelete("cascade"),
    check("touchpoints_expected_emotion_range", sql`${t.expectedEmotion} between -2 and 2`),
  ],
);

/** Obstacles (pain points) and opportunities on a touchpoint; the findings board routes obstacles. */
export const obstacles = pgTable(
  "obstacles",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    mapId: uuid("map_id").notNull(),
    touchpointId: uuid("touchpoint_id").notNull(),
    kind: insightKind("kind").notNull().default("obstacle"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    severity: severity("severity").notNull().default("medium"),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("obstacles_org_map_idx").on(t.organizationId, t.mapId),
    foreignKey({ name: "obstacles_touchpoint_fk", columns: [t.organizationId, t.touchpointId], foreignColumns: [touchpoints.organizationId, touchpoints.id] }).onDelete("cascade"),
  ],
);
