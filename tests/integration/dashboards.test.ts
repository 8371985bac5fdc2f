// Every dashboard figure against the responses themselves: random responses (seeded) are
// imported through the real import service, then each procedure's figures are compared with
// (1) the same procedure answered from the raw responses instead of the rollup and (2) the
// figures computed here in plain JS from the list of responses that was imported.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { surveyResponses } from "@/db/schema";
import type { FigureSet } from "@/server/metrics/figures";
import { bucketOf } from "@/server/metrics/buckets";
import { dashboardFiltersSchema, type DashboardFilters } from "@/server/schemas/dashboard";
import { dashboardChannels } from "@/server/services/dashboards/channels";
import { dashboardMapCurve } from "@/server/services/dashboards/map-curve";
import { dashboardOptions } from "@/server/services/dashboards/options";
import { dashboardOverview } from "@/server/services/dashboards/overview";
import { dashboardStuck } from "@/server/services/dashboards/stuck";
import { dashboardComments, dashboardTouchpoint } from "@/server/services/dashboards/touchpoint";
import { dayIn, expectedFigures, seedDashboardData, type DashboardData, type ModelResponse } from "../helpers/dashboard-data";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const TIME_ZONE = "America/New_York";
const FROM = "2026-03-01";
const TO = "2026-05-31";
/** The 92 days before FROM. */
const PREVIOUS = { from: "2025-11-29", to: "2026-02-28" };

let t: TestDatabase;
let a: PopulatedOrg;
let data: DashboardData;
/** Only the seeded responses (populatedOrg's two are on 4–5 March 2026 and are added below). */
let all: ModelResponse[];

beforeAll(async () => {
  t = await createTestDatabase();
  a = await populatedOrg(t.db, "Dash");
  data = await seedDashboardData(t, a, { seed: 20261130, count: 900, from: "2025-11-20T00:00:00Z", to: "2026-06-10T00:00:00Z", timeZone: TIME_ZONE });
  all = [
    ...data.responses,
    // populatedOrg's import: CSAT 2 with a comment (North), CSAT 5 (South), first touchpoint, its survey.
    { externalId: a.import.responseIds[0]!, touchpointId: a.touchpoints[0].id, surveyId: a.survey.id, submittedAt: new Date("2026-03-04T10:00:00Z"), csat: 2, nps: null, ces: null, comment: "x", channel: null, segment: { region: "North" } },
    { externalId: a.import.responseIds[1]!, touchpointId: a.touchpoints[0].id, surveyId: a.survey.id, submittedAt: new Date("2026-03-05T10:00:00Z"), csat: 5, nps: null, ces: null, comment: null, channel: null, segment: { region: "South" } },
  ];
}, 240_000);
afterAll(() => t.close());

const ctx = () => ({ orgId: a.org.id });
const filtersOf = (f: Partial<DashboardFilters>): DashboardFilters => dashboardFiltersSchema.parse({ from: FROM, to: TO, ...f });
const inRange = (r: ModelResponse, from: string, to: string) => dayIn(TIME_ZONE, r.submittedAt) >= from && dayIn(TIME_ZONE, r.submittedAt) <= to;
const stageOf = (r: ModelResponse) => data.touchpoints.find((tp) => tp.id === r.touchpointId)!;

/** The model's responses a set of filters keeps (period given separately). */
function kept(f: DashboardFilters, from = FROM, to = TO) {
  return all.filter(
    (r) =>
      inRange(r, from, to) &&
      (!f.surveyId || r.surveyId === f.surveyId) &&
      (!f.stageId || stageOf(r).stageId === f.stageId) &&
      (!f.channel || stageOf(r).channel === f.channel) &&
      (!f.segmentKey || !f.segmentValues?.length || f.segmentValues.includes(r.segment[f.segmentKey] ?? "\u0000")),
  );
}

/** A figure set equals the model's figures (floating point sums may differ in the last bits). */
function expectFigures(actual: FigureSet, rs: readonly ModelResponse[]) {
  const e = expectedFigures(rs);
  const close = (value: number | null, expected: number | null) => (expected === null ? expect(value).toBeNull() : expect(value).toBeCloseTo(expected, 9));
  expect(actual.responses).toBe(e.n);
  expect([actual.csatPct.n, actual.nps.n, actual.cesMean.n]).toEqual([e.csatN, e.npsN, e.cesN]);
  close(actual.csatPct.value, e.csatPct);
  close(actual.csatMean.value, e.csatMean);
  close(actual.nps.value, e.nps);
  close(actual.cesMean.value, e.cesMean);
  expect([actual.promoters, actual.passives, actual.detractors]).toEqual([e.promoters, e.passives, e.detractors]);
}

/** Lowest score first (CSAT, then NPS, then CES; a missing score after every answer), newest first among equals. */
function byScore(x: ModelResponse, y: ModelResponse): number {
  const order = (r: ModelResponse) => [r.csat ?? 6, r.nps ?? 11, r.ces ?? 8, -r.submittedAt.getTime()];
  const [p, q] = [order(x), order(y)];
  return p.map((v, i) => v - q[i]!).find((d) => d !== 0) ?? 0;
}

const FILTER_SETS: [string, () => Partial<DashboardFilters>][] = [
  ["no filter, by week", () => ({})],
  ["by day", () => ({ granularity: "day" })],
  ["by month, one survey", () => ({ granularity: "month", surveyId: data.surveys[1] })],
  ["one stage", () => ({ stageId: a.stages[0].id })],
  ["phone touchpoints", () => ({ channel: "phone" })],
  ["one segment value", () => ({ segmentKey: "region", segmentValues: ["North"] })],
];

describe("rollup and raw responses give identical figures", () => {
  it.each(FILTER_SETS)("overview, %s", async (_, make) => {
    const filters = filtersOf(make());
    const rollup = await dashboardOverview(t.db, ctx(), filters, { path: "rollup" });
    const raw = await dashboardOverview(t.db, ctx(), filters, { path: "raw" });
    expect(rollup.answeredBy).toBe("rollup");
    expect(raw.answeredBy).toBe("raw");
    expect({ ...raw, answeredBy: "rollup" }).toEqual(rollup);
  });

  it.each(FILTER_SETS)("stuck, channels and map curve, %s", async (_, make) => {
    const filters = filtersOf(make());
    for (const read of [
      (path: "rollup" | "raw") => dashboardStuck(t.db, ctx(), filters, { path }),
      (path: "rollup" | "raw") => dashboardChannels(t.db, ctx(), filters, { path }),
      (path: "rollup" | "raw") => dashboardMapCurve(t.db, ctx(), { mapId: a.map.id, filters }, { path }),
    ]) {
      const [rollup, raw] = [await read("rollup"), await read("raw")];
      expect({ ...raw, answeredBy: "rollup" }).toEqual(rollup);
    }
  });

  it("touchpoint page (trend, distributions, segment breakdown), with and without a segment filter", async () => {
    for (const f of [{}, { segmentKey: "age_band", segmentValues: ["25-34"] }]) {
      const input = { touchpointId: data.touchpoints[2]!.id, filters: filtersOf(f) };
      const rollup = await dashboardTouchpoint(t.db, ctx(), input, { path: "rollup" });
      const raw = await dashboardTouchpoint(t.db, ctx(), input, { path: "raw" });
      expect({ ...raw, answeredBy: "x" }).toEqual({ ...rollup, answeredBy: "x" });
    }
  });
});

describe("every figure equals the one computed from the responses", () => {
  it.each(FILTER_SETS)("overview tiles, trend and touchpoints, %s", async (_, make) => {
    const filters = filtersOf(make());
    const o = await dashboardOverview(t.db, ctx(), filters);
    const rs = kept(filters);
    expect(o.period).toMatchObject({ from: FROM, to: TO, compareFrom: PREVIOUS.from, compareTo: PREVIOUS.to, timeZone: TIME_ZONE });
    expect(rs.length).toBeGreaterThan(30);
    const tiles: FigureSet = { responses: o.tiles.responses.current, csatPct: o.tiles.csatPct.current, csatMean: o.tiles.csatMean.current, nps: o.tiles.nps.current, cesMean: o.tiles.cesMean.current, promoters: 0, passives: 0, detractors: 0 };
    const e = expectedFigures(rs);
    expectFigures({ ...tiles, promoters: e.promoters, passives: e.passives, detractors: e.detractors }, rs);
    const before = expectedFigures(kept(filters, PREVIOUS.from, PREVIOUS.to));
    expect(o.tiles.responses.previous).toBe(before.n);
    expect(o.tiles.csatPct.previous?.value ?? null).toBeCloseTo(before.csatPct!, 9);
    expect(o.tiles.csatPct.change).toBeCloseTo(e.csatPct! - before.csatPct!, 9);
    for (const point of o.trend) expectFigures(point.figures, rs.filter((r) => bucketOf(dayIn(TIME_ZONE, r.submittedAt), filters.granularity) === point.bucket));
    expect(o.trend.reduce((sum, p) => sum + p.figures.responses, 0)).toBe(rs.length);
    for (const row of o.touchpoints) {
      const own = rs.filter((r) => r.touchpointId === row.id);
      expectFigures(row.figures, own);
      const last = own.map((r) => r.submittedAt.getTime()).sort((x, y) => y - x)[0];
      expect(row.lastResponseAt?.getTime() ?? null).toBe(last ?? null);
    }
  });

  it("several segment values at once are answered from the raw responses, with the same definitions", async () => {
    const filters = filtersOf({ segmentKey: "region", segmentValues: ["North", "East"] });
    const o = await dashboardOverview(t.db, ctx(), filters);
    expect(o.answeredBy).toBe("raw");
    for (const row of o.touchpoints) expectFigures(row.figures, kept(filters).filter((r) => r.touchpointId === row.id));
  });

  it("stuck: impact = (journey CSAT % − touchpoint CSAT %) × its CSAT answers / all CSAT answers, worst verbatims lowest score first", async () => {
    const filters = filtersOf({});
    const s = await dashboardStuck(t.db, ctx(), filters);
    const rs = kept(filters);
    const journey = expectedFigures(rs);
    expect(s.journeyCsatPct).toBeCloseTo(journey.csatPct!, 9);
    const expected = data.touchpoints
      .map((tp) => {
        const own = expectedFigures(rs.filter((r) => r.touchpointId === tp.id));
        return { id: tp.id, impact: ((journey.csatPct! - own.csatPct!) * own.csatN) / journey.csatN };
      })
      .filter((x) => x.impact > 0)
      .sort((x, y) => y.impact - x.impact);
    expect(s.touchpoints.map((x) => x.id)).toEqual(expected.map((x) => x.id));
    expect(s.touchpoints[0]!.id).toBe(data.touchpoints[2]!.id); // the hotline, seeded to score lower
    s.touchpoints.forEach((x, i) => expect(x.impact).toBeCloseTo(expected[i]!.impact, 9));
    const hotline = s.touchpoints[0]!;
    const lowest = rs
      .filter((r) => r.touchpointId === hotline.id && r.comment)
      .sort(byScore)
      .slice(0, 3);
    expect(hotline.verbatims.map((v) => v.comment)).toEqual(lowest.map((r) => r.comment));
    expect(hotline.verbatims.map((v) => v.csat)).toEqual(lowest.map((r) => r.csat));
  });

  it("touchpoint page: distributions, NPS breakdown, segments and response channels", async () => {
    const tp = data.touchpoints[0]!;
    const filters = filtersOf({});
    const page = await dashboardTouchpoint(t.db, ctx(), { touchpointId: tp.id, filters });
    const own = kept(filters).filter((r) => r.touchpointId === tp.id);
    expect(page.touchpoint).toMatchObject({ id: tp.id, channel: "web", stage: { id: a.stages[0].id }, map: { id: a.map.id } });
    expect(page.distributions.csat).toEqual([1, 2, 3, 4, 5].map((score) => ({ score, count: own.filter((r) => r.csat === score).length })));
    expect(page.distributions.nps.map((x) => x.count)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => own.filter((r) => r.nps === s).length));
    expect(page.distributions.ces.map((x) => x.count)).toEqual([1, 2, 3, 4, 5, 6, 7].map((s) => own.filter((r) => r.ces === s).length));
    const e = expectedFigures(own);
    expect(page.nps).toEqual({ promoters: e.promoters, passives: e.passives, detractors: e.detractors });
    expect(page.segments.map((s) => s.key)).toEqual(["age_band", "region"]);
    for (const segment of page.segments) {
      for (const v of segment.values) expectFigures(v.figures, own.filter((r) => r.segment[segment.key] === v.value));
      expect(segment.values.map((v) => v.value).sort()).toEqual([...new Set(own.flatMap((r) => (r.segment[segment.key] ? [r.segment[segment.key]!] : [])))].sort());
    }
    for (const c of page.responseChannels) expectFigures(c.figures, own.filter((r) => (r.channel ?? "unknown") === c.channel));
    expect(page.responseChannels.reduce((sum, c) => sum + c.figures.responses, 0)).toBe(own.length);
  });

  it("channels: each stage's touchpoints pooled by channel", async () => {
    const filters = filtersOf({});
    const c = await dashboardChannels(t.db, ctx(), filters);
    expect(c.channels).toEqual(["phone", "web"]);
    const first = c.stages.find((s) => s.stage.id === a.stages[0].id)!;
    expect(first.channels.map((x) => x.channel)).toEqual(["phone", "web"]);
    for (const cell of first.channels) {
      expectFigures(cell.figures, kept(filters).filter((r) => stageOf(r).stageId === a.stages[0].id && stageOf(r).channel === cell.channel));
    }
  });

  it("map curve: actual = CSAT mean − 3 per touchpoint in canvas order, flagged against the design", async () => {
    const filters = filtersOf({});
    const curve = await dashboardMapCurve(t.db, ctx(), { mapId: a.map.id, filters });
    expect(curve.points.map((p) => p.touchpointId).sort()).toEqual(data.touchpoints.map((tp) => tp.id).sort());
    for (const p of curve.points) {
      const e = expectedFigures(kept(filters).filter((r) => r.touchpointId === p.touchpointId));
      expect(p.actual).toBeCloseTo(e.csatMean! - 3, 9);
      expect(p.n).toBe(e.csatN);
    }
    const hotline = curve.points.find((p) => p.touchpointId === data.touchpoints[2]!.id)!;
    expect(hotline.designed).toBe(1);
    // Seeded low: well over a point below the +1 the team designed, on enough answers.
    expect(hotline.lowSample).toBe(false);
    expect(hotline.actual!).toBeLessThanOrEqual(0);
    expect(hotline.flag).toBe("worse");
  });

  it("segment keys and values seen in the data, maps with stages, surveys, channels", async () => {
    const options = await dashboardOptions(t.db, ctx());
    expect(options.segments).toEqual([
      { key: "age_band", values: ["18-24", "25-34"] },
      { key: "region", values: ["East", "North", "South"] },
    ]);
    expect(options.maps).toEqual([{ id: a.map.id, name: a.map.name, stages: a.stages.map((s) => ({ id: s.id, name: s.name })) }]);
    expect(options.surveys.map((s) => s.id).sort()).toEqual([...data.surveys].sort());
    // In the channel list's order (the touchpoint_channel enum: web first).
    expect(options.channels).toEqual(["web", "phone"]);
  });
});

describe("a touchpoint's comments", () => {
  async function allPages(touchpointId: string, q: string | undefined, limit: number) {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 200; page++) {
      const result = await dashboardComments(t.db, ctx(), { touchpointId, filters: filtersOf({}), q, cursor, limit });
      expect(result.comments.length).toBeLessThanOrEqual(limit);
      seen.push(...result.comments.map((c) => c.responseId));
      if (!result.nextCursor) return seen;
      cursor = result.nextCursor;
    }
    throw new Error("too many pages");
  }

  it("pages through every comment lowest score first (CSAT, then NPS, then CES; newest first among equals), without gaps or repeats", async () => {
    const hotline = data.touchpoints[2]!.id;
    const expected = kept(filtersOf({})).filter((r) => r.touchpointId === hotline && r.comment).sort(byScore);
    expect(expected.length).toBeGreaterThan(20);
    const ids = await responseIdsOf(expected);
    for (const limit of [7, 100]) expect(await allPages(hotline, undefined, limit)).toEqual(ids);
  });

  it("search matches the words as typed: % and _ are not wildcards", async () => {
    const tp = data.touchpoints[0]!.id;
    const own = kept(filtersOf({})).filter((r) => r.touchpointId === tp && r.comment);
    for (const q of ["50%", "_damaged", "nobody ANSWERED"]) {
      const expected = own.filter((r) => r.comment!.toLowerCase().includes(q.toLowerCase())).sort(byScore);
      expect(expected.length).toBeGreaterThan(0);
      expect(await allPages(tp, q, 10)).toEqual(await responseIdsOf(expected));
    }
    expect(await allPages(tp, "%", 10)).toEqual(await responseIdsOf(own.filter((r) => r.comment!.includes("%")).sort(byScore)));
  });
});

/** The stored ids of model responses (by external id), in the same order. */
async function responseIdsOf(rs: ModelResponse[]): Promise<string[]> {
  const rows = await t.asOwner((tx) => tx.select({ id: surveyResponses.id, externalId: surveyResponses.externalId }).from(surveyResponses).where(eq(surveyResponses.organizationId, a.org.id)));
  const byExternal = new Map(rows.map((r) => [r.externalId, r.id]));
  return rs.map((r) => byExternal.get(r.externalId)!);
}
