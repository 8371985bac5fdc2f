// Random survey responses for the dashboard tests, imported through the real import service,
// and a plain model of them: each figure a dashboard shows is computed again here, straight
// from the list of responses (no distributions, no rollup, no code under test).
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import type { ColumnMapping } from "@/server/schemas/survey-mapping";
import { importResponseFile } from "@/server/services/response-imports";
import { createSurvey } from "@/server/services/surveys";
import { createTouchpoint } from "@/server/services/touchpoints";
import { ownerContext, type PopulatedOrg } from "./fixtures";
import { prng } from "./prng";
import type { TestDatabase } from "./test-db";

export interface ModelResponse {
  externalId: string;
  touchpointId: string;
  surveyId: string;
  submittedAt: Date;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  comment: string | null;
  channel: string | null;
  segment: Record<string, string>;
}

export interface DashboardData {
  timeZone: string;
  /** populatedOrg's two touchpoints (web) plus a phone touchpoint in the first stage. */
  touchpoints: { id: string; stageId: string; channel: string; expectedEmotion: number | null }[];
  surveys: string[];
  responses: ModelResponse[];
}

const MAPPING: ColumnMapping = {
  responseId: "id",
  submittedAt: { column: "at", dateOrder: "ymd", timeZone: null },
  csat: "csat",
  nps: "nps",
  ces: "ces",
  comment: "comment",
  channel: "channel",
  touchpoint: { kind: "column", column: "tp" },
  segments: [
    { key: "region", column: "region" },
    { key: "age_band", column: "age_band" },
  ],
};

const REGIONS = ["North", "South", "East", ""];
const AGE_BANDS = ["18-24", "25-34", ""];
const CHANNELS = ["web", "phone", ""];
const COMMENTS = ["", "", "Waited too long", "Got 50% off, great", "Box_damaged", "Fine", "Nobody answered the phone"];

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * `count` responses over `from` … `to` (instants), seeded: scores missing at random (never all
 * three), segments and channels sometimes absent. Imported into two surveys.
 */
export async function seedDashboardData(t: TestDatabase, o: PopulatedOrg, options: { seed: number; count: number; from: string; to: string; timeZone: string }): Promise<DashboardData> {
  const db: Db = t.db;
  const ctx = ownerContext(o);
  await t.asOwner((tx) => tx.update(organizations).set({ timeZone: options.timeZone }).where(eq(organizations.id, o.org.id)));
  const phone = await createTouchpoint(db, ctx, {
    stageId: o.stages[0].id,
    name: `Hotline ${o.org.slug}`,
    key: `hotline-${o.org.slug}`,
    channel: "phone",
    description: "",
    teamId: null,
    customerAction: "",
    expectedEmotion: 1,
    notes: "",
  });
  const touchpoints = [
    { id: o.touchpoints[0].id, key: o.touchpoints[0].key, stageId: o.stages[0].id, channel: "web", expectedEmotion: null },
    { id: o.touchpoints[1].id, key: o.touchpoints[1].key, stageId: o.stages[1].id, channel: "web", expectedEmotion: null },
    { id: phone.id, key: `hotline-${o.org.slug}`, stageId: o.stages[0].id, channel: "phone", expectedEmotion: 1 },
  ];
  const second = await createSurvey(db, ctx, { name: `Second pulse ${o.org.slug}` });
  const surveys = [o.survey.id, second.id];
  const random = prng(options.seed);
  const start = Date.parse(options.from);
  const span = Date.parse(options.to) - start;
  const bySurvey = new Map<string, ModelResponse[]>(surveys.map((id) => [id, []]));
  const touchpointKeys = new Map(touchpoints.map((tp) => [tp.id, tp.key]));
  for (let i = 0; i < options.count; i++) {
    const tp = random.pick(touchpoints);
    // Lower scores on the hotline, so it is the touchpoint where customers get stuck.
    const bias = tp.channel === "phone" ? 0.45 : 0;
    const score = (lo: number, hi: number) => (random.next() < 0.2 ? null : Math.max(lo, Math.min(hi, lo + Math.floor((random.next() - bias * random.next()) * (hi - lo + 1)))));
    let csat = score(1, 5);
    const nps = score(0, 10);
    const ces = score(1, 7);
    if (csat === null && nps === null && ces === null) csat = 3;
    const segment: Record<string, string> = {};
    const region = random.pick(REGIONS);
    const ageBand = random.pick(AGE_BANDS);
    if (region) segment.region = region;
    if (ageBand) segment.age_band = ageBand;
    const comment = random.pick(COMMENTS);
    const channel = random.pick(CHANNELS);
    const surveyId = random.pick(surveys);
    bySurvey.get(surveyId)!.push({
      externalId: `${o.org.slug}-d-${i}`,
      touchpointId: tp.id,
      surveyId,
      // Whole seconds: the CSV carries them exactly.
      submittedAt: new Date(Math.floor((start + random.next() * span) / 1000) * 1000),
      csat,
      nps,
      ces,
      comment: comment || null,
      channel: channel || null,
      segment,
    });
  }
  for (const [surveyId, rows] of bySurvey) await importModelResponses(db, o.org.id, surveyId, rows, touchpointKeys);
  return { timeZone: options.timeZone, touchpoints, surveys, responses: [...bySurvey.values()].flat() };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Imports model responses through the real import service (a CSV, as an upload would). */
export async function importModelResponses(db: Db, orgId: string, surveyId: string, rows: readonly ModelResponse[], touchpointKeys: Map<string, string>): Promise<void> {
  const lines = ["id,tp,at,csat,nps,ces,comment,channel,region,age_band"];
  for (const r of rows) {
    lines.push(
      [r.externalId, touchpointKeys.get(r.touchpointId)!, r.submittedAt.toISOString(), r.csat ?? "", r.nps ?? "", r.ces ?? "", csvCell(r.comment ?? ""), r.channel ?? "", r.segment.region ?? "", r.segment.age_band ?? ""].join(","),
    );
  }
  const outcome = await importResponseFile(db, { orgId, actor: { kind: "system", label: "test" } }, (async function* () {
    yield new TextEncoder().encode(lines.join("\n") + "\n");
  })(), { surveyId, fileName: "dashboard.csv", source: "cli", mapping: MAPPING });
  if (outcome.inserted !== rows.length) throw new Error(`Imported ${outcome.inserted} of ${rows.length}: ${JSON.stringify(outcome)}`);
}

/** The organization's calendar day of an instant (en-CA writes YYYY-MM-DD). */
export function dayIn(timeZone: string, at: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
  return format.format(at);
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The figures of a set of responses, straight from the definitions in the issue. */
export function expectedFigures(rs: readonly ModelResponse[]) {
  const csat = rs.flatMap((r) => (r.csat === null ? [] : [r.csat]));
  const nps = rs.flatMap((r) => (r.nps === null ? [] : [r.nps]));
  const ces = rs.flatMap((r) => (r.ces === null ? [] : [r.ces]));
  const promoters = nps.filter((s) => s >= 9).length;
  const detractors = nps.filter((s) => s <= 6).length;
  return {
    n: rs.length,
    csatN: csat.length,
    csatPct: csat.length ? (100 * csat.filter((s) => s >= 4).length) / csat.length : null,
    csatMean: mean(csat),
    npsN: nps.length,
    nps: nps.length ? (100 * (promoters - detractors)) / nps.length : null,
    promoters,
    passives: nps.length - promoters - detractors,
    detractors,
    cesN: ces.length,
    cesMean: mean(ces),
  };
}
