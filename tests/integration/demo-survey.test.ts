// The demo's survey responses: imported through the real path, once; believable patterns a
// manager can see (set-up instructions and phone hold times score badly, loyalty well, the
// delivery dip); the survey keeps the mapping it was imported with.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { organizations, surveys } from "@/db/schema";
import { DEMO_ORG, DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { DEMO_SURVEY } from "@/db/seed/demo-responses";
import { findUserByEmail } from "@/db/seed/factories";
import { withOrg } from "@/db/tenancy";
import { columnMappingSchema } from "@/server/schemas/survey-mapping";
import { seedDemoSurvey } from "@/server/services/demo-survey";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("demo survey", () => {
  it("imports the demo responses once, with the patterns the demo tells", async () => {
    await seedDemo(t.db);
    const [org] = await t.db.select().from(organizations).where(eq(organizations.slug, DEMO_ORG.slug));
    const owner = await findUserByEmail(t.db, DEMO_USERS[0].email);
    const now = new Date("2026-11-30T12:00:00Z");
    const first = await seedDemoSurvey(t.db, { orgId: org!.id, ownerUserId: owner!.id, count: 6000, now });
    expect(first).toEqual({ created: true, inserted: 6000 });
    expect(await seedDemoSurvey(t.db, { orgId: org!.id, ownerUserId: owner!.id, count: 6000, now })).toEqual({ created: false, inserted: 0 });

    const [survey] = await withOrg(t.db, org!.id, (tx) => tx.select().from(surveys).where(eq(surveys.organizationId, org!.id)));
    expect(survey!.name).toBe(DEMO_SURVEY.name);
    expect(columnMappingSchema.parse(survey!.mapping)).toMatchObject({ responseId: "response_id", csat: "csat", touchpoint: { kind: "column", column: "touchpoint" } });

    const means = await t.asOwner((tx) =>
      queryRows<{ key: string; csat: number; n: number }>(
        tx,
        sql`select t.key, avg(r.csat)::float as csat, count(*)::int as n from survey_responses r join touchpoints t on t.organization_id = r.organization_id and t.id = r.touchpoint_id group by t.key`,
      ),
    );
    const mean = (key: string) => means.find((m) => m.key === key)!.csat;
    expect(mean("post-purchase-setup")).toBeLessThan(2.8);
    expect(mean("consideration-contact")).toBeLessThan(2.8);
    expect(mean("loyalty-program")).toBeGreaterThan(4.2);
    expect(means.length).toBeGreaterThanOrEqual(15);

    // Delivery dips in one month and recovers.
    const delivery = await t.asOwner((tx) =>
      queryRows<{ month: string; csat: number }>(
        tx,
        sql`select to_char(date_trunc('month', r.submitted_at), 'YYYY-MM') as month, avg(r.csat)::float as csat from survey_responses r join touchpoints t on t.organization_id = r.organization_id and t.id = r.touchpoint_id where t.key = 'post-purchase-delivery' group by 1 order by 1`,
      ),
    );
    const worst = Math.min(...delivery.map((d) => d.csat));
    const best = Math.max(...delivery.map((d) => d.csat));
    expect(best - worst).toBeGreaterThan(0.8);

    // The rollup holds every response once.
    const [totals] = await t.asOwner((tx) =>
      queryRows<{ rolled: number; stored: number }>(tx, sql`select (select sum(responses) from touchpoint_daily_stats where segment_key = '')::int as rolled, (select count(*) from survey_responses)::int as stored`),
    );
    expect(totals).toEqual({ rolled: 6000, stored: 6000 });
  });
});
