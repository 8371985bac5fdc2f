// Request size limits at the tRPC route handler itself (the exported POST, as Next calls
// it): bodies are refused before they are read, batches are capped, and the largest map a
// file may hold still imports. The session comes from the test (next-auth needs Next's
// request scope); membership and roles are looked up in the database as always.
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/trpc/[trpc]/route";
import type { MapDocument } from "@/server/schemas/map-transfer";
import { BODY_LIMITS, LIST_LIMITS, TEXT_LIMITS, TRPC_MAX_BATCH_SIZE } from "@/server/schemas/limits";
import type { Context } from "@/server/trpc/context";
import { sessionFor } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { callerFor } from "../helpers/callers";
import { fieldErrorsOfOutcome, freshMapDocument, outcomeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const request = vi.hoisted(() => ({ context: null as Context | null }));
vi.mock("@/server/trpc/server", () => ({
  createRequestContext: async () => request.context,
}));

let t: TestDatabase;
let o: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  o = await populatedOrg(t.db, "Limits");
  request.context = { db: t.db, session: sessionFor(o.owner) };
});
afterAll(() => t.close());

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A body of `total` bytes that counts how much of it the server pulled. */
function countingBody(total: number) {
  const stats = { pulled: 0 };
  const chunk = new Uint8Array(CHUNK).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= total) return controller.close();
      stats.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, stats };
}

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(`http://localhost:3000/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", host: "localhost:3000", ...headers },
    body,
    // @ts-expect-error Node's fetch needs this for a stream body; the DOM types lack it.
    duplex: "half",
  });
}

describe("the tRPC route's body cap", () => {
  it("answers 413 to a streamed 50 MB body having read at most the cap", async () => {
    const { stream, stats } = countingBody(50 * MB);
    const started = performance.now();
    const response = await POST(post("team.create", stream));
    const seconds = (performance.now() - started) / 1000;
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "The request body is larger than 1 MB." } });
    // One chunk past the cap, plus what the stream queued ahead (its high-water mark).
    expect(stats.pulled).toBeLessThanOrEqual(BODY_LIMITS.default + 4 * CHUNK);
    expect(seconds).toBeLessThan(10); // generous on a busy machine; reading 50 MB is what it must not do
  });

  it("answers 413 at once to a declared Content-Length over the cap, reading nothing", async () => {
    const { stream, stats } = countingBody(50 * MB);
    const response = await POST(post("team.create", stream, { "content-length": String(50 * MB) }));
    expect(response.status).toBe(413);
    expect(stats.pulled).toBeLessThanOrEqual(2 * CHUNK);
  });

  it("lets the largest map a file may hold import, and gives no other call that cap", async () => {
    const body = JSON.stringify({ "0": superjson.serialize({ orgSlug: o.org.slug, document: largestMapDocument() }) });
    console.info(`largest map import: ${(body.length / MB).toFixed(2)} MB`);
    expect(body.length).toBeGreaterThan(BODY_LIMITS.default);
    expect(body.length).toBeLessThanOrEqual(BODY_LIMITS.mapImport);
    const imported = await POST(post("journeyMap.import?batch=1", body));
    expect(imported.status).toBe(200);

    // A batch gets the larger cap only when every call in it is an import.
    expect((await POST(post("journeyMap.import,team.create?batch=1", body))).status).toBe(413);
    expect((await POST(post("team.create?batch=1", body))).status).toBe(413);
    const tooBig = countingBody(BODY_LIMITS.mapImport + MB);
    expect((await POST(post("journeyMap.import?batch=1", tooBig.stream))).status).toBe(413);
  }, 180_000);
});

/** A map at every list cap with every text field full: the largest import the schema accepts. */
function largestMapDocument(): MapDocument {
  const text = (n: number) => "x".repeat(n);
  const touchpointsPerStage = LIST_LIMITS.touchpointsPerMap / LIST_LIMITS.stagesPerMap;
  const insightsPerTouchpoint = LIST_LIMITS.insightsPerMap / LIST_LIMITS.touchpointsPerMap;
  const base = freshMapDocument();
  return {
    ...base,
    map: { name: text(TEXT_LIMITS.mapName), description: text(TEXT_LIMITS.mapDescription), status: "draft" },
    stages: Array.from({ length: LIST_LIMITS.stagesPerMap }, (_, s) => ({
      name: `${s}`.padEnd(TEXT_LIMITS.stageName, "x"),
      description: text(TEXT_LIMITS.stageDescription),
      touchpoints: Array.from({ length: touchpointsPerStage }, (_, i) => ({
        key: `k${s}-${i}-`.padEnd(TEXT_LIMITS.touchpointKey, "x"),
        name: text(TEXT_LIMITS.touchpointName),
        channel: "web" as const,
        description: text(TEXT_LIMITS.touchpointDescription),
        team: text(TEXT_LIMITS.teamName),
        customerAction: text(TEXT_LIMITS.customerAction),
        expectedEmotion: -2,
        notes: text(TEXT_LIMITS.touchpointNotes),
        obstacles: Array.from({ length: insightsPerTouchpoint }, () => ({
          kind: "opportunity" as const,
          title: text(TEXT_LIMITS.insightTitle),
          description: text(TEXT_LIMITS.insightDescription),
          severity: "critical" as const,
        })),
      })),
    })),
  };
}

describe("text caps, through the procedures", () => {
  it("an over-long field is a field error that says the limit", async () => {
    const owner = callerFor(t.db, o.owner);
    const team = await outcomeOf(owner.team.create({ orgSlug: o.org.slug, name: "x".repeat(TEXT_LIMITS.teamName + 1) }));
    expect(fieldErrorsOfOutcome(team)).toEqual({ name: [`At most ${TEXT_LIMITS.teamName} characters.`] });
    const comment = await outcomeOf(owner.comment.create({ orgSlug: o.org.slug, mapId: o.map.id, body: "x".repeat(TEXT_LIMITS.comment + 1) }));
    expect(fieldErrorsOfOutcome(comment)).toEqual({ body: [`At most ${TEXT_LIMITS.comment} characters.`] });
  });

  it("an imported file's every string is capped too, with the same message", async () => {
    const owner = callerFor(t.db, o.owner);
    const document = freshMapDocument();
    const longDate = await outcomeOf(owner.journeyMap.import({ orgSlug: o.org.slug, document: { ...document, exportedAt: "x".repeat(MB) } }));
    expect(fieldErrorsOfOutcome(longDate)).toEqual({ document: [`At most ${TEXT_LIMITS.token} characters.`] });

    const touchpoint = document.stages[0]!.touchpoints[0]!;
    const longTeam = { ...document, stages: [{ ...document.stages[0]!, touchpoints: [{ ...touchpoint, team: "x".repeat(TEXT_LIMITS.teamName + 1) }] }] };
    const outcome = await outcomeOf(owner.journeyMap.import({ orgSlug: o.org.slug, document: longTeam }));
    expect(outcome).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(fieldErrorsOfOutcome(outcome)).toEqual({ document: [`At most ${TEXT_LIMITS.teamName} characters.`] });
  });
});

describe("the tRPC batch cap", () => {
  it(`refuses a batch of more than ${TRPC_MAX_BATCH_SIZE} calls with 400`, async () => {
    const paths = (n: number) => Array.from({ length: n }, () => "team.create").join(",");
    const inputs = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), { json: {} }])));
    const over = await POST(post(`${paths(TRPC_MAX_BATCH_SIZE + 1)}?batch=1`, inputs(TRPC_MAX_BATCH_SIZE + 1)));
    expect(over.status).toBe(400);
    expect(JSON.stringify(await over.json())).toMatch(/batch/i);
    // At the cap, the calls run (each one refused on its own: the inputs are empty).
    const at = await POST(post(`${paths(TRPC_MAX_BATCH_SIZE)}?batch=1`, inputs(TRPC_MAX_BATCH_SIZE)));
    const results = (await at.json()) as { error?: { json: { data: { code: string } } } }[];
    expect(results).toHaveLength(TRPC_MAX_BATCH_SIZE);
    expect(new Set(results.map((r) => r.error?.json.data.code))).toEqual(new Set(["BAD_REQUEST"]));
  });
});
