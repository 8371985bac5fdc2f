// Inputs of the findings board: creating, editing, moving and listing findings, and the
// routing rules that send new ones to a team.
import { z } from "zod";
import { FINDING_NOTIFICATION_KINDS, FINDING_STATUSES, FINDING_VISIBILITIES, WEBHOOK_EVENTS } from "@/db/finding-constants";
import { CHANNELS, SEVERITIES } from "@/db/journey-constants";
import { commentBodySchema } from "./collaboration";
import { idSchema, orgScoped, versionSchema } from "./common";
import { cappedText, LIST_LIMITS, requiredText } from "./limits";

export const FINDING_LIMITS = {
  title: 140,
  description: 4000,
  label: 40,
  labels: 10,
  declineReason: 500,
  ruleName: 80,
  keywords: 20,
  keyword: 60,
  rules: 100,
} as const;

const severitySchema = z.enum(SEVERITIES, "Pick a severity.");
const statusSchema = z.enum(FINDING_STATUSES, "Unknown status.");
const instantSchema = z.coerce.date("Not a valid date.");
const labelsSchema = z
  .array(requiredText(FINDING_LIMITS.label, "A label cannot be empty.").toLowerCase())
  .max(FINDING_LIMITS.labels, `At most ${FINDING_LIMITS.labels} labels.`)
  .transform((labels) => [...new Set(labels)]);

export const createFindingInput = orgScoped.extend({
  title: requiredText(FINDING_LIMITS.title, "Give the finding a title."),
  description: cappedText(FINDING_LIMITS.description).default(""),
  touchpointId: idSchema.optional(),
  /** Turn this obstacle of the map into a finding: its touchpoint, title and severity come along. */
  obstacleId: idSchema.optional(),
  severity: severitySchema.optional(),
  labels: labelsSchema.default([]),
  /** Responses that show the problem (their comments feed the routing rules' keywords). */
  responseIds: z.array(idSchema).max(LIST_LIMITS.page, `At most ${LIST_LIMITS.page} responses at once.`).default([]),
});
export type CreateFindingInput = z.infer<typeof createFindingInput>;

/** Until when a finding sleeps: only a date still to come. */
export const snoozeUntilSchema = instantSchema.refine((d) => d.getTime() > Date.now(), "Snooze until a date in the future.");

/** An edit names the version it read; any field left out stays as it is. */
export const updateFindingInput = orgScoped.extend({
  findingId: idSchema,
  version: versionSchema,
  title: requiredText(FINDING_LIMITS.title, "Give the finding a title.").optional(),
  description: cappedText(FINDING_LIMITS.description).optional(),
  teamId: idSchema.nullable().optional(),
  assigneeUserId: idSchema.nullable().optional(),
  severity: severitySchema.optional(),
  dueAt: instantSchema.nullable().optional(),
  labels: labelsSchema.optional(),
  /** Hidden from the board and its SLA clock paused until then; null wakes it. Only a future date. */
  snoozedUntil: snoozeUntilSchema.nullable().optional(),
});
export type UpdateFindingInput = z.infer<typeof updateFindingInput>;

export const moveFindingInput = orgScoped
  .extend({
    findingId: idSchema,
    version: versionSchema,
    status: statusSchema,
    /** Why it will not be fixed (needed for Won't fix). */
    reason: cappedText(FINDING_LIMITS.declineReason).optional(),
    /** The finding this one duplicates (needed for Duplicate); its evidence moves there. */
    duplicateOfId: idSchema.optional(),
  });
export type MoveFindingInput = z.infer<typeof moveFindingInput>;

export const findingIdInput = orgScoped.extend({ findingId: idSchema });

/** The map's one-click "Turn into a finding": everything else comes from the obstacle. */
export const findingFromObstacleInput = orgScoped.extend({ obstacleId: idSchema });

/** A comment on a finding; "@Full Name" mentions a member (lib/mentions.ts). */
export const commentOnFindingInput = findingIdInput.extend({ body: commentBodySchema });

/** Turning a firing dashboard alert into a finding. */
export const findingFromAlertInput = orgScoped.extend({ alertId: idSchema });

/** Responses picked in the explorer or on a touchpoint's page, added to (or taken off) a finding. */
export const findingEvidenceInput = orgScoped.extend({
  findingId: idSchema,
  responseIds: z
    .array(idSchema)
    .min(1, "Select at least one response.")
    .max(LIST_LIMITS.page, `At most ${LIST_LIMITS.page} responses at once.`),
});

export const BREACH_STATES = ["on_track", "due_soon", "breached"] as const;

export const FINDING_SORTS = ["updated", "sla", "impact"] as const;

export const findingFiltersSchema = z.object({
  /** Only the caller's teams' findings ("My team's queue"). */
  myTeams: z.boolean().optional(),
  /** Also the snoozed ones (hidden until their date otherwise). */
  snoozed: z.boolean().optional(),
  /** updated: latest change first; sla: the clock closest to breach first (a team's queue); impact: most responses affected first. */
  sort: z.enum(FINDING_SORTS).optional(),
  statuses: z.array(statusSchema).max(FINDING_STATUSES.length, `At most ${FINDING_STATUSES.length}.`).optional(),
  teamId: idSchema.optional(),
  /** "me" stands for the caller. */
  assignee: z.union([idSchema, z.literal("me"), z.literal("nobody")]).optional(),
  mapId: idSchema.optional(),
  stageId: idSchema.optional(),
  touchpointId: idSchema.optional(),
  severity: severitySchema.optional(),
  label: cappedText(FINDING_LIMITS.label).optional(),
  breach: z.enum(BREACH_STATES).optional(),
  q: cappedText(200).optional(),
});
export type FindingFilters = z.infer<typeof findingFiltersSchema>;

export const listFindingsInput = orgScoped.extend({ filters: findingFiltersSchema.default({}) });

const atMostItems = (n: number) => `At most ${n}.`;
const conditionsSchema = z.object({
  stageIds: z.array(idSchema).max(LIST_LIMITS.stagesPerMap, atMostItems(LIST_LIMITS.stagesPerMap)).optional(),
  touchpointIds: z.array(idSchema).max(LIST_LIMITS.touchpointsPerMap, atMostItems(LIST_LIMITS.touchpointsPerMap)).optional(),
  channels: z.array(z.enum(CHANNELS, "Unknown channel.")).max(CHANNELS.length, atMostItems(CHANNELS.length)).optional(),
  severities: z.array(severitySchema).max(SEVERITIES.length, atMostItems(SEVERITIES.length)).optional(),
  keywords: z.array(requiredText(FINDING_LIMITS.keyword, "A keyword cannot be empty.")).max(FINDING_LIMITS.keywords, `At most ${FINDING_LIMITS.keywords} keywords.`).optional(),
  maxCsat: z.number().int().min(1, "CSAT runs from 1 to 5.").max(5, "CSAT runs from 1 to 5.").optional(),
});

const ruleFields = {
  name: requiredText(FINDING_LIMITS.ruleName, "Name the rule."),
  conditions: conditionsSchema,
  teamId: idSchema,
  assigneeUserId: idSchema.nullable().default(null),
  severity: severitySchema.nullable().default(null),
  enabled: z.boolean().default(true),
};

export const createRoutingRuleInput = orgScoped.extend(ruleFields);
export const updateRoutingRuleInput = orgScoped.extend({ ruleId: idSchema, version: versionSchema, ...ruleFields });
export const routingRuleIdInput = orgScoped.extend({ ruleId: idSchema });
export const reorderRoutingRulesInput = orgScoped.extend({
  ruleIds: z.array(idSchema).max(FINDING_LIMITS.rules, `At most ${FINDING_LIMITS.rules} rules.`),
});
export type RoutingRuleFields = z.infer<typeof createRoutingRuleInput>;


const HOURS_MESSAGE = "Use a whole number of hours from 1 to 8760 (a year).";
const hoursSchema = z.number(HOURS_MESSAGE).int(HOURS_MESSAGE).min(1, HOURS_MESSAGE).max(8760, HOURS_MESSAGE);

export const setTeamSlaInput = orgScoped
  .extend({
    teamId: idSchema,
    severity: severitySchema,
    firstResponseHours: hoursSchema.refine((h) => h <= 720, "A first response within 720 hours (30 days) at most."),
    resolutionHours: hoursSchema,
    weekdaysOnly: z.boolean(),
  })
  .refine((s) => s.firstResponseHours <= s.resolutionHours, { message: "The first response cannot come after the resolution.", path: ["firstResponseHours"] });
export type SetTeamSlaInput = z.infer<typeof setTeamSlaInput>;

export const setFindingsVisibilityInput = orgScoped.extend({
  visibility: z.enum(FINDING_VISIBILITIES, "Choose who sees findings: the whole organization or each team its own."),
});

/** Most responses one suggestion carries into a finding. */
export const MAX_SUGGESTION_EVIDENCE = 5000;

export const dismissSuggestionInput = orgScoped.extend({
  touchpointId: idSchema,
  /** The shared wording of the suggestion (one or two words). */
  phrase: requiredText(121, "Name the suggestion's wording."),
});

/** The suggestion as the page showed it: accepting takes exactly the responses the manager saw. */
export const acceptSuggestionInput = dismissSuggestionInput.extend({
  responseIds: z
    .array(idSchema)
    .min(1, "A suggestion carries at least one response.")
    .max(MAX_SUGGESTION_EVIDENCE, `At most ${MAX_SUGGESTION_EVIDENCE} responses in one finding.`),
});

/** The board's filters as URL query parameters (the board's address and its CSV link); statuses repeat. */
const FILTER_PARAMS = ["teamId", "assignee", "mapId", "stageId", "touchpointId", "severity", "label", "breach", "q", "sort"] as const;

export function findingFiltersFromQuery(query: URLSearchParams) {
  const raw: Record<string, unknown> = {};
  for (const name of FILTER_PARAMS) {
    const value = query.get(name)?.trim();
    if (value) raw[name] = value;
  }
  if (query.get("myTeams") === "yes") raw.myTeams = true;
  if (query.get("snoozed") === "yes") raw.snoozed = true;
  const statuses = query.getAll("status").filter(Boolean);
  if (statuses.length) raw.statuses = statuses;
  return findingFiltersSchema.safeParse(raw);
}

export function findingFiltersToQuery(filters: FindingFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_PARAMS) if (filters[name]) params.set(name, filters[name]);
  if (filters.myTeams) params.set("myTeams", "yes");
  if (filters.snoozed) params.set("snoozed", "yes");
  for (const status of filters.statuses ?? []) params.append("status", status);
  return params;
}

export const FINDING_VIEW_LIMITS = { name: 60, perOrganization: 50 } as const;

export const saveFindingViewInput = orgScoped.extend({
  name: requiredText(FINDING_VIEW_LIMITS.name, "Name the view."),
  filters: findingFiltersSchema,
});
export const findingViewIdInput = orgScoped.extend({ viewId: idSchema });

export const setEmailPreferenceInput = orgScoped.extend({
  kind: z.enum(FINDING_NOTIFICATION_KINDS, "Unknown kind of notification."),
  email: z.boolean(),
});

export const createWebhookInput = orgScoped.extend({
  url: z
    .url({ protocol: /^https?$/, message: "Enter an http:// or https:// URL." })
    .max(2000, "At most 2,000 characters."),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, "Unknown event."))
    .min(1, "Choose at least one event.")
    .max(WEBHOOK_EVENTS.length, `At most ${WEBHOOK_EVENTS.length} events.`)
    .transform((events) => [...new Set(events)]),
});
export const webhookIdInput = orgScoped.extend({ webhookId: idSchema });
/** One endpoint's delivery log, newest first, a page at a time. */
export const webhookDeliveriesInput = webhookIdInput.extend({
  /** The last delivery id of the previous page. */
  cursor: idSchema.optional(),
  limit: z.number().int().min(1).max(LIST_LIMITS.page).default(20),
});
