// Survey responses and how they arrive: surveys (feedback sources with their saved column
// mapping), the responses themselves (one per external id in an organization), imports (one
// per upload or API call, with counts and the error report), and the daily rollup the
// dashboards read instead of scanning responses.
import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, organizationIdColumn, updatedAtColumn } from "./_columns";
import { users } from "./identity";
import { channel } from "./journeys";
import { organizations } from "./organizations";

export const importStatus = pgEnum("import_status", ["running", "succeeded", "rejected", "failed"]);
export const importSource = pgEnum("import_source", ["upload", "api", "cli"]);
export const actorKind = pgEnum("actor_kind", ["user", "api_key", "system"]);

export const surveys = pgTable(
  "surveys",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    name: text("name").notNull(),
    /** Where responses go when the file names no touchpoint; FK (set null) in the migration. */
    defaultTouchpointId: uuid("default_touchpoint_id"),
    /** The last confirmed column mapping (server/schemas/survey-mapping.ts parses it), used for the next file. */
    mapping: jsonb("mapping").$type<unknown>(),
    /** IANA zone of timestamps written without one. */
    timeZone: text("time_zone").notNull().default("UTC"),
    version: integer("version").notNull().default(1),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), uniqueIndex("surveys_org_name_key").on(t.organizationId, sql`lower(${t.name})`)],
);

export interface ImportRowError {
  line: number;
  column: string | null;
  message: string;
}

export const imports = pgTable(
  "imports",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    surveyId: uuid("survey_id").notNull(),
    source: importSource("source").notNull(),
    /** Who did it: a person, an API key, or the system (the operator CLI). */
    actorKind: actorKind("actor_kind").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorApiKeyId: uuid("actor_api_key_id"),
    fileName: text("file_name"),
    status: importStatus("status").notNull().default("running"),
    /** false: all-or-nothing (the default); true: the valid rows are stored and the rest reported. */
    skipInvalid: boolean("skip_invalid").notNull().default(false),
    rowCount: integer("row_count").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    /** The rejected rows' problems, by line and column (capped; rejected counts them all). */
    errors: jsonb("errors").$type<ImportRowError[]>().notNull().default([]),
    /** A problem with the file as a whole (encoding, header, mapping), or why it failed. */
    failure: text("failure"),
    /** The API's Idempotency-Key and a hash of the request body it came with. */
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    /** The answer given, replayed for a repeated Idempotency-Key. */
    answer: jsonb("answer"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** Moved forward while the import runs; a running import whose heartbeat stopped was killed. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("imports_org_started_idx").on(t.organizationId, t.startedAt.desc()),
    uniqueIndex("imports_org_idempotency_key").on(t.organizationId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    foreignKey({ name: "imports_survey_fk", columns: [t.organizationId, t.surveyId], foreignColumns: [surveys.organizationId, surveys.id] }).onDelete("cascade"),
  ],
);

/**
 * No foreign keys on the two high-volume tables: each costs an index lookup per row in a
 * trigger, and four of them took half an import's time (5.8 s of 11 s per 100k rows,
 * measured). The import resolves survey and touchpoints inside the organization in its own
 * transaction; deleting a survey or a touchpoint removes or detaches its responses and
 * rollup rows in the service that does it.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    /** The survey tool's id for the response (or one derived from the row): the idempotency key. */
    externalId: text("external_id").notNull(),
    surveyId: uuid("survey_id").notNull(),
    /** Null only after the touchpoint was deleted. */
    touchpointId: uuid("touchpoint_id"),
    importId: uuid("import_id"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    csat: smallint("csat"),
    nps: smallint("nps"),
    ces: smallint("ces"),
    comment: text("comment"),
    channel: channel("channel"),
    /** Respondent attributes, free keys (age_band, region, persona, …). */
    segment: jsonb("segment").$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("survey_responses_org_external_id_key").on(t.organizationId, t.externalId),
    index("survey_responses_org_submitted_idx").on(t.organizationId, t.submittedAt),
    // A touchpoint's responses (its page's comments, a finding's impact, the explorer's filter):
    // (organization, touchpoint) alone. Equal keys are stored as one entry with a list of rows,
    // new rows appended to it, so an import barely pays for it; with submitted_at in the key,
    // every row went to a random page of the index (4.5 s of a million-row COPY, against 0.6 s;
    // a touchpoint's 90-day comments page read in 50 ms instead of 21, measured).
    index("survey_responses_org_touchpoint_idx").on(t.organizationId, t.touchpointId),
    check("survey_responses_csat_range", sql`${t.csat} between 1 and 5`),
    check("survey_responses_nps_range", sql`${t.nps} between 0 and 10`),
    check("survey_responses_ces_range", sql`${t.ces} between 1 and 7`),
    check("survey_responses_has_score", sql`coalesce(${t.csat}, ${t.nps}, ${t.ces}) is not null`),
  ],
);

const count = (name: string) => integer(name).notNull().default(0);

/**
 * Per touchpoint, survey and day (in the organization's time zone), and per segment value
 * (segment_key '' is every response): how many responses and how each score was distributed.
 * Means, CSAT %, NPS and their intervals all follow from the distributions.
 */
export const touchpointDailyStats = pgTable(
  "touchpoint_daily_stats",
  {
    organizationId: organizationIdColumn(),
    touchpointId: uuid("touchpoint_id").notNull(),
    surveyId: uuid("survey_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    segmentKey: text("segment_key").notNull().default(""),
    segmentValue: text("segment_value").notNull().default(""),
    responses: count("responses"),
    comments: count("comments"),
    /** How many answered each score (csat_1 … csat_5, nps_0 … nps_10, ces_1 … ces_7). */
    csat1: count("csat_1"),
    csat2: count("csat_2"),
    csat3: count("csat_3"),
    csat4: count("csat_4"),
    csat5: count("csat_5"),
    nps0: count("nps_0"),
    nps1: count("nps_1"),
    nps2: count("nps_2"),
    nps3: count("nps_3"),
    nps4: count("nps_4"),
    nps5: count("nps_5"),
    nps6: count("nps_6"),
    nps7: count("nps_7"),
    nps8: count("nps_8"),
    nps9: count("nps_9"),
    nps10: count("nps_10"),
    ces1: count("ces_1"),
    ces2: count("ces_2"),
    ces3: count("ces_3"),
    ces4: count("ces_4"),
    ces5: count("ces_5"),
    ces6: count("ces_6"),
    ces7: count("ces_7"),
    lastSubmittedAt: timestamp("last_submitted_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.touchpointId, t.surveyId, t.day, t.segmentKey, t.segmentValue] }),
    index("touchpoint_daily_stats_org_day_idx").on(t.organizationId, t.segmentKey, t.day),
    // The dashboards' everyday read: every response (segment_key ''), a range of days. Migration
    // 0014 makes it covering (INCLUDE the counts, which drizzle cannot express), so a period is
    // read from a tenth of the pages the interleaved segment rows would cost.
    index("touchpoint_daily_stats_totals_idx").on(t.organizationId, t.day).where(sql`segment_key = ''`),
  ],
);

