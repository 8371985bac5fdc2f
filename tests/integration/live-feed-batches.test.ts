// The live feed's group commit (server/services/live-feed-batches.ts): concurrent requests of one
// organization and survey written together in one transaction, each with its own exact answer,
// import and audit event; a failing request fails no other; organizations never share a batch.
// Requests sent while a first one is being written wait together and form the next batch, so
// "same transaction" is checked on the rows themselves (xmin: the id of the writing transaction).
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, imports, surveyResponses, touchpointDailyStats } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { importLiveResponses, type LiveRequest } from "@/server/services/live-feed-batches";
import type { ImportOutcome, ResponseRecord } from "@/server/services/response-imports";
import { createApiKey, revokeApiKey } from "@/server/services/api-keys";
import { createSurvey } from "@/server/services/surveys";
import { ownerContext, populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { callRoute } from "../helpers/rest-calls";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const database = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/server/app-db", () => ({ getDb: async () => database.db }));

let t: TestDatabase;
let a: PopulatedOrg;
let b: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  database.db = t.db;
  a = await populatedOrg(t.db, "Live");
  b = await populatedOrg(t.db, "Other live");
});
afterAll(() => t.close());

let sequence = 0;
const newId = (label: string) => `${label}-${Date.now()}-${++sequence}`;
const response = (o: PopulatedOrg, overrides: Record<string, unknown> = {}) => ({ externalId: newId("live"), touchpoint: o.touchpoints[0].key, submittedAt: "2026-05-01T09:30:00Z", csat: 4, ...overrides });
const records = (...values: unknown[]): ResponseRecord[] => values.map((value, i) => ({ line: i + 1, value }));

/** A survey of its own per test, so its rollup rows count this test's responses only. */
async function newSurvey(o: PopulatedOrg) {
  return createSurvey(t.db, ownerContext(o), { name: `Live ${++sequence}` });
}

function live(o: PopulatedOrg, surveyRef: string, values: unknown[], skipInvalid = false): LiveRequest {
  return { ctx: { orgId: o.org.id, actor: { kind: "api_key", apiKeyId: o.apiKey.id } }, surveyRef, records: records(...values), skipInvalid };
}

/** The first request is written at once; the ones sent while it is written wait and form the next batch. */
function sendBehindOne(first: LiveRequest, rest: LiveRequest[]): Promise<PromiseSettledResult<ImportOutcome<null>>[]> {
  return Promise.allSettled([first, ...rest].map((request) => importLiveResponses(t.db, request)));
}

/** How many transactions wrote these responses. */
async function writingTransactions(externalIds: string[]): Promise<number> {
  const [row] = await t.asOwner((tx) => tx.select({ n: sql<number>`count(distinct ${surveyResponses}.xmin::text)::int` }).from(surveyResponses).where(inArray(surveyResponses.externalId, externalIds)));
  return Number(row!.n);
}

async function rolledUp(o: PopulatedOrg, surveyId: string): Promise<number> {
  const [row] = await withOrg(t.db, o.org.id, (tx) =>
    tx
      .select({ n: sql<number>`coalesce(sum(${touchpointDailyStats.responses}), 0)::int` })
      .from(touchpointDailyStats)
      .where(and(eq(touchpointDailyStats.organizationId, o.org.id), eq(touchpointDailyStats.surveyId, surveyId), eq(touchpointDailyStats.segmentKey, ""))),
  );
  return Number(row!.n);
}

async function storedCount(o: PopulatedOrg, surveyId: string): Promise<number> {
  const [row] = await withOrg(t.db, o.org.id, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(and(eq(surveyResponses.organizationId, o.org.id), eq(surveyResponses.surveyId, surveyId))));
  return Number(row!.n);
}

const fulfilled = (results: PromiseSettledResult<ImportOutcome<null>>[]) =>
  results.map((r) => {
    if (r.status === "rejected") throw r.reason;
    return r.value;
  });

describe("the live feed's batches", () => {
  it("stores and rolls up once each of 30 concurrent single-response posts, answering each 200 with inserted 1", async () => {
    const survey = await newSurvey(a);
    const ids = Array.from({ length: 30 }, () => newId("post"));
    const answers = await Promise.all(
      ids.map((externalId) =>
        callRoute("POST /api/v1/responses", { key: a.apiKey.key, type: "application/json", body: JSON.stringify({ survey: survey.name, responses: [response(a, { externalId })] }) }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(ids.map(() => 200));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { importId: string; inserted: number; duplicates: number }[];
    expect(bodies.map((body) => [body.inserted, body.duplicates])).toEqual(ids.map(() => [1, 0]));
    expect(new Set(bodies.map((body) => body.importId)).size).toBe(30);
    expect(await storedCount(a, survey.id)).toBe(30);
    expect(await rolledUp(a, survey.id)).toBe(30);
    // Each post has its own import and audit event, whichever batch wrote it.
    const importIds = bodies.map((body) => body.importId);
    const events = await withOrg(t.db, a.org.id, (tx) => tx.select({ targetId: auditEvents.targetId, data: auditEvents.data }).from(auditEvents).where(and(eq(auditEvents.organizationId, a.org.id), inArray(auditEvents.targetId, importIds))));
    expect(events.map((e) => e.targetId).sort()).toEqual([...importIds].sort());
    expect(events.every((e) => (e.data as { apiKeyId?: string; inserted?: number }).apiKeyId === a.apiKey.id && (e.data as { inserted: number }).inserted === 1)).toBe(true);
    // Written by fewer transactions than posts: concurrent posts were committed together.
    expect(await writingTransactions(ids)).toBeLessThan(30);
  });

  it("answers each request of one batch exactly when it mixes new, duplicate, repeated and invalid responses", async () => {
    const survey = await newSurvey(a);
    const stored = response(a);
    await importLiveResponses(t.db, live(a, survey.name, [stored]));
    const shared = response(a);
    const fresh = response(a);
    const valid = response(a);
    const [, first, second, again, refused, skipping, repeating] = fulfilled(
      await sendBehindOne(live(a, survey.name, [response(a)]), [
        live(a, survey.name, [shared, fresh]),
        // The same id as the request before it: a duplicate, as if sent after it.
        live(a, survey.name, [shared]),
        // Stored by an earlier request.
        live(a, survey.name, [stored]),
        // All or nothing: one unknown touchpoint refuses the request; its valid response is not stored.
        live(a, survey.name, [valid, response(a, { touchpoint: "no-such-touchpoint" })]),
        live(a, survey.name, [response(a), response(a, { csat: 9 })], true),
        live(a, survey.name, [{ ...fresh, externalId: "repeated-" + fresh.externalId }, { ...fresh, externalId: "repeated-" + fresh.externalId }], true),
      ]),
    );
    expect(first).toMatchObject({ status: "succeeded", rows: 2, inserted: 2, duplicates: 0, rejected: 0 });
    expect(second).toMatchObject({ status: "succeeded", rows: 1, inserted: 0, duplicates: 1, rejected: 0 });
    expect(again).toMatchObject({ status: "succeeded", rows: 1, inserted: 0, duplicates: 1 });
    expect(refused).toMatchObject({ status: "rejected", rows: 2, inserted: 0, duplicates: 0, rejected: 1 });
    expect(refused!.errors).toEqual([expect.objectContaining({ line: 2, column: "touchpoint" })]);
    expect(skipping).toMatchObject({ status: "succeeded", rows: 2, inserted: 1, rejected: 1 });
    expect(skipping!.errors[0]).toMatchObject({ line: 2, column: "csat" });
    expect(repeating).toMatchObject({ status: "succeeded", rows: 2, inserted: 1, rejected: 1 });
    expect(repeating!.errors[0]!.message).toContain("already appears on line 1");

    // 1 earlier + the blocker + 2 + 1 (skipInvalid) + 1 (repeated once): the refused request stored nothing.
    expect(await storedCount(a, survey.id)).toBe(6);
    expect(await rolledUp(a, survey.id)).toBe(6);
    const [row] = await withOrg(t.db, a.org.id, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(and(eq(surveyResponses.organizationId, a.org.id), eq(surveyResponses.externalId, valid.externalId))));
    expect(Number(row!.n)).toBe(0);
    // The shared response belongs to the import that inserted it.
    const [owner] = await withOrg(t.db, a.org.id, (tx) => tx.select({ importId: surveyResponses.importId }).from(surveyResponses).where(and(eq(surveyResponses.organizationId, a.org.id), eq(surveyResponses.externalId, shared.externalId))));
    expect(owner!.importId).toBe(first!.importId);
    // Each request has its import record with its own counts; the refused one is recorded as such.
    const records = await withOrg(t.db, a.org.id, (tx) => tx.select().from(imports).where(and(eq(imports.organizationId, a.org.id), inArray(imports.id, [first!.importId, second!.importId, refused!.importId]))));
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.get(first!.importId)).toMatchObject({ status: "succeeded", inserted: 2, duplicates: 0, source: "api", actorApiKeyId: a.apiKey.id });
    expect(byId.get(second!.importId)).toMatchObject({ status: "succeeded", inserted: 0, duplicates: 1 });
    expect(byId.get(refused!.importId)).toMatchObject({ status: "rejected", rejected: 1 });
    // They were one batch: one transaction wrote all of the batch's new rows.
    expect(await writingTransactions([shared.externalId, fresh.externalId, "repeated-" + fresh.externalId])).toBe(1);
  });

  it("retries each request alone when the batch fails, so only the request that cannot be stored fails", async () => {
    const survey = await newSurvey(a);
    const good = [response(a), response(a), response(a)];
    // Postgres refuses a NUL character in text: this request passes validation and fails in the database.
    const poisoned = response(a, { comment: "nul \u0000 inside" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const results = await sendBehindOne(live(a, survey.name, [response(a)]), [live(a, survey.name, [good[0]]), live(a, survey.name, [poisoned]), live(a, survey.name, [good[1], good[2]])]);
    warn.mockRestore();
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(fulfilled([results[1]!, results[3]!]).map((o) => o.inserted)).toEqual([1, 2]);
    expect(await storedCount(a, survey.id)).toBe(4);
    expect(await rolledUp(a, survey.id)).toBe(4);
  });

  it("creates a survey named for the first time (the ordinary path) and writes later batches into it", async () => {
    const name = `New live survey ${++sequence}`;
    const [first, second] = fulfilled(await sendBehindOne(live(a, name, [response(a)]), [live(a, name, [response(a)]), live(a, name.toUpperCase(), [response(a)])]));
    expect([first!.inserted, second!.inserted]).toEqual([1, 1]);
    const [row] = await withOrg(t.db, a.org.id, (tx) => tx.select({ n: sql<number>`count(distinct ${surveyResponses.surveyId})::int` }).from(surveyResponses).where(inArray(surveyResponses.importId, [first!.importId, second!.importId])));
    expect(Number(row!.n)).toBe(1);
  });

  it("never writes two organizations' requests in one transaction; each organization sees only its own rows", async () => {
    // One survey name in both: only the organization tells their requests apart.
    const surveyA = await newSurvey(a);
    const surveyB = await createSurvey(t.db, ownerContext(b), { name: surveyA.name });
    const fromA = Array.from({ length: 6 }, () => response(a));
    const fromB = Array.from({ length: 6 }, () => response(b));
    // Interleaved, all sent at once.
    const requests = fromA.flatMap((r, i) => [live(a, surveyA.name, [r]), live(b, surveyB.name, [fromB[i]])]);
    const outcomes = fulfilled(await Promise.allSettled(requests.map((request) => importLiveResponses(t.db, request))));
    expect(outcomes.map((o) => o.inserted)).toEqual(requests.map(() => 1));

    const transactionsOf = async (ids: string[]) =>
      (await t.asOwner((tx) => tx.select({ xmin: sql<string>`${surveyResponses}.xmin::text`, org: surveyResponses.organizationId }).from(surveyResponses).where(inArray(surveyResponses.externalId, ids)))).map((r) => `${r.xmin}:${r.org}`);
    const xminsA = new Set((await transactionsOf(fromA.map((r) => r.externalId))).map((x) => x.split(":")[0]));
    const xminsB = new Set((await transactionsOf(fromB.map((r) => r.externalId))).map((x) => x.split(":")[0]));
    expect([...xminsA].filter((x) => xminsB.has(x))).toEqual([]);
    // Through the app role (RLS), each organization finds its own six and none of the other's.
    const visible = async (o: PopulatedOrg, ids: string[]) =>
      (await withOrg(t.db, o.org.id, (tx) => tx.select({ id: surveyResponses.externalId }).from(surveyResponses).where(inArray(surveyResponses.externalId, ids)))).length;
    const all = [...fromA, ...fromB].map((r) => r.externalId);
    expect([await visible(a, all), await visible(b, all)]).toEqual([6, 6]);
    expect([await rolledUp(a, surveyA.id), await rolledUp(b, surveyB.id)]).toEqual([6, 6]);
  });

  it("reads each key of concurrent posts for that request: valid, unknown and just-revoked keys each get their own answer", async () => {
    const survey = await newSurvey(a);
    const revoked = await createApiKey(t.db, { orgId: a.org.id, userId: a.owner.id }, { name: `Revoked ${++sequence}`, scopes: ["responses:write"], expiresInDays: null });
    const post = (key: string) => callRoute("POST /api/v1/responses", { key, type: "application/json", body: JSON.stringify({ survey: survey.name, responses: [response(a)] }) });
    // Used once (read and accepted), then revoked: the very next posts with it are refused.
    expect((await post(revoked.key)).status).toBe(200);
    await revokeApiKey(t.db, { orgId: a.org.id, userId: a.owner.id }, { apiKeyId: revoked.id });
    const keys = Array.from({ length: 12 }, (_, i) => [a.apiKey.key, b.apiKey.key, revoked.key, "wmk_unknown"][i % 4]!);
    const answers = await Promise.all(keys.map(post));
    const statuses = answers.map((r) => r.status);
    // b's key posts into b's organization, which has no touchpoint with a's key: refused there (422), nothing in a.
    expect(statuses).toEqual(keys.map((key) => (key === revoked.key || key === "wmk_unknown" ? 401 : key === b.apiKey.key ? 422 : 200)));
    const messages = await Promise.all(answers.map(async (r) => (r.status === 401 ? ((await r.json()) as { error: { message: string } }).error.message : "")));
    expect(messages.filter((m) => m.includes("revoked"))).toHaveLength(3);
    expect(await storedCount(a, survey.id)).toBe(1 + 3);
  });
});
