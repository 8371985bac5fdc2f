// The responses explorer on a real database: every filter returns exactly the responses a
// plain filter over the data says it should, pages never skip or repeat a row (many rows
// share a timestamp), days are the organization's, another organization sees nothing, and
// the CSV export neutralizes formulas and keeps long comments whole.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import type { ResponseFilters } from "@/server/schemas/responses";
import { importResponseFile } from "@/server/services/response-imports";
import { listResponses, responseFilterOptions, responsesCsv } from "@/server/services/responses";
import { createSurvey } from "@/server/services/surveys";
import type { ColumnMapping } from "@/server/schemas/survey-mapping";
import { ownerContext, populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const TIME_ZONE = "America/New_York";
const LONG_COMMENT = "Long story. ".repeat(834).slice(0, 10_000);
const FORMULA_COMMENT = "=HYPERLINK(\"http://evil.test\",\"click\")";

interface Expected {
  externalId: string;
  surveyId: string;
  touchpointId: string;
  stageId: string;
  submittedAt: Date;
  csat: number;
  nps: number | null;
  comment: string | null;
  segment: Record<string, string>;
}

let t: TestDatabase;
let a: PopulatedOrg;
let b: PopulatedOrg;
let surveyId: string;
const model: Expected[] = [];

const MAPPING: ColumnMapping = {
  responseId: "id",
  submittedAt: { column: "at", dateOrder: "ymd", timeZone: null },
  csat: "csat",
  nps: "nps",
  ces: null,
  comment: "comment",
  channel: null,
  touchpoint: { kind: "column", column: "tp" },
  segments: [{ key: "region", column: "region" }],
};

function commentFor(i: number): string | null {
  if (i === 3) return FORMULA_COMMENT;
  if (i === 7) return LONG_COMMENT;
  return [null, `Waited 50 days #${i}`, `Got 50% off #${i}`, `Fine #${i}`][i % 4]!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  a = await populatedOrg(t.db, "Exp");
  b = await populatedOrg(t.db, "Other");
  await t.asOwner((tx) => tx.update(organizations).set({ timeZone: TIME_ZONE }).where(eq(organizations.id, a.org.id)));
  // populatedOrg's two responses (survey 1, first touchpoint).
  const [tp0, tp1] = a.touchpoints;
  model.push(
    { externalId: a.import.responseIds[0]!, surveyId: a.survey.id, touchpointId: tp0.id, stageId: a.stages[0].id, submittedAt: new Date("2026-03-04T10:00:00Z"), csat: 2, nps: null, comment: "(populatedOrg's verbatim)", segment: { region: "North" } },
    { externalId: a.import.responseIds[1]!, surveyId: a.survey.id, touchpointId: tp0.id, stageId: a.stages[0].id, submittedAt: new Date("2026-03-05T10:00:00Z"), csat: 5, nps: null, comment: null, segment: { region: "South" } },
  );
  const survey = await createSurvey(t.db, ownerContext(a), { name: "Explorer pulse" });
  surveyId = survey.id;
  const lines = ["id,tp,at,csat,nps,comment,region"];
  for (let i = 0; i < 120; i++) {
    // Three responses per instant, two hours apart, across New York's midnights (UTC−4 after March 8).
    const at = new Date(Date.parse("2026-03-09T02:00:00Z") + Math.floor(i / 3) * 2 * 3600_000);
    const tp = i % 2 === 0 ? tp0 : tp1;
    const region = ["North", "South", ""][i % 3]!;
    const comment = commentFor(i);
    lines.push([`g-${i}`, tp.key, at.toISOString(), (i % 5) + 1, i % 11, comment === null ? "" : `"${comment.replace(/"/g, '""')}"`, region].join(","));
    model.push({ externalId: `g-${i}`, surveyId, touchpointId: tp.id, stageId: a.stages[i % 2 === 0 ? 0 : 1].id, submittedAt: at, csat: (i % 5) + 1, nps: i % 11, comment, segment: region ? { region } : {} });
  }
  const outcome = await importResponseFile(t.db, { orgId: a.org.id, actor: { kind: "system", label: "test" } }, (async function* () {
    yield new TextEncoder().encode(lines.join("\n") + "\n");
  })(), { surveyId, fileName: "explorer.csv", source: "cli", mapping: MAPPING });
  expect(outcome).toMatchObject({ inserted: 120, rejected: 0 });
}, 180_000);
afterAll(() => t.close());

/** Every page of a filtered listing, checking that pages join up without gaps or repeats. */
async function allPages(org: PopulatedOrg, filters: ResponseFilters, limit = 7) {
  const ids: string[] = [];
  const times: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await listResponses(t.db, { orgId: org.org.id }, { filters, cursor, limit });
    expect(result.responses.length).toBeLessThanOrEqual(limit);
    ids.push(...result.responses.map((r) => r.externalId));
    times.push(...result.responses.map((r) => r.submittedAt.getTime()));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  expect(new Set(ids).size).toBe(ids.length);
  expect(times).toEqual([...times].sort((x, y) => y - x));
  return ids;
}

const expectedIds = (keep: (r: Expected) => boolean) => model.filter(keep).map((r) => r.externalId).sort();
const nyDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

describe("the responses explorer", () => {
  it("pages through every response newest first, without gaps or repeats, whatever the page size", async () => {
    for (const limit of [7, 50, 100]) expect((await allPages(a, {}, limit)).sort()).toEqual(expectedIds(() => true));
  });

  it.each<[string, () => ResponseFilters, (r: Expected) => boolean]>([
    ["survey", () => ({ surveyId }), (r) => r.surveyId === surveyId],
    ["touchpoint", () => ({ touchpointId: a.touchpoints[1].id }), (r) => r.touchpointId === a.touchpoints[1].id],
    ["stage", () => ({ stageId: a.stages[0].id }), (r) => r.stageId === a.stages[0].id],
    ["days in the organization's zone, both included", () => ({ from: "2026-03-09", to: "2026-03-10" }), (r) => ["2026-03-09", "2026-03-10"].includes(nyDay(r.submittedAt))],
    ["NPS 0–6 (detractors)", () => ({ metric: "nps", min: 0, max: 6 }), (r) => r.nps !== null && r.nps <= 6],
    ["CSAT at least 4", () => ({ metric: "csat", min: 4 }), (r) => r.csat >= 4],
    ["answered NPS at all", () => ({ metric: "nps" }), (r) => r.nps !== null],
    ["with a comment", () => ({ hasComment: true }), (r) => r.comment !== null],
    ["without a comment", () => ({ hasComment: false }), (r) => r.comment === null],
    ["comment search, % taken literally", () => ({ q: "50% OFF" }), (r) => r.comment?.toLowerCase().includes("50% off") ?? false],
    ["segment value", () => ({ segmentKey: "region", segmentValue: "North" }), (r) => r.segment.region === "North"],
    ["segment key present", () => ({ segmentKey: "region" }), (r) => "region" in r.segment],
    ["filters combined", () => ({ touchpointId: a.touchpoints[0].id, metric: "csat", max: 2, hasComment: true }), (r) => r.touchpointId === a.touchpoints[0].id && r.csat <= 2 && r.comment !== null],
  ])("filters by %s", async (_, filters, keep) => {
    const expected = expectedIds(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(model.length);
    expect((await allPages(a, filters())).sort()).toEqual(expected);
  });

  it("shows each row's survey, touchpoint, stage and the organization's zone", async () => {
    const { timeZone, responses } = await listResponses(t.db, { orgId: a.org.id }, { filters: { q: "Got 50% off #2" }, limit: 10 });
    expect(timeZone).toBe(TIME_ZONE);
    expect(responses.find((r) => r.externalId === "g-2")).toEqual(
      expect.objectContaining({ externalId: "g-2", surveyName: "Explorer pulse", touchpointKey: a.touchpoints[0].key, stageName: a.stages[0].name, csat: 3, nps: 2, comment: "Got 50% off #2", segment: {} }),
    );
  });

  it("another organization sees none of it, even filtering by this organization's ids", async () => {
    const other = await allPages(b, {});
    expect(other.sort()).toEqual([...b.import.responseIds].sort());
    expect(await allPages(b, { touchpointId: a.touchpoints[0].id })).toEqual([]);
    expect(await allPages(b, { surveyId })).toEqual([]);
    const options = await responseFilterOptions(t.db, { orgId: b.org.id });
    expect(options.surveys.map((s) => s.id)).toEqual([b.survey.id]);
    expect(options.touchpoints.map((tp) => tp.id).sort()).toEqual(b.touchpoints.map((tp) => tp.id).sort());
  });

  it("offers this organization's surveys, stages, touchpoints and segment keys as filters", async () => {
    const options = await responseFilterOptions(t.db, { orgId: a.org.id });
    expect(options.surveys.map((s) => s.name).sort()).toEqual(["Explorer pulse", a.survey.name].sort());
    expect(options.stages.map((s) => s.id)).toEqual(a.stages.map((s) => s.id));
    expect(options.touchpoints.map((tp) => tp.id)).toEqual(a.touchpoints.map((tp) => tp.id));
    expect(options.segmentKeys).toEqual(["region"]);
  });

  it("refuses a cursor it did not make", async () => {
    await expect(listResponses(t.db, { orgId: a.org.id }, { filters: {}, cursor: "2026-01-01' or 1=1", limit: 5 })).rejects.toThrow("Not a valid page cursor.");
  });
});

describe("the CSV export", () => {
  async function exported(org: PopulatedOrg, filters: ResponseFilters) {
    let text = "";
    for await (const chunk of responsesCsv(t.db, { orgId: org.org.id }, filters)) text += chunk;
    return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  }

  it("has every filtered row, formulas neutralized and a 10,000-character comment whole", async () => {
    const rows = await exported(a, { surveyId });
    expect(rows[0]).toEqual(["response_id", "submitted_at", "survey", "touchpoint", "touchpoint_name", "stage", "csat", "nps", "ces", "comment", "channel", "segment"]);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(expectedIds((r) => r.surveyId === surveyId));
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byId.get("g-3")![9]).toBe(`'${FORMULA_COMMENT}`);
    expect(byId.get("g-7")![9]).toBe(LONG_COMMENT);
    expect(byId.get("g-7")![9]).toHaveLength(10_000);
    expect(byId.get("g-0")).toEqual(["g-0", "2026-03-09T02:00:00.000Z", "Explorer pulse", a.touchpoints[0].key, a.touchpoints[0].name, a.stages[0].name, "1", "0", "", "", "", "region=North"]);
  });

  it("reads past its own page size without gaps (2,000 rows per query)", async () => {
    // More rows than one export page: the same file shape, 2,100 new responses.
    const lines = ["id,tp,at,csat,nps,comment,region"];
    for (let i = 0; i < 2100; i++) lines.push(`bulk-${i},${a.touchpoints[1].key},2025-06-01T12:00:00Z,3,,-2+3,East`);
    const outcome = await importResponseFile(t.db, { orgId: a.org.id, actor: { kind: "system", label: "test" } }, (async function* () {
      yield new TextEncoder().encode(lines.join("\n") + "\n");
    })(), { surveyId, fileName: "bulk.csv", source: "cli", mapping: { ...MAPPING, nps: null } });
    expect(outcome.inserted).toBe(2100);
    const rows = await exported(a, { segmentKey: "region", segmentValue: "East" });
    expect(rows).toHaveLength(2101);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(2100);
    expect(rows[1]![9]).toBe("'-2+3");
  }, 120_000);
});
