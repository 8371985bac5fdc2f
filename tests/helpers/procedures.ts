// Enumerates the procedures of a tRPC router and builds valid inputs for them from their
// zod schemas, so sweeps over "every procedure" include procedures added later. A field
// name the generator does not know fails loudly instead of being skipped.
import { TRPCError } from "@trpc/server";
import type { AnyRouter } from "@trpc/server";
import type { z } from "zod";
import { DEFAULT_TEST_PASSWORD } from "@/db/seed/factories";
import { MAP_DOCUMENT_FORMAT, MAP_DOCUMENT_VERSION, type MapDocument } from "@/server/schemas/map-transfer";
import type { Context } from "@/server/trpc/context";
import { fieldErrorsOf } from "@/server/trpc/errors";
import { createCallerFactory, type ProcedureMeta } from "@/server/trpc/init";
import { uniqueSuffix } from "./fixtures";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  meta: ProcedureMeta | undefined;
  /** The input parsers, in the order the procedure applies them. */
  inputs: z.ZodType[];
  /** Field names of the merged object inputs. */
  fields: string[];
}

interface ProcedureDef {
  type: ProcedureInfo["type"];
  meta?: ProcedureMeta;
  inputs: unknown[];
}

export function listProcedures(router: AnyRouter): ProcedureInfo[] {
  const procedures = router._def.procedures as Record<string, { _def: ProcedureDef }>;
  return Object.entries(procedures).map(([path, procedure]) => {
    const def = procedure._def;
    const inputs = def.inputs as z.ZodType[];
    const fields = new Set<string>();
    for (const input of inputs) {
      const shape = (input as { shape?: Record<string, unknown> }).shape;
      if (!shape) throw new Error(`${path}: an input that is not a zod object; teach tests/helpers/procedures.ts to build it.`);
      for (const key of Object.keys(shape)) fields.add(key);
    }
    return { path, type: def.type, meta: def.meta, inputs, fields: [...fields] };
  });
}

/** The router namespaces (`member`, `journeyMap`, …) of a router's procedures, in order of appearance. */
export function routerNamespaces(router: AnyRouter): string[] {
  return [...new Set(listProcedures(router).map((procedure) => routerOf(procedure.path)))];
}

/** The ids and values an input is built from: the organization and the objects it names. */
export interface InputTargets {
  orgSlug: string;
  /** For organization.create's optional slug; omitted when undefined. */
  slug?: string;
  /** A member: the one member.* and team member procedures act on, and a map's new owner. */
  userId: string;
  invitationId: string;
  /** The invitation's token. */
  token: string;
  teamId: string;
  personaId: string;
  /** A map with two stages; a touchpoint in each; an obstacle on the first touchpoint. */
  mapId: string;
  stageId: string;
  otherStageId: string;
  touchpointId: string;
  otherTouchpointId: string;
  obstacleId: string;
  shareLinkId: string;
  /** A notification of someone else than the callers (a member mentioned in a comment). */
  notificationId: string;
  apiKeyId: string;
  surveyId: string;
  alertId: string;
  /** A survey response (row id), the finding's evidence. */
  responseId: string;
  findingId: string;
  /** The organization's one routing rule. */
  ruleId: string;
  /** A saved findings board view. */
  viewId: string;
  webhookId: string;
  /** The current version of the object each router updates, by router name: team, persona, journeyMap, … */
  versions: Record<string, number>;
}

const OMIT = Symbol("omit");
let counter = 0;
const fresh = (prefix: string) => `${prefix} ${uniqueSuffix()}${++counter}`;
/** Touchpoint keys are unique in the organization: a new one for every call. */
const freshKey = () => `gen-${uniqueSuffix()}${++counter}`;
const routerOf = (path: string) => path.split(".")[0]!;

/** A small valid export document (one stage, one touchpoint with an obstacle) for journeyMap.import. */
export function freshMapDocument(): MapDocument {
  return {
    format: MAP_DOCUMENT_FORMAT,
    version: MAP_DOCUMENT_VERSION,
    map: { name: fresh("Imported map"), description: "", status: "draft" },
    persona: null,
    stages: [
      {
        name: "Arrive",
        description: "",
        touchpoints: [
          {
            key: freshKey(),
            name: "Front desk",
            channel: "store",
            description: "",
            team: null,
            customerAction: "",
            expectedEmotion: 0,
            notes: "",
            obstacles: [{ kind: "obstacle", title: "Queue", description: "", severity: "low" }],
          },
        ],
      },
    ],
  };
}

/**
 * Field name → value, given the targets and the procedure's path (the same field can name
 * different objects: `version` is the version of whatever the router updates). Add new input
 * fields here, and to InputTargets if they name an object. Values must make the call succeed
 * for a role that may make it, on an organization made by populatedOrg.
 */
const FIELD_GENERATORS: Record<string, (targets: InputTargets, path: string) => unknown> = {
  orgSlug: (x) => x.orgSlug,
  slug: (x) => x.slug ?? OMIT,
  userId: (x) => x.userId,
  invitationId: (x) => x.invitationId,
  token: (x) => x.token,
  teamId: (x) => x.teamId,
  personaId: (x) => x.personaId,
  mapId: (x) => x.mapId,
  // touchpoint.move takes the first stage's touchpoint into the other stage, after the touchpoint there.
  stageId: (x, path) => (path === "touchpoint.move" ? x.otherStageId : x.stageId),
  afterStageId: (x) => x.otherStageId,
  touchpointId: (x) => x.touchpointId,
  afterTouchpointId: (x) => x.otherTouchpointId,
  obstacleId: (x) => x.obstacleId,
  shareLinkId: (x) => x.shareLinkId,
  notificationId: (x) => x.notificationId,
  apiKeyId: (x) => x.apiKeyId,
  ownerUserId: (x) => x.userId,
  surveyId: (x) => x.surveyId,
  alertId: (x) => x.alertId,
  defaultTouchpointId: (x) => x.touchpointId,
  timeZone: () => "Europe/Paris",
  version: (x, path) => {
    const version = x.versions[routerOf(path)];
    if (version === undefined) throw new Error(`"${path}" takes a version, but InputTargets.versions has none for "${routerOf(path)}".`);
    return version;
  },
  role: () => "viewer",
  name: () => fresh("Generated"),
  description: () => "Generated by the test input generator.",
  currentPassword: () => DEFAULT_TEST_PASSWORD,
  newPassword: () => DEFAULT_TEST_PASSWORD,
  limit: () => 10,
  cursor: () => OMIT,
  // Personas
  demographics: () => ({ ageBand: "25–34", location: "Generated town" }),
  goals: () => ["Get it done quickly"],
  pains: () => ["Waiting"],
  preferredChannels: () => ["web", "phone"],
  // Maps
  template: () => "experience",
  status: (_, path) => (path === "finding.move" ? "triaged" : "active"),
  document: () => freshMapDocument(),
  // Touchpoints
  key: () => freshKey(),
  channel: () => "chat",
  customerAction: () => "Asks a question",
  expectedEmotion: () => 1,
  notes: () => "Generated notes.",
  // Obstacles and opportunities
  kind: (_, path) => (path === "notification.setEmailPreference" ? "finding_team" : "opportunity"),
  title: () => fresh("Generated idea"),
  severity: () => "high",
  // Comments
  body: () => "A generated comment.",
  // API keys
  scopes: () => ["stats:read"],
  expiresInDays: () => 30,
  // Alerts
  metric: () => "nps",
  comparison: () => "above",
  threshold: () => 20,
  windowDays: () => 30,
  minimumAnswers: () => 10,
  // Survey responses (the explorer filters by objects of the organization)
  // Findings and routing rules
  findingId: (x) => x.findingId,
  ruleId: (x) => x.ruleId,
  viewId: (x) => x.viewId,
  ruleIds: (x) => [x.ruleId],
  responseIds: (x) => [x.responseId],
  labels: () => ["generated"],
  assigneeUserId: (x) => x.userId,
  dueAt: () => new Date("2030-01-01T00:00:00Z"),
  snoozedUntil: () => null,
  reason: () => OMIT,
  duplicateOfId: () => OMIT,
  enabled: () => true,
  firstResponseHours: () => 8,
  resolutionHours: () => 72,
  weekdaysOnly: () => true,
  visibility: () => "team",
  phrase: () => "secret verbatim",
  // Webhooks: a public address literal, so no DNS lookup is needed (the tests have no internet).
  url: () => "http://93.184.215.14/waymark-hook",
  events: () => ["finding.created", "finding.resolved"],
  webhookId: (x) => x.webhookId,
  // Notification email preferences
  email: (_, path) => (path === "notification.setEmailPreference" ? false : `fresh-${uniqueSuffix()}${++counter}@example.test`),
  conditions: (x) => ({ touchpointIds: [x.touchpointId], keywords: ["generated"] }),
  // Dashboards: two segment values, so the raw-responses path is swept too.
  filters: (x, path) =>
    path.startsWith("dashboard.")
      ? { mapId: x.mapId, stageId: x.stageId, surveyId: x.surveyId, segmentKey: "region", segmentValues: ["North", "South"], compare: "previous", granularity: "week" }
      : path.startsWith("finding.")
        ? { touchpointId: x.touchpointId, stageId: x.stageId, teamId: x.teamId, severity: "high", label: "checkout", q: "crash", statuses: ["new"] }
        : { touchpointId: x.touchpointId, stageId: x.stageId, q: "late", segmentKey: "region", segmentValue: "North" },
  q: () => "late",
};

export class UnknownInputFieldError extends Error {}

/** A valid input for the procedure, or an error naming the field the generator lacks. */
export function buildInput(procedure: ProcedureInfo, targets: InputTargets): Record<string, unknown> | undefined {
  if (procedure.inputs.length === 0) return undefined;
  const input: Record<string, unknown> = {};
  for (const field of procedure.fields) {
    const generate = FIELD_GENERATORS[field];
    if (!generate) {
      throw new UnknownInputFieldError(
        `Procedure "${procedure.path}" has an input field "${field}" that the test input generator does not know. ` +
          `Add "${field}" to FIELD_GENERATORS in tests/helpers/procedures.ts (and the object it names to InputTargets), ` +
          `so the cross-tenant sweep and the role matrix cover it.`,
      );
    }
    const value = generate(targets, procedure.path);
    if (value !== OMIT) input[field] = value;
  }
  // A generated input that fails validation would make every check pass vacuously (BAD_REQUEST).
  for (const schema of procedure.inputs) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw new Error(`Generated input for "${procedure.path}" is invalid: ${parsed.error.message}`);
  }
  return input;
}

/** Calls a procedure by path through a caller of the router (the real middleware chain). */
export async function callProcedure(router: AnyRouter, ctx: Context, path: string, input: unknown): Promise<unknown> {
  const caller = createCallerFactory(router)(ctx) as unknown as Record<string, unknown>;
  let target: unknown = caller;
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

export type CallOutcome = { ok: true; value: unknown } | { ok: false; code: string; message: string; error: unknown };

export async function outcomeOf(promise: Promise<unknown>): Promise<CallOutcome> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code, message: error.message, error };
    return { ok: false, code: "NOT_A_TRPC_ERROR", message: String(error), error };
  }
}

/** "ok", or the tRPC error code a call failed with. */
export const codeOf = (promise: Promise<unknown>) => outcomeOf(promise).then((x) => (x.ok ? "ok" : x.code));

/** The field errors a failed call carries (a service's DomainError or the input validation's), or null. */
export function fieldErrorsOfOutcome(outcome: CallOutcome): Record<string, string[]> | null {
  return outcome.ok ? null : fieldErrorsOf((outcome.error as { cause?: unknown }).cause);
}
