// The start script's own HTTP server answering /api/v1 (server/http/rest-node.ts), over real
// sockets on a real database: the routes it takes and the ones it leaves to Next, a stored
// post, a path parameter, headers, and bodies refused unread with the answer still delivered.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { restEndpointFor, serveRest } from "@/server/http/rest-node";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { postLargeBody } from "../helpers/large-body";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const database = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/server/app-db", () => ({ getDb: async () => database.db }));

const MB = 1024 * 1024;
let t: TestDatabase;
let o: PopulatedOrg;
let server: http.Server;
let port: number;
let leftToNext = 0;
beforeAll(async () => {
  t = await createTestDatabase();
  database.db = t.db;
  o = await populatedOrg(t.db, "RestNode");
  server = http.createServer((req, res) => {
    const endpoint = restEndpointFor(req.method, req.url);
    if (endpoint) return void serveRest(endpoint, req, res);
    leftToNext++;
    res.statusCode = 404;
    res.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

const send = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  fetch(`http://127.0.0.1:${port}${path}`, { method: init.method ?? "GET", headers: { authorization: `Bearer ${o.apiKey.key}`, ...init.headers }, body: init.body });

const postLarge = (total: number, declareLength: boolean) =>
  postLargeBody(`http://127.0.0.1:${port}/api/v1/responses`, total, { headers: { authorization: `Bearer ${o.apiKey.key}` }, declareLength });

describe("the REST API on the start script's server", () => {
  it("takes exactly the routes of REST_ROUTES, with one segment per [param], and leaves every other path to Next", () => {
    const served = [
      ["POST", "/api/v1/responses"],
      ["POST", "/api/v1/responses?survey=Pulse&touchpoint=checkout"],
      ["GET", "/api/v1/touchpoints"],
      ["GET", "/api/v1/stats/touchpoints?from=2026-01-01&to=2026-01-31"],
      ["GET", "/api/v1/findings"],
      ["POST", "/api/v1/findings"],
      ["GET", "/api/v1/findings/0190a1b2-0000-7000-8000-000000000000"],
      ["PATCH", "/api/v1/findings/0190a1b2-0000-7000-8000-000000000000"],
    ];
    const leftOver = [
      ["GET", "/api/v1/responses"],
      ["DELETE", "/api/v1/findings/x"],
      ["GET", "/api/v1/findings/x/y"],
      ["GET", "/api/v1/nothing"],
      ["GET", "/api/v1"],
      ["POST", "/api/trpc/team.create"],
      ["GET", "/o/acme/dashboards?x=/api/v1/touchpoints"],
    ];
    for (const [method, url] of served) expect(restEndpointFor(method, url), `${method} ${url}`).not.toBeNull();
    for (const [method, url] of leftOver) expect(restEndpointFor(method, url), `${method} ${url}`).toBeNull();
  });

  it("stores a posted response and answers with the adapter's headers", async () => {
    const externalId = `node-${Date.now()}`;
    const answer = await send("/api/v1/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ survey: o.survey.name, responses: [{ externalId, touchpoint: o.touchpoints[0].key, submittedAt: "2026-05-01T09:30:00Z", csat: 5 }] }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ inserted: 1, duplicates: 0, rejected: [] });
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");

    const again = await send("/api/v1/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ survey: o.survey.name, responses: [{ externalId, touchpoint: o.touchpoints[0].key, submittedAt: "2026-05-01T09:30:00Z", csat: 5 }] }),
    });
    expect(await again.json()).toMatchObject({ inserted: 0, duplicates: 1 });
  });

  it("reads a path parameter, and answers 401 and 404 as the adapter does", async () => {
    const finding = await send(`/api/v1/findings/${o.finding.id}`);
    expect(finding.status).toBe(200);
    expect(((await finding.json()) as { finding: { id: string } }).finding.id).toBe(o.finding.id);

    const unknown = await send("/api/v1/findings/0190a1b2-0000-7000-8000-000000000000");
    expect(unknown.status).toBe(404);
    const noKey = await fetch(`http://127.0.0.1:${port}/api/v1/touchpoints`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    expect(leftToNext).toBe(0);
  });

  it("refuses a 1 GB declared body with 413 at once, without reading it", async () => {
    const refused = await postLarge(1024 * MB, true);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(refused.written).toBeLessThan(64 * MB);
  });

  it("refuses a streamed body over the limit with 413 once the limit is passed, and the answer arrives", async () => {
    const refused = await postLarge(100 * MB, false);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    // The structured limit is 32 MB: the server stopped long before the client's 100 MB.
    expect(refused.written).toBeLessThan(80 * MB);
  });

  it("a key refused before the body is read still gets its 401", async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/api/v1/responses", headers: { authorization: "Bearer wmk_nope", "content-type": "application/json", "content-length": String(8 * MB) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", reject);
      req.write(Buffer.alloc(MB, 0x20));
    });
    expect(answer).toBe(401);
  });
});
