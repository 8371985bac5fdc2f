// The demo's findings board: routing rules for each team, a finding from every obstacle on
// the demo map, routed to the team that owns that kind of problem, spread across statuses,
// some past their SLA, and the two resolved ones telling both stories (delivery improved
// after its bad month; set-up instructions did not).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations } from "@/db/schema";
import { DEMO_ORG, DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { findUserByEmail } from "@/db/seed/factories";
import { seedDemoFindings } from "@/server/services/demo-findings";
import { seedDemoSurvey } from "@/server/services/demo-survey";
import { getFinding, listFindings } from "@/server/services/findings/board";
import { listRoutingRules } from "@/server/services/findings/routing-rules";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("demo findings", () => {
  it("routes every obstacle to its team, shows clocks and both outcomes of a fix, once", async () => {
    await seedDemo(t.db);
    const [org] = await t.db.select().from(organizations).where(eq(organizations.slug, DEMO_ORG.slug));
    const owner = await findUserByEmail(t.db, DEMO_USERS[0].email);
    const manager = await findUserByEmail(t.db, DEMO_USERS[1].email);
    const now = new Date("2026-11-30T12:00:00Z");
    await seedDemoSurvey(t.db, { orgId: org!.id, ownerUserId: owner!.id, count: 12_000, now });
    const first = await seedDemoFindings(t.db, { orgId: org!.id, managerUserId: manager!.id, now });
    expect(first.created).toBe(true);
    expect(await seedDemoFindings(t.db, { orgId: org!.id, managerUserId: manager!.id, now })).toEqual({ created: false, findings: 0 });

    const ctx = { orgId: org!.id, userId: manager!.id, role: "manager" as const };
    expect((await listRoutingRules(t.db, ctx)).map((r) => r.name)).toEqual([
      "Set-up instructions → Product development",
      "FAQs, ads and newsletters → Marketing",
      "Hold times and support → Customer service",
      "Cart and checkout → Web & e-commerce",
      "Delivery and packaging → Shipping",
    ]);
    const { findings } = await listFindings(t.db, ctx, {}, new Date());
    const byTitle = new Map(findings.map((f) => [f.title, f]));
    expect(
      ["FAQs are written for 20-somethings", "Callers wait on hold longer than 5 minutes", "The cart is hard to use on mobile", "Gift items get lost in the packaging", "Set-up instructions are unclear"].map((title) => [
        title,
        byTitle.get(title)?.teamName,
        byTitle.get(title)?.status,
      ]),
    ).toEqual([
      ["FAQs are written for 20-somethings", "Marketing", "triaged"],
      ["Callers wait on hold longer than 5 minutes", "Customer service", "in_progress"],
      ["The cart is hard to use on mobile", "Web & e-commerce", "in_progress"],
      ["Gift items get lost in the packaging", "Shipping", "resolved"],
      ["Set-up instructions are unclear", "Product development", "resolved"],
    ]);
    expect(findings.length).toBe(8);
    expect(findings.filter((f) => f.source === "suggestion")).toHaveLength(2);
    expect(findings.some((f) => f.sla?.state === "breached")).toBe(true);

    const delivery = await getFinding(t.db, ctx, byTitle.get("Gift items get lost in the packaging")!.id, now);
    expect(delivery.fixCheck).toMatchObject({ verdict: "improved", metric: "csatPct" });
    const setup = await getFinding(t.db, ctx, byTitle.get("Set-up instructions are unclear")!.id, now);
    expect(setup.fixCheck).toMatchObject({ verdict: "no_change", metric: "csatPct" });
  });
});
