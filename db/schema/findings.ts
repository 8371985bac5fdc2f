// The findings board: obstacles turned into work for the team that owns them, with the
// responses that prove them, every change recorded, the rules that route new findings, and
// each team's response and resolution targets.
import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { FINDING_SOURCES, FINDING_STATUSES } from "../finding-constants";
import { createdAtColumn, idColumn, organizationIdColumn, updatedAtColumn } from "./_columns";
import { users } from "./identity";
import { severity, touchpoints } from "./journeys";
import { organizations } from "./organizations";
import { actorKind } from "./surveys";
import { teams } from "./teams";

export const findingStatus = pgEnum("finding_status", FINDING_STATUSES);
export const findingSource = pgEnum("finding_source", FINDING_SOURCES);

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * References to maps, stages, touchpoints, obstacles, users and other findings set only their
 * own column null when the row they name goes (migration's custom part, PostgreSQL 15+): a
 * finding outlives the map element it was found on.
 */
export const findings = pgTable(
  "findings",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    /** Per organization, from 1: "F-12" in conversation. */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    mapId: uuid("map_id"),
    stageId: uuid("stage_id"),
    touchpointId: uuid("touchpoint_id"),
    obstacleId: uuid("obstacle_id"),
    teamId: uuid("team_id"),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    status: findingStatus("status").notNull().default("new"),
    severity: severity("severity").notNull().default("medium"),
    dueAt: at("due_at"),
    labels: text("labels").array().notNull().default(sql`'{}'::text[]`),
    source: findingSource("source").notNull().default("manual"),
    /** The routing rule that chose the team, or null when the touchpoint's owner (or a person) did. */
    routedByRuleId: uuid("routed_by_rule_id"),
    duplicateOfId: uuid("duplicate_of_id"),
    declineReason: text("decline_reason"),
    snoozedUntil: at("snoozed_until"),
    /** When the team first moved it out of New: the first-response clock stops here. */
    firstRespondedAt: at("first_responded_at"),
    /** The SLA state people were last told about (due_soon, breached), so each crossing notifies once. */
    slaNotifiedState: text("sla_notified_state"),
    resolvedAt: at("resolved_at"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("findings_org_number_key").on(t.organizationId, t.number),
    index("findings_org_status_idx").on(t.organizationId, t.status, t.updatedAt.desc()),
    index("findings_org_team_idx").on(t.organizationId, t.teamId, t.status),
    index("findings_org_touchpoint_idx").on(t.organizationId, t.touchpointId),
    index("findings_org_updated_idx").on(t.organizationId, t.updatedAt, t.id),
    check("findings_duplicate_has_target", sql`(${t.status} = 'duplicate') = (${t.duplicateOfId} is not null)`),
  ],
);

/** Responses linked to a finding as its evidence (no foreign key to the high-volume responses table, as there). */
export const findingEvidence = pgTable(
  "finding_evidence",
  {
    organizationId: organizationIdColumn(),
    findingId: uuid("finding_id").notNull(),
    responseId: uuid("response_id").notNull(),
    addedByUserId: uuid("added_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.findingId, t.responseId] }),
    index("finding_evidence_org_response_idx").on(t.organizationId, t.responseId),
    foreignKey({ name: "finding_evidence_finding_fk", columns: [t.organizationId, t.findingId], foreignColumns: [findings.organizationId, findings.id] }).onDelete("cascade"),
  ],
);

/** Every change of a finding, who made it and when: the history drawer reads these. */
export const findingEvents = pgTable(
  "finding_events",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    findingId: uuid("finding_id").notNull(),
    actorKind: actorKind("actor_kind").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorApiKeyId: uuid("actor_api_key_id"),
    /** created, status, team, assignee, severity, due, labels, edited, evidence, merged, comment, routed, snoozed. */
    kind: text("kind").notNull(),
    /** { from, to, reason?, ruleId?, … } as the kind needs. */
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("finding_events_org_finding_idx").on(t.organizationId, t.findingId, t.createdAt),
    foreignKey({ name: "finding_events_finding_fk", columns: [t.organizationId, t.findingId], foreignColumns: [findings.organizationId, findings.id] }).onDelete("cascade"),
  ],
);

/** Ordered routing rules; the first whose conditions hold sets the team (server/findings/routing.ts). */
export const routingRules = pgTable(
  "routing_rules",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    /** RuleConditions: stageIds, touchpointIds, channels, severities, keywords, maxCsat. */
    conditions: jsonb("conditions").$type<Record<string, unknown>>().notNull().default({}),
    teamId: uuid("team_id").notNull(),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    severity: severity("severity"),
    enabled: boolean("enabled").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("routing_rules_org_position_idx").on(t.organizationId, t.position),
    foreignKey({ name: "routing_rules_team_fk", columns: [t.organizationId, t.teamId], foreignColumns: [teams.organizationId, teams.id] }).onDelete("cascade"),
  ],
);

/** A team's targets per severity: first response and resolution, in hours, counting every hour or weekdays only. */
export const teamSlas = pgTable(
  "team_slas",
  {
    organizationId: organizationIdColumn(),
    teamId: uuid("team_id").notNull(),
    severity: severity("severity").notNull(),
    firstResponseHours: smallint("first_response_hours").notNull(),
    resolutionHours: integer("resolution_hours").notNull(),
    weekdaysOnly: boolean("weekdays_only").notNull().default(false),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.teamId, t.severity] }),
    foreignKey({ name: "team_slas_team_fk", columns: [t.organizationId, t.teamId], foreignColumns: [teams.organizationId, teams.id] }).onDelete("cascade"),
    check("team_slas_positive", sql`${t.firstResponseHours} > 0 and ${t.resolutionHours} > 0`),
  ],
);

/** Wording a manager turned down as a suggested finding at a touchpoint: not suggested again there. */
export const findingSuggestionDismissals = pgTable(
  "finding_suggestion_dismissals",
  {
    organizationId: organizationIdColumn(),
    touchpointId: uuid("touchpoint_id").notNull(),
    phrase: text("phrase").notNull(),
    dismissedByUserId: uuid("dismissed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.touchpointId, t.phrase] }),
    foreignKey({ name: "finding_suggestion_dismissals_touchpoint_fk", columns: [t.organizationId, t.touchpointId], foreignColumns: [touchpoints.organizationId, touchpoints.id] }).onDelete("cascade"),
  ],
);

/** Saved board filters ("Urgent shipping", "Breached this week"): managers curate them, everyone uses them. */
export const findingViews = pgTable(
  "finding_views",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    /** FindingFilters (server/schemas/findings.ts), checked again when read. */
    filters: jsonb("filters").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), uniqueIndex("finding_views_org_name_key").on(t.organizationId, sql`lower(${t.name})`)],
);

/** Which finding notifications a person also gets by email (a missing row: EMAIL_BY_DEFAULT). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    organizationId: organizationIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    email: boolean("email").notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId, t.kind] })],
);

/** Outgoing webhooks (admins): where finding events are POSTed, signed with the endpoint's secret. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    organizationId: organizationIdColumn().references(() => organizations.id, { onDelete: "cascade" }),
    id: idColumn(),
    url: text("url").notNull(),
    /** The HMAC secret ("whsec_…"), shown to admins so receivers can verify signatures. */
    secret: text("secret").notNull(),
    /** finding.created, finding.status_changed, finding.resolved. */
    events: text("events").array().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] })],
);

/** One event sent (or being sent) to one endpoint: the delivery log admins see. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    organizationId: organizationIdColumn(),
    id: idColumn(),
    endpointId: uuid("endpoint_id").notNull(),
    event: text("event").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** pending, delivered, failed (after the job's last attempt). */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    responseStatus: integer("response_status"),
    lastError: text("last_error"),
    createdAt: createdAtColumn(),
    deliveredAt: at("delivered_at"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("webhook_deliveries_org_endpoint_idx").on(t.organizationId, t.endpointId, t.createdAt.desc()),
    foreignKey({ name: "webhook_deliveries_endpoint_fk", columns: [t.organizationId, t.endpointId], foreignColumns: [webhookEndpoints.organizationId, webhookEndpoints.id] }).onDelete("cascade"),
  ],
);
