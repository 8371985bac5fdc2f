// The public REST API through its route handlers (the exported functions Next calls), with
// real Requests on a real database: keys, every status, idempotency, concurrency, and a
// sweep over every app/api/v1 route with another organization's key.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiKeys, imports, surveyResponses, surveys, touchpointDailyStats } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { REST_ROUTES } from "@/server/http/rest-routes";
import { API_KEY_SCOPES, type ApiKeyScope } from "@/server/schemas/api-keys";
import { REST_BODY_LIMITS } from "@/server/schemas/rest-responses";
import { createApiKey, hashApiKey, revokeApiKey } from "@/server/services/api-keys";
import { identifiersOf, populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { callRoute, discoverRoutes, type RestCall } from "../helpers/rest-calls";
import { snapshotOrg } from "../helpers/catalog";
import { createTestDatabase, queryRows, type TestDatabase } from "../helpers/test-db";

const database = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/server/app-db", () => ({ getDb: async () => database.db }));

let t: TestDatabase;
let a: PopulatedOrg;
let b: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  database.db = t.db;
  a = await populatedOrg(t.db, "Rest");
  b = await populatedOrg(t.db, "Other");
});
afterAll(() => t.close());

/** What the route table above must say: a literal copy, so a changed scope is a visible diff. */
const EXPECTED_SCOPES: Record<string, string> = {
  "POST /api/v1/responses": "responses:write",
  "GET /api/v1/touchpoints": "stats:read",
  "GET /api/v1/findings": "findings:read",
  "POST /api/v1/findings": "findings:write",
  "GET /api/v1/findings/[findingId]": "findings:read",
  "PATCH /api/v1/findings/[findingId]": "findings:write",
  "GET /api/v1/stats/touchpoints": "stats:read",
};

type Call = Omit<RestCall, "key"> & { key?: string | null };

/** A route called with org A's key unless the call names another (or null for none). */
const call = (route: string, options: Call = {}) => callRoute(route, { ...options, key: options.key === undefined ? a.apiKey.key : options.key });

const post = (options: Call) => call("POST /api/v1/responses", { type: "application/json", ...options });
let sequence = 0;
const externalId = (label: string) => `${label}-${Date.now()}-${++sequence}`;
const response = (o: PopulatedOrg, overrides: Record<string, unknown> = {}) => ({
  externalId: externalId("api"),
  touchpoint: o.touchpoints[0].key,
  submittedAt: "2026-05-01T09:30:00Z",
  csat: 4,
  ...overrides,
});
const jsonBody = (survey: string, responses: unknown[]) => JSON.stringify({ survey, responses });

async function responseCount(o: PopulatedOrg): Promise<number> {
  const [row] = await withOrg(t.db, o.org.id, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(eq(surveyResponses.organizationId, o.org.id)));
  return Number(row!.n);
}
async function storedIds(o: PopulatedOrg, ids: string[]): Promise<string[]> {
  const rows = await withOrg(t.db, o.org.id, (tx) => tx.select({ id: surveyResponses.externalId }).from(surveyResponses).where(eq(surveyResponses.organizationId, o.org.id)));
  return rows.map((r) => r.id).filter((id) => ids.includes(id)).sort();
}
async function keyWith(o: PopulatedOrg, scopes: ApiKeyScope[], expiresInDays: number | null = null) {
  return createApiKey(t.db, { orgId: o.org.id, userId: o.owner.id }, { name: `Key ${++sequence}`, scopes, expiresInDays });
}

describe("API keys", () => {
  it("are shown once as wmk_ + 43 base64url characters, and stored only as a SHA-256 hash and a prefix", async () => {
    const created = await keyWith(a, ["stats:read"]);
    expect(created.key).toMatch(/^wmk_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.key.slice(0, 12));
    const [stored] = await t.asOwner((tx) => tx.select().from(apiKeys).where(eq(apiKeys.id, created.id)));
    expect(stored!.hash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key);
  });

  it("of another organization cannot be read by the app role directly; the lookup function returns only the row whose hash matches", async () => {
    const direct = await withOrg(t.db, a.org.id, (tx) => tx.select().from(apiKeys).where(eq(apiKeys.organizationId, b.org.id)));
    expect(direct).toEqual([]);
    const noContext = await queryRows(t.db, sql`select id from api_keys`);
    expect(noContext).toEqual([]);
    const found = await queryRows<{ id: string; organization_id: string }>(t.db, sql`select * from waymark_api_key_lookup(${hashApiKey(b.apiKey.key)})`);
    expect(found.map((r) => [r.id, r.organization_id])).toEqual([[b.apiKey.id, b.org.id]]);
    expect(await queryRows(t.db, sql`select * from waymark_api_key_lookup(${hashApiKey("wmk_not-a-key")})`)).toEqual([]);
    // Only the app role was granted it: PUBLIC may not execute it.
    const [grant] = await t.asOwner((tx) => queryRows<{ public: boolean }>(tx, sql`select has_function_privilege('public', 'waymark_api_key_lookup(text)', 'execute') as public`));
    expect(grant!.public).toBe(false);
  });

  it("revoked or expired keys answer 401 saying which; last used moves at most once a minute", async () => {
    const revoked = await keyWith(a, ["stats:read"]);
    await revokeApiKey(t.db, { orgId: a.org.id, userId: a.owner.id }, { apiKeyId: revoked.id });
    const revokedAnswer = await call("GET /api/v1/touchpoints", { key: revoked.key });
    expect(revokedAnswer.status).toBe(401);
    expect((await revokedAnswer.json()).error.message).toMatch(/revoked/);

    const expired = await keyWith(a, ["stats:read"], 1);
    await t.asOwner((tx) => tx.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, expired.id)));
    const expiredAnswer = await call("GET /api/v1/touchpoints", { key: expired.key });
    expect(expiredAnswer.status).toBe(401);
    expect((await expiredAnswer.json()).error.message).toMatch(/expired/);

    const live = await keyWith(a, ["stats:read"]);
    expect((await call("GET /api/v1/touchpoints", { key: live.key })).status).toBe(200);
    const lastUsed = async () => (await t.asOwner((tx) => tx.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, live.id))))[0]!.at;
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    expect((await call("GET /api/v1/touchpoints", { key: live.key })).status).toBe(200);
    expect(await lastUsed()).toEqual(first);
  });

  it("creating and revoking are in the audit log", async () => {
    const created = await keyWith(a, ["stats:read"]);
    await revokeApiKey(t.db, { orgId: a.org.id, userId: a.owner.id }, { apiKeyId: created.id });
    const events = await t.asOwner((tx) => queryRows<{ action: string; actor_user_id: string }>(tx, sql`select action, actor_user_id from audit_events where target_id = ${created.id} order by created_at`));
    expect(events).toEqual([
      { action: "api_key.created", actor_user_id: a.owner.id },
      { action: "api_key.revoked", actor_user_id: a.owner.id },
    ]);
  });
});

describe("the REST adapter", () => {
  it("answers 401 without a key and with a key that is not one", async () => {
    const missing = await post({ key: null, body: jsonBody(a.survey.name, [response(a)]) });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.stringMatching(/Authorization: Bearer/) } });
    expect((await post({ key: "wmk_" + "x".repeat(43), body: jsonBody(a.survey.name, [response(a)]) })).status).toBe(401);
    expect((await post({ key: "Basic abc", body: jsonBody(a.survey.name, [response(a)]) })).status).toBe(401);
  });

  it("refuses a key in the query string with 400 saying why, even a valid one", async () => {
    for (const name of ["key", "api_key"]) {
      const answer = await call("GET /api/v1/touchpoints", { key: null, query: `?${name}=${a.apiKey.key}` });
      expect(answer.status).toBe(400);
      expect((await answer.json()).error).toMatchObject({ code: "KEY_IN_URL", message: expect.stringMatching(/never accepted in the URL/) });
    }
  });

  it("answers 403 for a key without the route's scope, for every route", async () => {
    const routes = await discoverRoutes();
    for (const { route } of routes) {
      const scope = REST_ROUTES[route as keyof typeof REST_ROUTES];
      const other = (await keyWith(a, API_KEY_SCOPES.filter((s) => s !== scope))).key;
      const answer = await call(route, { key: other, type: "application/json", params: { findingId: a.finding.id }, body: route.startsWith("GET") ? undefined : jsonBody(a.survey.name, [response(a)]) });
      expect(answer.status, route).toBe(403);
      expect((await answer.json()).error.message).toContain(scope);
    }
  });

  it("has a scope for every route file, and the table is the one the tests expect", async () => {
    const routes = await discoverRoutes();
    expect(routes.map((r) => r.route).sort()).toEqual(Object.keys(EXPECTED_SCOPES).sort());
    expect(REST_ROUTES).toEqual(EXPECTED_SCOPES);
  });

  it("answers 429 with Retry-After when the organization has used its rate", async () => {
    const { restRateLimiter } = await import("@/server/http/rest");
    const o = await populatedOrg(t.db, "Rate");
    // The bucket refills a token a millisecond: hold the clock while it is emptied and asked.
    const clock = vi.spyOn(performance, "now").mockReturnValue(performance.now());
    let answer: Response;
    try {
      while (restRateLimiter.take(o.org.id).ok);
      answer = await call("GET /api/v1/touchpoints", { key: o.apiKey.key });
    } finally {
      clock.mockRestore();
    }
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another organization is not held back.
    expect((await call("GET /api/v1/touchpoints")).status).toBe(200);
  });

  it("sets no-store and the API's security headers", async () => {
    const answer = await call("GET /api/v1/touchpoints");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});

describe("POST /api/v1/responses", () => {
  it("stores JSON responses for the key's organization, matching touchpoints by key, name or alias in any case", async () => {
    const items = [
      response(a, { touchpoint: a.touchpoints[0].key.toUpperCase(), comment: "Fine", channel: "Web", segment: { region: "North" } }),
      response(a, { touchpoint: a.touchpoints[1].name.toLowerCase(), csat: null, nps: 9 }),
    ];
    const before = await responseCount(a);
    const answer = await post({ body: jsonBody(a.survey.id, items) });
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body).toEqual({ importId: expect.any(String), inserted: 2, duplicates: 0, rejected: [] });
    expect(await responseCount(a)).toBe(before + 2);
    const [stored] = await t.asOwner((tx) => tx.select().from(imports).where(eq(imports.id, body.importId)));
    expect(stored).toMatchObject({ actorKind: "api_key", actorApiKeyId: a.apiKey.id, source: "api", status: "succeeded" });
    // Sent again: nothing new.
    const again = await post({ body: jsonBody(a.survey.id, items) });
    expect(await again.json()).toMatchObject({ inserted: 0, duplicates: 2 });
  });

  it("records each import in the audit log under the API key that sent it (by id, name and prefix; no person)", async () => {
    const key = await keyWith(a, ["responses:write"]);
    const answer = await post({ key: key.key, body: jsonBody(a.survey.name, [response(a), response(a)]) });
    expect(answer.status).toBe(200);
    const { importId } = await answer.json();
    const events = await t.asOwner((tx) =>
      queryRows<{ action: string; actor_user_id: string | null; target_type: string; data: Record<string, unknown> }>(tx, sql`select action, actor_user_id, target_type, data from audit_events where organization_id = ${a.org.id} and target_id = ${importId}`),
    );
    expect(events).toEqual([
      {
        action: "responses.imported",
        actor_user_id: null,
        target_type: "import",
        data: { survey: a.survey.name, source: "api", fileName: null, inserted: 2, duplicates: 0, rejected: 0, apiKeyId: key.id, apiKeyName: key.name, apiKeyPrefix: key.prefix },
      },
    ]);
  });

  it("finds a response id repeated in one body: 422 naming both lines, or the first one kept with ?skipInvalid=true", async () => {
    const first = response(a);
    const items = [first, response(a), { ...first, csat: 1 }];
    const answer = await post({ body: jsonBody(a.survey.name, items) });
    expect(answer.status).toBe(422);
    expect((await answer.json()).error.rows).toEqual([{ line: 3, column: null, message: `The response id "${first.externalId}" already appears on line 1.` }]);
    expect(await storedIds(a, [first.externalId])).toEqual([]);

    const kept = await post({ body: jsonBody(a.survey.name, items), query: "?skipInvalid=true" });
    expect(await kept.json()).toMatchObject({ inserted: 2, duplicates: 0, rejected: [{ line: 3 }] });
    const [stored] = await withOrg(t.db, a.org.id, (tx) => tx.select({ csat: surveyResponses.csat }).from(surveyResponses).where(and(eq(surveyResponses.organizationId, a.org.id), eq(surveyResponses.externalId, first.externalId))));
    expect(stored!.csat).toBe(4);
  });

  it("rejects all with 422 and the row errors (naming an unknown touchpoint), or keeps the valid ones with ?skipInvalid=true", async () => {
    const good = response(a);
    const items = [good, response(a, { touchpoint: "no-such-place" }), response(a, { csat: 9 })];
    const answer = await post({ body: jsonBody(a.survey.name, items) });
    expect(answer.status).toBe(422);
    const { error } = await answer.json();
    expect(error.code).toBe("ROWS_REJECTED");
    expect(error.rows).toEqual([
      { line: 2, column: "touchpoint", message: 'Unknown touchpoint "no-such-place": no touchpoint has this key, name or alias.' },
      { line: 3, column: "csat", message: "CSAT is a whole number from 1 to 5." },
    ]);
    expect(await storedIds(a, [good.externalId])).toEqual([]);

    const kept = await post({ body: jsonBody(a.survey.name, items), query: "?skipInvalid=true" });
    expect(kept.status).toBe(200);
    expect(await kept.json()).toMatchObject({ inserted: 1, rejected: [{ line: 2 }, { line: 3 }] });
    expect(await storedIds(a, [good.externalId])).toEqual([good.externalId]);
  });

  it("reads NDJSON, one response per line, naming a line that is not JSON", async () => {
    const first = response(a);
    const second = response(a, { ces: 6, csat: undefined });
    const ndjson = `${JSON.stringify(first)}\n\n${JSON.stringify(second)}\n`;
    const answer = await post({ type: "application/x-ndjson", query: `?survey=${encodeURIComponent(a.survey.name)}`, body: ndjson });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ inserted: 2 });
    const broken = await post({ type: "application/x-ndjson", query: `?survey=${encodeURIComponent(a.survey.name)}`, body: `${JSON.stringify(response(a))}\n{oops\n` });
    expect(broken.status).toBe(422);
    expect((await broken.json()).error.rows).toEqual([{ line: 2, column: null, message: expect.stringMatching(/not JSON/) }]);
  });

  it("streams CSV into the file import: a new survey name is created and the proposed mapping returned; ?touchpoint fixes the touchpoint", async () => {
    const id = externalId("csv");
    const csv = `response_id,touchpoint,submitted_at,csat\n${id},${a.touchpoints[1].key},2026-04-02T08:00:00Z,3\n`;
    const name = `Feed ${Date.now()}`;
    const answer = await post({ type: "text/csv", query: `?survey=${encodeURIComponent(name)}`, body: csv });
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body).toMatchObject({ inserted: 1, duplicates: 0, rejected: [], mapping: { responseId: "response_id", csat: "csat" } });
    const created = await withOrg(t.db, a.org.id, (tx) => tx.select().from(surveys).where(and(eq(surveys.organizationId, a.org.id), eq(surveys.name, name))));
    expect(created).toHaveLength(1);

    const fixedId = externalId("fixed");
    const noTouchpoint = `response_id,submitted_at,csat\n${fixedId},2026-04-02T08:00:00Z,5\n`;
    const fixed = await post({ type: "text/csv", query: `?survey=${encodeURIComponent(name)}&touchpoint=${a.touchpoints[0].key}`, body: noTouchpoint });
    expect(fixed.status).toBe(200);
    const [row] = await withOrg(t.db, a.org.id, (tx) => tx.select().from(surveyResponses).where(and(eq(surveyResponses.organizationId, a.org.id), eq(surveyResponses.externalId, fixedId))));
    expect(row!.touchpointId).toBe(a.touchpoints[0].id);
  });

  it("answers 400 to malformed bodies and 415 to other content types", async () => {
    const notJson = await post({ body: "{ not json" });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe("VALIDATION");
    expect((await post({ body: JSON.stringify({ survey: a.survey.name, responses: [] }) })).status).toBe(400);
    expect((await post({ body: "" })).status).toBe(400);
    expect((await post({ type: "text/csv", body: "a,b\n1,2\n" })).status).toBe(400); // no ?survey=
    for (const bytes of [new Uint8Array(0), new Uint8Array([0, 159, 146, 150, 0, 1, 2, 255, 254, 0])]) {
      const csv = await post({ type: "text/csv", query: "?survey=Garbage", body: bytes });
      expect(csv.status).toBe(400);
      expect((await csv.json()).error.code).toBe("VALIDATION");
    }
    const xml = await post({ type: "application/xml", body: "<responses/>" });
    expect(xml.status).toBe(415);
    expect((await xml.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("answers 413 to a declared 1 GB body reading nothing, and to a streamed JSON body past its cap", async () => {
    const stats = { pulled: 0 };
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          stats.pulled += 65536;
          controller.enqueue(new Uint8Array(65536).fill(0x20));
        },
      });
    const declared = await post({ type: "text/csv", query: "?survey=Big", body: endless(), headers: { "content-length": String(1024 ** 3) } });
    expect(declared.status).toBe(413);
    expect(stats.pulled).toBeLessThanOrEqual(4 * 65536);

    stats.pulled = 0;
    const streamed = await post({ body: endless() });
    expect(streamed.status).toBe(413);
    expect(stats.pulled).toBeLessThanOrEqual(REST_BODY_LIMITS.structured + 8 * 65536);
  });

  it("answers 404 for a survey id of another organization, storing nothing", async () => {
    const before = await responseCount(b);
    const answer = await post({ body: jsonBody(b.survey.id, [response(a)]) });
    expect(answer.status).toBe(404);
    expect(await responseCount(b)).toBe(before);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer for the same body, refuses a different body with 422", async () => {
    const key = `idem-${Date.now()}`;
    const body = jsonBody(a.survey.name, [response(a)]);
    const first = await post({ body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(200);
    const firstBody = await first.json();
    const replay = await post({ body, headers: { "idempotency-key": key } });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(firstBody);
    const different = await post({ body: jsonBody(a.survey.name, [response(a)]), headers: { "idempotency-key": key } });
    expect(different.status).toBe(422);
    expect((await different.json()).error.code).toBe("UNPROCESSABLE");
  });

  it("answers 409 while the first request with the key is still running, and one of ten concurrent requests does the work", async () => {
    const key = `idem-running-${Date.now()}`;
    const body = jsonBody(a.survey.name, [response(a)]);
    const requestHash = await (async () => {
      // The first request's record, as it stands while it runs.
      const { createHash } = await import("node:crypto");
      return createHash("sha256").update("application/json\n\n").update(new TextEncoder().encode(body)).digest("hex");
    })();
    await withOrg(t.db, a.org.id, (tx) =>
      tx.insert(imports).values({ organizationId: a.org.id, surveyId: a.survey.id, source: "api", actorKind: "api_key", actorApiKeyId: a.apiKey.id, idempotencyKey: key, requestHash }),
    );
    const running = await post({ body, headers: { "idempotency-key": key } });
    expect(running.status).toBe(409);

    const concurrentKey = `idem-race-${Date.now()}`;
    const item = response(a);
    const answers = await Promise.all(Array.from({ length: 10 }, () => post({ body: jsonBody(a.survey.name, [item]), headers: { "idempotency-key": concurrentKey } })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const fresh = answers.filter((r) => r.status === 200 && r.headers.get("idempotent-replayed") !== "true");
    expect(fresh).toHaveLength(1);
    expect(await storedIds(a, [item.externalId])).toEqual([item.externalId]);
  });
});

describe("concurrency", () => {
  it("the same body posted ten times at once stores one set of rows, counted once in the rollup", async () => {
    const o = await populatedOrg(t.db, "Race");
    const items = Array.from({ length: 20 }, (_, i) => response(o, { externalId: `race-${i}-${Date.now()}`, submittedAt: "2026-06-15T12:00:00Z", csat: (i % 5) + 1 }));
    const answers = await Promise.all(Array.from({ length: 10 }, () => post({ key: o.apiKey.key, body: jsonBody(o.survey.name, items) })));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(bodies.reduce((sum, x) => sum + x.inserted, 0)).toBe(20);
    expect(bodies.reduce((sum, x) => sum + x.duplicates, 0)).toBe(180);
    const [rollup] = await withOrg(t.db, o.org.id, (tx) =>
      tx
        .select({ n: sql<number>`sum(${touchpointDailyStats.responses})::int` })
        .from(touchpointDailyStats)
        .where(and(eq(touchpointDailyStats.organizationId, o.org.id), eq(touchpointDailyStats.day, "2026-06-15"), eq(touchpointDailyStats.segmentKey, ""))),
    );
    expect(Number(rollup!.n)).toBe(20);
  });
});

/**
 * For each route, a request with organization A's ids; the sweep sends it with B's key. A
 * new route file makes the sweep fail until it has an entry here.
 */
const SWEEP_REQUESTS: Record<string, (o: PopulatedOrg) => Call> = {
  "POST /api/v1/responses": (o) => ({ type: "application/json", body: jsonBody(o.survey.id, [response(o)]) }),
  "GET /api/v1/touchpoints": () => ({}),
  "GET /api/v1/findings": (o) => ({ query: `?touchpoint=${o.touchpoints[0].id}&team=${o.team.id}` }),
  "POST /api/v1/findings": (o) => ({ type: "application/json", body: JSON.stringify({ title: "Sweep", touchpoint: o.touchpoints[0].key, responseIds: [o.responseId] }) }),
  "GET /api/v1/findings/[findingId]": (o) => ({ params: { findingId: o.finding.id } }),
  "PATCH /api/v1/findings/[findingId]": (o) => ({ type: "application/json", params: { findingId: o.finding.id }, body: JSON.stringify({ version: o.finding.version, status: "triaged", severity: "critical" }) }),
  "GET /api/v1/stats/touchpoints": () => ({ query: "?from=2026-03-01&to=2026-03-31&granularity=week&segment.region=North&segment.region=South" }),
};

describe("the REST sweep", () => {
  it("every /api/v1 route, called with another organization's key and this organization's ids, finds nothing and changes nothing", async () => {
    const routes = await discoverRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(2);
    const secrets = identifiersOf(a);
    for (const { route } of routes) {
      const build = SWEEP_REQUESTS[route];
      expect(build, `${route} has no entry in SWEEP_REQUESTS`).toBeDefined();
      const before = { responses: await responseCount(a), snapshot: await snapshotOrg(t.asOwner, a.org.id) };
      const answer = await call(route, { ...build!(a), key: b.apiKey.key });
      const text = await answer.text();
      expect([200, 404], `${route}: ${text}`).toContain(answer.status);
      if (!route.startsWith("GET")) expect(answer.status, route).toBe(404);
      for (const secret of secrets) expect(text, `${route} leaked ${secret}`).not.toContain(secret);
      expect(await responseCount(a)).toBe(before.responses);
      expect(await snapshotOrg(t.asOwner, a.org.id), `${route} changed org A's data`).toBe(before.snapshot);
    }
  });
});
