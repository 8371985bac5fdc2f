// Shared fixtures: a populated organization and the two-organization setup every
// cross-tenant test starts from. Each call makes fresh, uniquely named rows, so tests in
// one database never see each other's data.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { ROLES, type Role } from "@/db/constants";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { addMember, createOrganization, createTeam, createUser } from "@/db/seed/factories";
import { createAlert } from "@/server/services/alerts";
import { createApiKey } from "@/server/services/api-keys";
import { createComment } from "@/server/services/comments";
import type { OrgContext } from "@/server/services/context";
import { createInvitation } from "@/server/services/invitations";
import { createMap } from "@/server/services/journey-maps";
import { listNotifications } from "@/server/services/notifications";
import { createObstacle } from "@/server/services/obstacles";
import { createPersona } from "@/server/services/personas";
import { importResponseFile } from "@/server/services/response-imports";
import { createShareLink } from "@/server/services/share-links";
import { createStage } from "@/server/services/stages";
import { createSurvey } from "@/server/services/surveys";
import { createFinding } from "@/server/services/findings/create";
import { createRoutingRule } from "@/server/services/findings/routing-rules";
import { setTeamSla } from "@/server/services/findings/team-slas";
import { saveFindingView } from "@/server/services/findings/views";
import { setEmailPreference } from "@/server/services/findings/preferences";
import { createWebhook, sendTestEvent } from "@/server/services/webhooks";
import { dismissSuggestion } from "@/server/services/findings/suggestions";
import { listResponses } from "@/server/services/responses";
import { createTouchpoint } from "@/server/services/touchpoints";
import type { InputTargets } from "./procedures";

export const uniqueSuffix = () => randomBytes(4).toString("hex");

export type TestUser = Awaited<ReturnType<typeof createUser>>;

/** Re-reads a user, e.g. to pick up a bumped session_version. */
export async function reloadUser(db: Db, userId: string): Promise<TestUser> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new Error(`user ${userId} is gone`);
  return user;
}

/** The owner's service context: fixtures write through the services, like the app. */
export const ownerContext = (o: { org: { id: string }; owner: { id: string } }): OrgContext => ({ orgId: o.org.id, userId: o.owner.id, role: "owner" });

export interface PopulatedOrg {
  org: { id: string; slug: string; name: string };
  owner: TestUser;
  /** One member per role; members.owner is the owner above. */
  members: Record<Role, TestUser>;
  /** A team (not one of the defaults) with members.member on it. */
  team: { id: string; name: string; version: number };
  invitation: { id: string; email: string; token: string };
  persona: { id: string; name: string; version: number };
  /** A map for the persona, with two stages. */
  map: { id: string; name: string; version: number };
  stages: [Named, Named];
  /** touchpoints[i] is in stages[i]; the first is owned by `team`. */
  touchpoints: [Keyed, Keyed];
  /** On the first touchpoint. */
  obstacle: Titled;
  /** On the second touchpoint. */
  opportunity: Titled;
  /** By the owner, on the obstacle, mentioning members.member. */
  comment: { id: string; body: string };
  /** members.member's notification of that mention. */
  notification: { id: string; recipientId: string };
  shareLink: { id: string; token: string };
  /** A survey with one import of two responses to the first touchpoint (and so their rollup). */
  survey: { id: string; name: string; version: number };
  import: { id: string; responseIds: string[] };
  apiKey: { id: string; key: string; prefix: string };
  /** On the first touchpoint (owned by `team`); creating it queued the organization's alert check job. */
  alert: { id: string; version: number };
  /** One of the import's responses (its row id), the finding's evidence. */
  responseId: string;
  /** Routes findings that mention delivery to `team`. */
  routingRule: Named;
  /** On the first touchpoint (so routed to `team`, its owner), with the response as evidence. */
  finding: Titled;
  /** A saved board view. */
  findingView: { id: string; name: string };
  /** An outgoing webhook with one test delivery queued. */
  webhook: { id: string; url: string };
}

interface Named {
  id: string;
  name: string;
  version: number;
}
type Keyed = Named & { key: string };
type Titled = { id: string; title: string; version: number };

/**
 * An organization with an owner, one member of every other role, a named team with a
 * member, a journey map with everything that can be on it (stages, touchpoints, an obstacle,
 * an opportunity, a comment with a mention and its notification, a share link, history), a
 * pending invitation and the audit events these produce: a row in every tenant table there is
 * today. The invitation comes last, so it is the newest activity-log entry.
 */
export async function populatedOrg(db: Db, label: string): Promise<PopulatedOrg> {
  const s = uniqueSuffix();
  const person = (role: Role) => createUser(db, { name: `${label} ${role} ${s}`, email: `${label.toLowerCase()}-${role}-${s}@example.test` });
  const owner = await person("owner");
  const org = await createOrganization(db, { ownerId: owner.id, name: `${label} Corp ${s}`, slug: `${label.toLowerCase()}-${s}` });
  const members = { owner } as Record<Role, TestUser>;
  for (const role of ROLES.slice(1)) {
    members[role] = await person(role);
    await addMember(db, { orgId: org.id, userId: members[role].id, role });
  }
  const team = await createTeam(db, { orgId: org.id, name: `${label} Secret Team ${s}`, memberIds: [members.member.id] });
  const ctx = ownerContext({ org, owner });

  const personaName = `${label} Persona ${s}`;
  const persona = await createPersona(db, ctx, { name: personaName, description: "", demographics: { ageBand: "35–44" }, goals: ["Save time"], pains: ["Queues"], preferredChannels: ["web"] });
  const map = await createMap(db, ctx, { name: `${label} Journey ${s}`, description: "", personaId: persona.id, template: "blank" });
  const stageNames = [`${label} Discover ${s}`, `${label} Buy ${s}`] as const;
  const stages: Named[] = [];
  for (const name of stageNames) stages.push({ name, ...(await createStage(db, ctx, { mapId: map.id, name, description: "" })) });
  const touchpoints: Keyed[] = [];
  for (const [i, stage] of stages.entries()) {
    const name = `${label} ${i === 0 ? "Landing page" : "Checkout"} ${s}`;
    const created = await createTouchpoint(db, ctx, {
      stageId: stage.id,
      name,
      key: `${label.toLowerCase()}-${i === 0 ? "landing" : "checkout"}-${s}`,
      channel: "web",
      description: "",
      teamId: i === 0 ? team.id : null,
      customerAction: "",
      expectedEmotion: null,
      notes: "",
    });
    touchpoints.push({ name, ...created });
  }
  const insight = async (kind: "obstacle" | "opportunity", title: string, touchpointId: string) => ({
    title,
    ...(await createObstacle(db, ctx, { touchpointId, kind, title, description: "", severity: "high" })),
  });
  const obstacle = await insight("obstacle", `${label} Slow page ${s}`, touchpoints[0]!.id);
  const opportunity = await insight("opportunity", `${label} Save the cart ${s}`, touchpoints[1]!.id);
  const body = `@${members.member.name} can your team look at this?`;
  const comment = await createComment(db, ctx, { mapId: map.id, touchpointId: touchpoints[0]!.id, obstacleId: obstacle.id, body });
  const memberContext: OrgContext = { orgId: org.id, userId: members.member.id, role: "member" };
  const [notification] = (await listNotifications(db, memberContext, { limit: 1 })).items;
  const shareLink = await createShareLink(db, ctx, { mapId: map.id });
  const surveyName = `${label} Pulse ${s}`;
  const survey = await createSurvey(db, ctx, { name: surveyName });
  const responseIds = [`${label}-r1-${s}`, `${label}-r2-${s}`];
  const csv = `response_id,touchpoint,submitted_at,csat,comment,region\n${responseIds[0]},${touchpoints[0]!.key},2026-03-04T10:00:00Z,2,${label} secret verbatim ${s},North\n${responseIds[1]},${touchpoints[0]!.key},2026-03-05T10:00:00Z,5,,South\n`;
  const imported = await importResponseFile(db, { orgId: org.id, actor: { kind: "user", userId: owner.id } }, (async function* () {
    yield new TextEncoder().encode(csv);
  })(), { surveyId: survey.id, fileName: `${label}.csv`, source: "upload", saveMapping: true });

  const alert = await createAlert(db, ctx, { touchpointId: touchpoints[0]!.id, metric: "csatPct", comparison: "below", threshold: 70, windowDays: 7, minimumAnswers: 30 });
  const apiKey = await createApiKey(db, { orgId: org.id, userId: owner.id }, { name: `${label} Feed ${s}`, scopes: ["responses:write", "stats:read", "findings:read", "findings:write"] });
  const { responses } = await listResponses(db, ctx, { filters: {}, limit: 1 });
  const ruleName = `${label} Delivery rule ${s}`;
  const rule = await createRoutingRule(db, ctx, { name: ruleName, conditions: { keywords: ["delivery"] }, teamId: team.id, assigneeUserId: null, severity: null, enabled: true });
  await setTeamSla(db, ctx, { teamId: team.id, severity: "high", firstResponseHours: 24, resolutionHours: 120, weekdaysOnly: true });
  const findingTitle = `${label} Checkout crash ${s}`;
  await dismissSuggestion(db, ctx, { touchpointId: touchpoints[0]!.id, phrase: "verbatim" });
  await setEmailPreference(db, { orgId: org.id, userId: members.member.id, role: "member" }, { kind: "finding_team", email: true });
  const webhook = await createWebhook(db, ctx, { url: "http://93.184.215.14/waymark-hook", events: ["finding.created"] });
  await sendTestEvent(db, ctx, { webhookId: webhook.id });
  const view = await saveFindingView(db, ctx, { name: `${label} Urgent ${s}`, filters: { severity: "critical" } });
  // Made by the team's own member, so it notifies nobody (the mention above stays the member's only notification).
  const finding = await createFinding(db, { orgId: org.id, userId: members.member.id, role: "member" }, { title: findingTitle, description: "", touchpointId: touchpoints[0]!.id, labels: ["checkout"], responseIds: [responses[0]!.id] });

  const email = `${label.toLowerCase()}-invitee-${s}@example.test`;
  const { invitation, token } = await createInvitation(db, ctx, { email, role: "viewer" });
  return {
    org: { id: org.id, slug: org.slug, name: org.name },
    owner,
    members,
    team: { id: team.id, name: team.name, version: team.version },
    invitation: { id: invitation.id, email, token },
    persona: { id: persona.id, name: personaName, version: persona.version },
    map: { id: map.id, name: map.name, version: 1 },
    stages: stages as [Named, Named],
    touchpoints: touchpoints as [Keyed, Keyed],
    obstacle,
    opportunity,
    comment: { id: comment.id, body },
    notification: { id: notification!.id, recipientId: members.member.id },
    shareLink: { id: shareLink.id, token: shareLink.token },
    survey: { id: survey.id, name: surveyName, version: survey.version },
    import: { id: imported.importId, responseIds },
    apiKey: { id: apiKey.id, key: apiKey.key, prefix: apiKey.prefix },
    alert,
    responseId: responses[0]!.id,
    routingRule: { id: rule.id, name: ruleName, version: rule.version },
    finding: { id: finding.id, title: findingTitle, version: finding.version },
    findingView: { id: view.id, name: view.name },
    webhook: { id: webhook.id, url: webhook.url },
  };
}

/** Strings that identify org A and must never reach a member of another organization. */
export function identifiersOf(o: PopulatedOrg): string[] {
  const people = Object.values(o.members).flatMap((u) => [u.id, u.email, u.name]);
  const named = [o.team, o.persona, o.map, ...o.stages].flatMap((x) => [x.id, x.name]);
  const touchpoints = o.touchpoints.flatMap((x) => [x.id, x.name, x.key]);
  const insights = [o.obstacle, o.opportunity].flatMap((x) => [x.id, x.title]);
  return [
    o.org.id,
    o.org.slug,
    o.org.name,
    ...named,
    ...touchpoints,
    ...insights,
    o.comment.id,
    o.notification.id,
    o.shareLink.id,
    o.shareLink.token,
    o.invitation.id,
    o.invitation.email,
    o.invitation.token,
    o.survey.id,
    o.survey.name,
    o.import.id,
    ...o.import.responseIds,
    o.apiKey.id,
    o.apiKey.prefix,
    o.alert.id,
    o.responseId,
    o.routingRule.id,
    o.routingRule.name,
    o.finding.id,
    o.finding.title,
    o.findingView.id,
    o.findingView.name,
    o.webhook.id,
    ...people,
  ];
}

export async function twoOrgs(db: Db) {
  const a = await populatedOrg(db, "Alpha");
  const b = await populatedOrg(db, "Bravo");
  return { a, b };
}

/** An organization's objects as targets for generated procedure inputs; `slug` and `userId` as given. */
export function targetsOf(o: PopulatedOrg, orgSlug: string, userId: string): InputTargets {
  return {
    orgSlug,
    userId,
    invitationId: o.invitation.id,
    token: o.invitation.token,
    teamId: o.team.id,
    personaId: o.persona.id,
    mapId: o.map.id,
    stageId: o.stages[0].id,
    otherStageId: o.stages[1].id,
    touchpointId: o.touchpoints[0].id,
    otherTouchpointId: o.touchpoints[1].id,
    obstacleId: o.obstacle.id,
    shareLinkId: o.shareLink.id,
    notificationId: o.notification.id,
    apiKeyId: o.apiKey.id,
    surveyId: o.survey.id,
    alertId: o.alert.id,
    responseId: o.responseId,
    findingId: o.finding.id,
    ruleId: o.routingRule.id,
    viewId: o.findingView.id,
    webhookId: o.webhook.id,
    versions: {
      team: o.team.version,
      persona: o.persona.version,
      journeyMap: o.map.version,
      stage: o.stages[0].version,
      touchpoint: o.touchpoints[0].version,
      obstacle: o.obstacle.version,
      survey: o.survey.version,
      alert: o.alert.version,
      finding: o.finding.version,
      routingRule: o.routingRule.version,
    },
  };
}

/** The organization's own objects, as targets for generated procedure inputs (a viewer as the member acted on). */
export function ownTargets(o: PopulatedOrg): InputTargets {
  return targetsOf(o, o.org.slug, o.members.viewer.id);
}
