// The findings REST API for outside tools: list with filters and cursor paging, read one,
// create (routed by the rules), and PATCH from the version read (409 when stale).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/server/services/api-keys";
import { callerFor } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { callRoute, type RestCall } from "../helpers/rest-calls";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const database = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/server/app-db", () => ({ getDb: async () => database.db }));

let t: TestDatabase;
let o: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  database.db = t.db;
  o = await populatedOrg(t.db, "FindApi");
});
afterAll(() => t.close());

const call = (route: string, options: Omit<RestCall, "key"> & { key?: string }) => callRoute(route, { ...options, key: options.key ?? o.apiKey.key });
const json = (body: unknown) => ({ type: "application/json", body: JSON.stringify(body) });

describe("GET /api/v1/findings", () => {
  it("pages through every finding by cursor, oldest change first, without repeats", async () => {
    const org = await populatedOrg(t.db, "Pages");
    const owner = callerFor(t.db, org.owner);
    for (const title of ["Two", "Three", "Four", "Five"]) await owner.finding.create({ orgSlug: org.org.slug, title });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await call("GET /api/v1/findings", { key: org.apiKey.key, query: `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}` });
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { findings: { title: string }[]; nextCursor: string | null };
      seen.push(...body.findings.map((f) => f.title));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([org.finding.title, "Two", "Three", "Four", "Five"]);
  });

  it("filters by status, team, touchpoint and updatedSince; refuses a bad query with 400", async () => {
    const byTeam = await (await call("GET /api/v1/findings", { query: `?team=${o.team.id}&touchpoint=${o.touchpoints[0].id}&status=new,triaged` })).json();
    expect(byTeam.findings.map((f: { id: string }) => f.id)).toEqual([o.finding.id]);
    const future = await (await call("GET /api/v1/findings", { query: "?updatedSince=2100-01-01T00:00:00Z" })).json();
    expect(future.findings).toEqual([]);
    const bad = await call("GET /api/v1/findings", { query: "?status=open" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "VALIDATION", fields: { status: [expect.stringMatching(/Unknown status/)] } });
  });
});

describe("POST, GET and PATCH one finding", () => {
  it("creates a finding routed by the rules, with the key recorded as its author", async () => {
    const answer = await call("POST /api/v1/findings", json({ title: "Delivery slots vanish", touchpoint: o.touchpoints[1].key.toUpperCase(), severity: "critical", labels: ["Tracker"] }));
    expect(answer.status).toBe(201);
    const { finding } = await answer.json();
    expect(finding).toMatchObject({ title: "Delivery slots vanish", teamId: o.team.id, severity: "critical", labels: ["tracker"], source: "manual", status: "new" });
    expect(finding.history[0]).toMatchObject({ kind: "created", actorKind: "api_key", actorName: null });
    const read = await call("GET /api/v1/findings/[findingId]", { params: { findingId: finding.id } });
    expect((await read.json()).finding.id).toBe(finding.id);
  });

  it("PATCH changes fields and status together from the version read; a stale version is 409 and changes nothing", async () => {
    const org = await populatedOrg(t.db, "Patch");
    const patch = (body: unknown) => call("PATCH /api/v1/findings/[findingId]", { key: org.apiKey.key, params: { findingId: org.finding.id }, ...json(body) });
    const first = await patch({ version: org.finding.version, severity: "critical", status: "in_progress" });
    expect(first.status).toBe(200);
    const { finding } = await first.json();
    expect(finding).toMatchObject({ severity: "critical", status: "in_progress", version: org.finding.version + 2 });
    const stale = await patch({ version: org.finding.version, status: "resolved" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe("CONFLICT");
    const invalidMove = await patch({ version: finding.version, status: "wont_fix" });
    expect(invalidMove.status).toBe(400);
    const after = await callerFor(t.db, org.owner).finding.get({ orgSlug: org.org.slug, findingId: org.finding.id });
    expect(after).toMatchObject({ status: "in_progress", version: finding.version });
  });

  it("answers 404 for an unknown or malformed id, 415 for a non-JSON body, 400 for unknown fields, 403 without the scope", async () => {
    expect((await call("GET /api/v1/findings/[findingId]", { params: { findingId: "not-an-id" } })).status).toBe(404);
    expect((await call("GET /api/v1/findings/[findingId]", { params: { findingId: "01900000-0000-7000-8000-000000000000" } })).status).toBe(404);
    expect((await call("POST /api/v1/findings", { type: "text/plain", body: "title=x" })).status).toBe(415);
    const unknown = await call("POST /api/v1/findings", json({ title: "x", owner: "me" }));
    expect(unknown.status).toBe(400);
    const readOnly = await createApiKey(t.db, { orgId: o.org.id, userId: o.owner.id }, { name: "Read only", scopes: ["findings:read"] });
    expect((await call("POST /api/v1/findings", { key: readOnly.key, ...json({ title: "x" }) })).status).toBe(403);
    expect((await call("GET /api/v1/findings", { key: readOnly.key })).status).toBe(200);
  });
});
