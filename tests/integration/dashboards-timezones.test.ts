// Days are the organization's: a response at 23:30 local time counts on that local day, and
// the days daylight saving shortens (23 hours) or lengthens (25 hours) in New York neither lose
// nor double an hour's responses — on the rollup and on the raw path alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { dashboardFiltersSchema } from "@/server/schemas/dashboard";
import { dashboardOverview } from "@/server/services/dashboards/overview";
import { touchpointStats } from "@/server/services/dashboards/touchpoint-stats";
import { importModelResponses, type ModelResponse } from "../helpers/dashboard-data";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let o: PopulatedOrg;
const HOUR = 3600_000;

/** One CSAT 4 response per hour from `start` (UTC), `hours` of them. */
function hourly(prefix: string, start: string, hours: number): ModelResponse[] {
  return Array.from({ length: hours }, (_, i) => ({
    externalId: `${prefix}-${i}`,
    touchpointId: o.touchpoints[1].id,
    surveyId: o.survey.id,
    submittedAt: new Date(Date.parse(start) + i * HOUR),
    csat: 4,
    nps: null,
    ces: null,
    comment: null,
    channel: null,
    segment: { region: i % 2 ? "North" : "South" },
  }));
}

beforeAll(async () => {
  t = await createTestDatabase();
  o = await populatedOrg(t.db, "Zone");
  await t.asOwner((tx) => tx.update(organizations).set({ timeZone: "America/New_York" }).where(eq(organizations.id, o.org.id)));
  const rows = [
    // 8 March 2026 in New York: midnight EST is 05:00Z; clocks jump 02:00 → 03:00; the next midnight (EDT) is 04:00Z: 23 hours.
    ...hourly("spring", "2026-03-08T05:00:00Z", 23),
    // 1 November 2026: midnight EDT is 04:00Z; clocks fall back 02:00 → 01:00; the next midnight (EST) is 05:00Z: 25 hours.
    ...hourly("fall", "2026-11-01T04:00:00Z", 25),
    // 23:30 on 9 March in New York (EDT, UTC−4) is 03:30Z on the 10th; 00:30 on the 10th is 04:30Z.
    ...hourly("late", "2026-03-10T03:30:00Z", 2),
  ];
  await importModelResponses(t.db, o.org.id, o.survey.id, rows, new Map([[o.touchpoints[1].id, o.touchpoints[1].key]]));
}, 180_000);
afterAll(() => t.close());

async function responsesByDay(from: string, to: string, path: "rollup" | "raw", segmentValues?: string[]) {
  const filters = dashboardFiltersSchema.parse({ from, to, granularity: "day", compare: "none", stageId: o.stages[1].id, ...(segmentValues ? { segmentKey: "region", segmentValues } : {}) });
  const overview = await dashboardOverview(t.db, { orgId: o.org.id }, filters, { path });
  return Object.fromEntries(overview.trend.map((p) => [p.bucket, p.figures.responses]));
}

describe.each(["rollup", "raw"] as const)("organization days (%s)", (path) => {
  it("the spring-forward day holds its 23 hours, no more, no less", async () => {
    expect(await responsesByDay("2026-03-07", "2026-03-08", path)).toEqual({ "2026-03-07": 0, "2026-03-08": 23 });
  });

  it("the fall-back day holds its 25 hours", async () => {
    expect(await responsesByDay("2026-10-31", "2026-11-02", path)).toEqual({ "2026-10-31": 0, "2026-11-01": 25, "2026-11-02": 0 });
  });

  it("23:30 local counts on that day, 00:30 on the next", async () => {
    expect(await responsesByDay("2026-03-09", "2026-03-10", path)).toEqual({ "2026-03-09": 1, "2026-03-10": 1 });
  });

  it("a segment filter keeps the same days (one value: rollup rows; two: raw)", async () => {
    expect(await responsesByDay("2026-11-01", "2026-11-01", path, ["North"])).toEqual({ "2026-11-01": 12 });
    expect(await responsesByDay("2026-11-01", "2026-11-01", path, ["North", "South"])).toEqual({ "2026-11-01": 25 });
  });
});

it("the read API's figures count the same days (to inclusive)", async () => {
  const stats = await touchpointStats(t.db, { orgId: o.org.id }, { from: "2026-03-08", to: "2026-03-08" });
  expect(stats.touchpoints.map((x) => [x.key, x.n])).toEqual([[o.touchpoints[1].key, 23]]);
  const weekly = await touchpointStats(t.db, { orgId: o.org.id }, { from: "2026-03-08", to: "2026-03-10", granularity: "week" });
  // Sunday 8 March is in the ISO week of Monday 2 March; 9–10 March in the week of the 9th.
  expect(weekly.touchpoints[0]!.buckets!.map((b) => [b.bucket, b.n])).toEqual([["2026-03-02", 23], ["2026-03-09", 2]]);
});
