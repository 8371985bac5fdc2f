// GET /api/v1/stats/touchpoints through its route handler: the dashboards' figures per
// touchpoint (and per bucket), days in the organization's time zone with `to` included, one
// segment key's values, clear 400s, and only the key's own organization.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { identifiersOf, populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const database = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/server/app-db", () => ({ getDb: async () => database.db }));
const { GET } = await import("@/app/api/v1/stats/touchpoints/route");
const { GET: listTouchpoints } = await import("@/app/api/v1/touchpoints/route");

let t: TestDatabase;
let a: PopulatedOrg;
let b: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  database.db = t.db;
  a = await populatedOrg(t.db, "Stats");
  b = await populatedOrg(t.db, "Else");
}, 120_000);
afterAll(() => t.close());

const get = (handler: typeof GET, o: PopulatedOrg, query: string) => handler(new Request(`http://localhost:3000/api/v1/stats/touchpoints${query}`, { headers: { authorization: `Bearer ${o.apiKey.key}` } }));

interface StatsBody {
  timeZone: string;
  touchpoints: { touchpointId: string; key: string; n: number; csatN: number; csatPct: number | null; csatMean: number | null; npsN: number; nps: number | null; buckets?: { bucket: string; n: number; csatPct: number | null }[] }[];
}

describe("GET /api/v1/stats/touchpoints", () => {
  it("per touchpoint: populatedOrg's CSAT 2 (4 March, North) and 5 (5 March, South) → n 2, 50 %, mean 3.5; no NPS", async () => {
    const answer = await get(GET, a, "?from=2026-03-01&to=2026-03-31");
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as StatsBody;
    expect(body.timeZone).toBe("UTC");
    expect(body.touchpoints).toEqual([
      { touchpointId: a.touchpoints[0].id, key: a.touchpoints[0].key, name: a.touchpoints[0].name, n: 2, csatN: 2, csatPct: 50, csatMean: 3.5, npsN: 0, nps: null, promoters: 0, passives: 0, detractors: 0, cesN: 0, cesMean: null },
    ]);
  });

  it("`to` is included", async () => {
    const onlyFourth = (await (await get(GET, a, "?from=2026-03-01&to=2026-03-04")).json()) as StatsBody;
    expect(onlyFourth.touchpoints[0]).toMatchObject({ n: 1, csatPct: 0 });
  });

  it("per ISO week with ?granularity=week, empty weeks included", async () => {
    const body = (await (await get(GET, a, "?from=2026-03-01&to=2026-03-10&granularity=week")).json()) as StatsBody;
    // Sunday 1 March is in the week of 23 Feb; the 4th and 5th in the week of 2 March; the 10th in the week of the 9th.
    expect(body.touchpoints[0]!.buckets!.map((x) => [x.bucket, x.n, x.csatPct])).toEqual([
      ["2026-02-23", 0, null],
      ["2026-03-02", 2, 50],
      ["2026-03-09", 0, null],
    ]);
  });

  it("segment.<key>=<value> keeps that segment; repeated values are several at once", async () => {
    const north = (await (await get(GET, a, "?from=2026-03-01&to=2026-03-31&segment.region=North")).json()) as StatsBody;
    expect(north.touchpoints[0]).toMatchObject({ n: 1, csatMean: 2 });
    const both = (await (await get(GET, a, "?from=2026-03-01&to=2026-03-31&segment.region=North&segment.region=South")).json()) as StatsBody;
    expect(both.touchpoints[0]).toMatchObject({ n: 2, csatMean: 3.5 });
    const nobody = (await (await get(GET, a, "?from=2026-03-01&to=2026-03-31&segment.region=West")).json()) as StatsBody;
    expect(nobody.touchpoints).toEqual([]);
  });

  it.each([
    ["", "from"],
    ["?from=2026-03-01", "to"],
    ["?from=2026-03-05&to=2026-03-01", "to"],
    ["?from=2026-02-30&to=2026-03-01", "from"],
    ["?from=2026-03-01&to=2026-03-31&granularity=hour", "granularity"],
    ["?from=2026-03-01&to=2026-03-31&segment.region=North&segment.age=18-24", "segment"],
    ["?from=2020-03-01&to=2026-03-31", "from"],
  ])("answers 400 with the field for %s", async (query, field) => {
    const answer = await get(GET, a, query);
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { error: { code: string; fields?: Record<string, string[]> } };
    expect(body.error.code).toBe("VALIDATION");
    expect(Object.keys(body.error.fields ?? {})).toContain(field);
  });

  it("another organization's key sees its own touchpoints only, none of this organization's", async () => {
    const answer = await get(GET, b, "?from=2026-03-01&to=2026-03-31&granularity=day");
    const text = await answer.text();
    expect(answer.status).toBe(200);
    expect((JSON.parse(text) as StatsBody).touchpoints.map((x) => x.touchpointId)).toEqual([b.touchpoints[0].id]);
    for (const secret of identifiersOf(a)) expect(text).not.toContain(secret);
  });
});

describe("GET /api/v1/touchpoints", () => {
  it("lists key, name, stage, channel and map of each touchpoint", async () => {
    const body = (await (await get(listTouchpoints, a, "")).json()) as { touchpoints: Record<string, unknown>[] };
    expect(body.touchpoints[0]).toMatchObject({ key: a.touchpoints[0].key, name: a.touchpoints[0].name, stage: a.stages[0].name, channel: "web", map: a.map.name });
  });
});
