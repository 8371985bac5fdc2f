// Importing survey exports end to end on a real database: every tool's file lands as the
// responses it holds, the rollup grows by exactly what was inserted, a re-upload adds
// nothing, and a file with a bad row writes nothing unless the valid rows are asked for.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { imports, surveyResponses, touchpointDailyStats } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { createStage } from "@/server/services/stages";
import { createTouchpoint } from "@/server/services/touchpoints";
import { createSurvey } from "@/server/services/surveys";
import { importResponseFile, type ImportRequest } from "@/server/services/response-imports";
import { ownerContext, populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { createTestDatabase, queryRows, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

async function orgWithTouchpoints(label: string) {
  const o = await populatedOrg(t.db, label);
  const ctx = ownerContext(o);
  const stage = await createStage(t.db, ctx, { mapId: o.map.id, name: "After", description: "" });
  const ids: Record<string, string> = {};
  for (const [key, name] of [["delivery", "Delivery"], ["phone-hold", "Phone hold times"], ["setup-instructions", "Set-up instructions"], ["checkout", "Checkout page"]] as const) {
    const tp = await createTouchpoint(t.db, ctx, { stageId: stage.id, name, key, channel: "web", description: "", teamId: null, customerAction: "", expectedEmotion: null, notes: "" });
    ids[key] = tp.id;
  }
  return { o, ids, actor: { orgId: o.org.id, actor: { kind: "user" as const, userId: o.owner.id } } };
}

const fileBytes = (text: string | Uint8Array) =>
  (async function* () {
    yield typeof text === "string" ? new TextEncoder().encode(text) : text;
  })();
const fixture = (name: string) => new Uint8Array(fs.readFileSync(`tests/fixtures/exports/${name}`));

/** The survey's responses (the fixture organization has another survey's responses too). */
async function responsesOf(o: PopulatedOrg, surveyId: string) {
  return withOrg(t.db, o.org.id, (tx) =>
    tx.select().from(surveyResponses).where(and(eq(surveyResponses.organizationId, o.org.id), eq(surveyResponses.surveyId, surveyId))).orderBy(surveyResponses.externalId),
  );
}
async function rollupOf(o: PopulatedOrg, surveyId: string) {
  return withOrg(t.db, o.org.id, (tx) =>
    tx
      .select()
      .from(touchpointDailyStats)
      .where(and(eq(touchpointDailyStats.organizationId, o.org.id), eq(touchpointDailyStats.surveyId, surveyId), eq(touchpointDailyStats.segmentKey, "")))
      .orderBy(touchpointDailyStats.day),
  );
}

describe("importing survey exports", () => {
  it("a Qualtrics file lands as its responses, and the rollup counts them by day and score", async () => {
    const { o, ids, actor } = await orgWithTouchpoints("Imp");
    const survey = await createSurvey(t.db, actor, { name: "Delivery pulse" });
    const outcome = await importResponseFile(t.db, actor, fileBytes(fixture("qualtrics.csv")), { surveyId: survey.id, fileName: "qualtrics.csv", source: "upload", saveMapping: true });
    expect(outcome).toMatchObject({ status: "succeeded", rows: 3, inserted: 3, duplicates: 0, rejected: 0, errors: [] });
    const stored = await responsesOf(o, survey.id);
    expect(stored.map((r) => [r.externalId, r.touchpointId, r.submittedAt.toISOString(), r.csat, r.nps, r.ces, r.comment])).toEqual([
      ["R_1aB2cD3eF4gH5iJ", ids.delivery, "2026-03-06T00:44:52.000Z", 2, 4, 2, "It came two days late\nand nobody told me."],
      ["R_3kF9aB2cD4eF6gH", ids.delivery, "2026-03-04T16:15:03.000Z", 5, 10, 7, "Fast, and the box was intact."],
      ["R_9zY8xW7vU6tS5rQ", ids.delivery, "2026-03-06T15:02:31.000Z", 4, 8, 5, null],
    ]);
    const rollup = await rollupOf(o, survey.id);
    // Days in the organization's zone (UTC here): the 2nd response was submitted on the 6th UTC.
    expect(rollup.map((r) => [r.day, r.responses, r.comments, r.csat2, r.csat4, r.csat5, r.nps10, r.ces7])).toEqual([
      ["2026-03-04", 1, 1, 0, 0, 1, 1, 1],
      ["2026-03-06", 2, 1, 1, 1, 0, 0, 0],
    ]);
    const [record] = await withOrg(t.db, o.org.id, (tx) => tx.select().from(imports).where(and(eq(imports.organizationId, o.org.id), eq(imports.id, outcome.importId))));
    expect(record).toMatchObject({ status: "succeeded", rowCount: 3, inserted: 3, actorKind: "user", actorUserId: o.owner.id, fileName: "qualtrics.csv" });
  });

  it("uploading the same file again inserts nothing and leaves the rollup as it was", async () => {
    const { o, actor } = await orgWithTouchpoints("Imp");
    const survey = await createSurvey(t.db, actor, { name: "Set-up", defaultTouchpointId: undefined });
    const request: ImportRequest = { surveyId: survey.id, fileName: "forms.csv", source: "upload", mapping: undefined };
    // Google Forms has no response id and no touchpoint column: the survey's default touchpoint is needed.
    await expect(importResponseFile(t.db, actor, fileBytes(fixture("google-forms.csv")), request)).rejects.toThrow(/needs a column mapping/);
    const withDefault = await createSurvey(t.db, actor, { name: "Set-up 2" });
    const first = await importResponseFile(t.db, actor, fileBytes(fixture("google-forms.csv")), {
      ...request,
      surveyId: withDefault.id,
      mapping: {
        responseId: null,
        submittedAt: { column: "Timestamp", dateOrder: "ymd", timeZone: null },
        csat: "How satisfied are you with the set-up instructions?",
        nps: "How likely are you to recommend us to a friend?",
        ces: null,
        comment: "What could we do better?",
        channel: null,
        touchpoint: { kind: "fixed", touchpointKey: "setup-instructions" },
        segments: [{ key: "region", column: "Region" }],
      },
      saveMapping: true,
    });
    expect(first).toMatchObject({ inserted: 3, duplicates: 0 });
    const before = await rollupOf(o, withDefault.id);
    const again = await importResponseFile(t.db, actor, fileBytes(fixture("google-forms.csv")), { ...request, surveyId: withDefault.id });
    expect(again).toMatchObject({ status: "succeeded", rows: 3, inserted: 0, duplicates: 3 });
    expect(await rollupOf(o, withDefault.id)).toEqual(before);
    expect(await responsesOf(o, withDefault.id)).toHaveLength(3);
  });

  it("all or nothing: one bad row writes nothing and names its line and column; skipInvalid keeps the rest", async () => {
    const { o, actor } = await orgWithTouchpoints("Imp");
    const survey = await createSurvey(t.db, actor, { name: "Plain" });
    const csv = "response_id,touchpoint,submitted_at,csat\nr-1,delivery,2026-03-04T10:00:00Z,5\nr-2,warehouse,2026-03-04T11:00:00Z,4\nr-3,delivery,2026-03-04T12:00:00Z,9\nr-1,delivery,2026-03-04T13:00:00Z,3\n";
    const rejected = await importResponseFile(t.db, actor, fileBytes(csv), { surveyId: survey.id, fileName: "plain.csv", source: "upload" });
    expect(rejected).toMatchObject({ status: "rejected", rows: 4, inserted: 0, rejected: 3 });
    expect(rejected.errors).toEqual([
      { line: 3, column: "B (touchpoint)", message: 'Unknown touchpoint "warehouse": no touchpoint has this key, name or alias.' },
      { line: 4, column: "D (csat)", message: "CSAT must be between 1 and 5; got 9." },
      { line: 5, column: null, message: 'The response id "r-1" already appears on line 2.' },
    ]);
    expect(await responsesOf(o, survey.id)).toEqual([]);
    expect(await rollupOf(o, survey.id)).toEqual([]);

    const kept = await importResponseFile(t.db, actor, fileBytes(csv), { surveyId: survey.id, fileName: "plain.csv", source: "upload", skipInvalid: true });
    expect(kept).toMatchObject({ status: "succeeded", rows: 4, inserted: 1, duplicates: 0, rejected: 3 });
    expect((await responsesOf(o, survey.id)).map((r) => [r.externalId, r.csat])).toEqual([["r-1", 5]]);
  });

  it("ten concurrent uploads of one file store one set of rows; the others report duplicates", async () => {
    const { o, actor } = await orgWithTouchpoints("Imp");
    const survey = await createSurvey(t.db, actor, { name: "Typeform" });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        importResponseFile(t.db, actor, fileBytes(fixture("plain.csv")), { surveyId: survey.id, fileName: "plain.csv", source: "api" }),
      ),
    );
    expect(outcomes.map((x) => x.inserted).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
    expect(outcomes.every((x) => x.inserted + x.duplicates === 3)).toBe(true);
    expect(await responsesOf(o, survey.id)).toHaveLength(3);
    expect((await rollupOf(o, survey.id)).reduce((n, r) => n + r.responses, 0)).toBe(3);
  });

  it("refuses an empty file, a header-only file and binary data with a clear error, and records why", async () => {
    const { o, actor } = await orgWithTouchpoints("Imp");
    const survey = await createSurvey(t.db, actor, { name: "Broken files" });
    const request = { surveyId: survey.id, fileName: "broken.csv", source: "upload" as const };
    await expect(importResponseFile(t.db, actor, fileBytes(""), request)).rejects.toThrow("The file is empty.");
    await expect(importResponseFile(t.db, actor, fileBytes("response_id,touchpoint,submitted_at,csat\n"), request)).rejects.toThrow("The file has a header but no responses.");
    await expect(importResponseFile(t.db, actor, fileBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])), request)).rejects.toThrow(/not a CSV or TSV text file/);
    const records = await withOrg(t.db, o.org.id, (tx) => tx.select({ status: imports.status, failure: imports.failure }).from(imports).where(eq(imports.organizationId, o.org.id)));
    const ours = records.filter((r) => r.failure);
    expect(ours.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(await responsesOf(o, survey.id)).toEqual([]);
  });

  it("a file larger than one staging chunk: a repeated id and a bad row far apart reject it all; skipInvalid keeps every other row, counted once; uploaded again with new rows, only those are added", { timeout: 240_000 }, async () => {
    const { o, actor } = await orgWithTouchpoints("Imp");
    const survey = await createSurvey(t.db, actor, { name: "Big file" });
    // 45,000 rows: three chunks of the staging pipeline. Row k is on line k + 2.
    let csv = "response_id,touchpoint,submitted_at,csat\n";
    for (let k = 0; k < 45_000; k++) csv += `${k === 30_000 ? "big-0" : `big-${k}`},delivery,2026-03-04T10:00:00Z,${k === 44_000 ? 9 : 1 + (k % 5)}\n`;
    const request = { surveyId: survey.id, fileName: "big.csv", source: "upload" as const };
    const rejected = await importResponseFile(t.db, actor, fileBytes(csv), request);
    expect(rejected).toMatchObject({ status: "rejected", rows: 45_000, inserted: 0, rejected: 2 });
    expect(rejected.errors).toEqual([
      { line: 30_002, column: null, message: 'The response id "big-0" already appears on line 2.' },
      { line: 44_002, column: "D (csat)", message: "CSAT must be between 1 and 5; got 9." },
    ]);
    // The chunks stored before the bad row was read are rolled back with the rest.
    expect(await responsesOf(o, survey.id)).toEqual([]);
    expect(await rollupOf(o, survey.id)).toEqual([]);

    const kept = await importResponseFile(t.db, actor, fileBytes(csv), { ...request, skipInvalid: true });
    expect(kept).toMatchObject({ status: "succeeded", rows: 45_000, inserted: 44_998, duplicates: 0, rejected: 2 });
    const stored = await responsesOf(o, survey.id);
    expect(stored).toHaveLength(44_998);
    // The first row of the repeated id stands: its score is row 0's.
    expect(stored.find((r) => r.externalId === "big-0")!.csat).toBe(1);
    expect((await rollupOf(o, survey.id)).map((r) => [r.day, r.responses])).toEqual([["2026-03-04", 44_998]]);

    // The file again with 5,000 new rows at its end: after a first chunk of duplicates the next
    // chunks leave stored responses out before inserting; the outcome is the same as row by row.
    let grown = csv;
    for (let k = 45_000; k < 50_000; k++) grown += `big-${k},delivery,2026-03-05T10:00:00Z,${1 + (k % 5)}\n`;
    const again = await importResponseFile(t.db, actor, fileBytes(grown), { ...request, skipInvalid: true });
    expect(again).toMatchObject({ status: "succeeded", rows: 50_000, inserted: 5_000, duplicates: 44_998, rejected: 2 });
    expect(again.errors.map((e) => e.line)).toEqual([30_002, 44_002]);
    expect(await responsesOf(o, survey.id)).toHaveLength(49_998);
    expect((await rollupOf(o, survey.id)).map((r) => [r.day, r.responses])).toEqual([["2026-03-04", 44_998], ["2026-03-05", 5_000]]);
  });

  it("a file whose middle chunk holds responses stored before: only the new rows go in, each counted once in the rollup", { timeout: 240_000 }, async () => {
    const { o, actor } = await orgWithTouchpoints("Imp");
    const survey = await createSurvey(t.db, actor, { name: "Mixed file" });
    const row = (k: number) => `mid-${k},delivery,2026-03-0${1 + Math.floor(k / 10_000)}T10:00:00Z,${1 + (k % 5)}\n`;
    const header = "response_id,touchpoint,submitted_at,csat\n";
    const request = { surveyId: survey.id, fileName: "mid.csv", source: "upload" as const };
    let earlier = header;
    for (let k = 20_000; k < 25_000; k++) earlier += row(k);
    expect(await importResponseFile(t.db, actor, fileBytes(earlier), request)).toMatchObject({ status: "succeeded", inserted: 5_000 });

    // 65,000 rows, chunks of 20,000: new; 5,000 stored among new ones; new; new.
    let csv = header;
    for (let k = 0; k < 65_000; k++) csv += row(k);
    const outcome = await importResponseFile(t.db, actor, fileBytes(csv), request);
    expect(outcome).toMatchObject({ status: "succeeded", rows: 65_000, inserted: 60_000, duplicates: 5_000, rejected: 0, errors: [] });
    expect(await responsesOf(o, survey.id)).toHaveLength(65_000);
    expect((await rollupOf(o, survey.id)).map((r) => [r.day, r.responses])).toEqual([
      ["2026-03-01", 10_000],
      ["2026-03-02", 10_000],
      ["2026-03-03", 10_000],
      ["2026-03-04", 10_000],
      ["2026-03-05", 10_000],
      ["2026-03-06", 10_000],
      ["2026-03-07", 5_000],
    ]);
  });

  it("records each import in the audit log under its actor: the person, or the operator CLI as the system", async () => {
    const { o, actor } = await orgWithTouchpoints("Imp");
    const survey = await createSurvey(t.db, actor, { name: "Audited" });
    const csv = "response_id,touchpoint,submitted_at,csat\nau-1,delivery,2026-03-04T10:00:00Z,5\nau-2,delivery,2026-03-04T11:00:00Z,4\n";
    const byPerson = await importResponseFile(t.db, actor, fileBytes(csv), { surveyId: survey.id, fileName: "a.csv", source: "upload" });
    const cli = { orgId: o.org.id, actor: { kind: "system" as const, label: "cli" } };
    const byCli = await importResponseFile(t.db, cli, fileBytes(csv), { surveyId: survey.id, fileName: "a.csv", source: "cli" });
    const eventOf = async (importId: string) =>
      t.asOwner((tx) => queryRows<{ action: string; actor_user_id: string | null; data: Record<string, unknown> }>(tx, sql`select action, actor_user_id, data from audit_events where organization_id = ${o.org.id} and target_type = 'import' and target_id = ${importId}`));
    expect(await eventOf(byPerson.importId)).toEqual([
      { action: "responses.imported", actor_user_id: o.owner.id, data: { survey: "Audited", source: "upload", fileName: "a.csv", inserted: 2, duplicates: 0, rejected: 0 } },
    ]);
    expect(await eventOf(byCli.importId)).toEqual([
      { action: "responses.imported", actor_user_id: null, data: { survey: "Audited", source: "cli", fileName: "a.csv", inserted: 0, duplicates: 2, rejected: 0, via: "cli" } },
    ]);
    const [record] = await withOrg(t.db, o.org.id, (tx) => tx.select().from(imports).where(and(eq(imports.organizationId, o.org.id), eq(imports.id, byCli.importId))));
    expect(record).toMatchObject({ actorKind: "system", actorUserId: null, actorApiKeyId: null });
  });
});
