// The demo organization's findings board: routing rules that send each kind of obstacle to
// its team, findings made from the demo map's obstacles and from the largest suggested groups
// of unhappy comments, spread across the statuses, some past their SLA, one resolved finding
// whose touchpoint measurably improved afterwards (delivery, after its bad month) and one
// that did not (set-up instructions). Made through the same services as people use, then
// dated back so the clocks and the before/after figures tell a believable story.
// Idempotent: an organization that has any finding keeps its board as it is.
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { findingEvents, findings, obstacles, teams } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { OrgContext } from "./context";
import { moveFinding, updateFinding } from "./findings/changes";
import { createFinding } from "./findings/create";
import { createRoutingRule } from "./findings/routing-rules";
import { acceptSuggestion, listSuggestions } from "./findings/suggestions";
import { setTeamSla } from "./findings/team-slas";

const DAY = 86_400_000;

/** In order: the broad "delivery" words come last, since other problems mention a delivery in passing. */
const RULES = [
  { name: "Set-up instructions → Product development", team: "Product development", keywords: ["set-up", "setup", "instructions", "manual", "assemble"] },
  { name: "FAQs, ads and newsletters → Marketing", team: "Marketing", keywords: ["faq", "faqs", "ad", "ads", "newsletter"] },
  { name: "Hold times and support → Customer service", team: "Customer service", keywords: ["hold", "callers", "support", "agent"] },
  { name: "Cart and checkout → Web & e-commerce", team: "Web & e-commerce", keywords: ["cart", "checkout", "coupon"] },
  { name: "Delivery and packaging → Shipping", team: "Shipping", keywords: ["delivery", "packaging", "parcel", "courier"] },
] as const;

type Plan = { status: "new" | "triaged" | "in_progress" | "resolved"; ageDays: number; resolvedDaysAgo?: number };

/** Obstacle title → where its finding stands. Delivery's bad month ended 120 days ago (db/seed/demo-responses.ts). */
const PLANS: Record<string, Plan> = {
  "FAQs are written for 20-somethings": { status: "triaged", ageDays: 6 },
  "Callers wait on hold longer than 5 minutes": { status: "in_progress", ageDays: 3 },
  "The cart is hard to use on mobile": { status: "in_progress", ageDays: 4 },
  "Gift items get lost in the packaging": { status: "resolved", ageDays: 140, resolvedDaysAgo: 120 },
  "Set-up instructions are unclear": { status: "resolved", ageDays: 75, resolvedDaysAgo: 60 },
  "No follow-up after the sale": { status: "new", ageDays: 3 },
};

/** Moves every timestamp of a finding and its history back by `ms`. */
async function dateBack(tx: Tx, orgId: string, findingId: string, ms: number) {
  const shift = sql`make_interval(secs => ${ms / 1000})`;
  await tx
    .update(findings)
    .set({
      createdAt: sql`${findings.createdAt} - ${shift}`,
      updatedAt: sql`${findings.updatedAt} - ${shift}`,
      firstRespondedAt: sql`${findings.firstRespondedAt} - ${shift}`,
      resolvedAt: sql`${findings.resolvedAt} - ${shift}`,
    })
    .where(and(eq(findings.organizationId, orgId), eq(findings.id, findingId)));
  await tx
    .update(findingEvents)
    .set({ createdAt: sql`${findingEvents.createdAt} - ${shift}` })
    .where(and(eq(findingEvents.organizationId, orgId), eq(findingEvents.findingId, findingId)));
}

export async function seedDemoFindings(db: Db, input: { orgId: string; managerUserId: string; now?: Date }): Promise<{ created: boolean; findings: number }> {
  const now = input.now ?? new Date();
  const ctx: OrgContext = { orgId: input.orgId, userId: input.managerUserId, role: "manager" };
  const { existing, teamIds, obstacleList } = await withOrg(db, input.orgId, async (tx) => ({
    existing: (await tx.select({ id: findings.id }).from(findings).where(eq(findings.organizationId, input.orgId)).limit(1))[0],
    teamIds: new Map((await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organizationId, input.orgId))).map((t) => [t.name, t.id])),
    obstacleList: await tx.select().from(obstacles).where(and(eq(obstacles.organizationId, input.orgId), eq(obstacles.kind, "obstacle"))),
  }));
  if (existing) return { created: false, findings: 0 };

  for (const rule of RULES) {
    const teamId = teamIds.get(rule.team);
    if (teamId) await createRoutingRule(db, ctx, { name: rule.name, conditions: { keywords: [...rule.keywords] }, teamId, assigneeUserId: null, severity: null, enabled: true });
  }
  const customerService = teamIds.get("Customer service");
  if (customerService) await setTeamSla(db, ctx, { teamId: customerService, severity: "high", firstResponseHours: 8, resolutionHours: 72, weekdaysOnly: true });

  let count = 0;
  for (const obstacle of obstacleList) {
    const plan = PLANS[obstacle.title] ?? { status: "new", ageDays: 1 };
    const created = await createFinding(db, ctx, { title: obstacle.title, description: obstacle.description, obstacleId: obstacle.id, labels: [], responseIds: [] });
    let version = created.version;
    if (plan.status === "in_progress" || plan.status === "resolved") {
      ({ version } = await updateFinding(db, ctx, { findingId: created.id, version, assigneeUserId: input.managerUserId }));
    }
    if (plan.status !== "new") await moveFinding(db, ctx, { findingId: created.id, version, status: plan.status });
    // Resolved ones are dated so the resolution falls on its day; the others by their age.
    const target = plan.resolvedDaysAgo !== undefined ? plan.resolvedDaysAgo : plan.ageDays;
    await withOrg(db, input.orgId, (tx) => dateBack(tx, input.orgId, created.id, target * DAY));
    if (plan.resolvedDaysAgo !== undefined) {
      // Created earlier than resolved: only the creation (and its first events) go further back.
      const extra = (plan.ageDays - plan.resolvedDaysAgo) * DAY;
      await withOrg(db, input.orgId, (tx) =>
        tx
          .update(findings)
          .set({ createdAt: sql`${findings.createdAt} - make_interval(secs => ${extra / 1000})`, firstRespondedAt: sql`${findings.createdAt} - make_interval(secs => ${extra / 1000 - 3600})` })
          .where(and(eq(findings.organizationId, input.orgId), eq(findings.id, created.id))),
      );
    }
    count++;
  }

  // The two largest groups of unhappy comments become findings too, routed by the rules above.
  for (const suggestion of (await listSuggestions(db, ctx, now)).slice(0, 2)) {
    await acceptSuggestion(db, ctx, { touchpointId: suggestion.touchpointId, phrase: suggestion.phrase, responseIds: suggestion.responseIds });
    count++;
  }
  return { created: true, findings: count };
}
