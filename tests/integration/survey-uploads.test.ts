// The upload route handler (the exported POST, as Next calls it) with real Requests: the
// same access answers as the org procedures, the body cap before reading, a preview that
// proposes a mapping, a dry run that validates the whole file and stores nothing, and an
// import that stores and streams its progress. The session comes from the test (next-auth
// needs Next's request scope); membership and roles are read from the database as always.
import fs from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/imports/[orgSlug]/route";
import { imports, surveyResponses } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { ImportEvent } from "@/server/http/import-events";
import { MAPPING_HEADER } from "@/server/schemas/survey";
import type { ColumnMapping } from "@/server/schemas/survey-mapping";
import { createSurvey, listImports } from "@/server/services/surveys";
import type { Context } from "@/server/trpc/context";
import { sessionFor } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg, type TestUser } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const request = vi.hoisted(() => ({ context: null as Context | null }));
vi.mock("@/server/trpc/server", () => ({
  createRequestContext: async () => request.context,
}));

let t: TestDatabase;
let o: PopulatedOrg;
let other: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  o = await populatedOrg(t.db, "Upload");
  other = await populatedOrg(t.db, "Elsewhere");
});
afterAll(() => t.close());

const signIn = (user: TestUser | null) => {
  request.context = { db: t.db, session: user ? sessionFor(user) : null };
};

function upload(orgSlug: string, query: Record<string, string>, body: BodyInit | null, headers: Record<string, string> = {}) {
  const req = new Request(`http://localhost:3000/api/imports/${orgSlug}?${new URLSearchParams(query)}`, {
    method: "POST",
    headers: { host: "localhost:3000", "content-type": "text/csv", ...headers },
    body,
    // @ts-expect-error Node's fetch needs this for a stream body; the DOM types lack it.
    duplex: "half",
  });
  return POST(req, { params: Promise.resolve({ orgSlug }) });
}

async function events(response: Response): Promise<ImportEvent[]> {
  expect(response.headers.get("content-type")).toContain("application/x-ndjson");
  return (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as ImportEvent);
}

const plain = (rows: string[]) => `response_id,touchpoint,submitted_at,csat,comment\n${rows.join("\n")}\n`;
const row = (id: string, tp: string, csat: string) => `${id},${tp},2026-03-04T10:00:00Z,${csat},fine`;

async function storedCount(externalIdPrefix: string) {
  const rows = await withOrg(t.db, o.org.id, (tx) => tx.select({ externalId: surveyResponses.externalId }).from(surveyResponses).where(eq(surveyResponses.organizationId, o.org.id)));
  return rows.filter((r) => r.externalId.startsWith(externalIdPrefix)).length;
}

describe("the upload route's access", () => {
  it("answers 401 signed out, 404 to a non-member, 403 to a viewer — before reading the file", async () => {
    const query = { survey: o.survey.id, mode: "import" };
    signIn(null);
    expect((await upload(o.org.slug, query, "x")).status).toBe(401);
    signIn(other.owner);
    expect((await upload(o.org.slug, query, "x")).status).toBe(404);
    signIn(o.members.viewer);
    const viewer = await upload(o.org.slug, query, "x");
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("refuses a cross-site post", async () => {
    signIn(o.members.member);
    expect((await upload(o.org.slug, { survey: o.survey.id, mode: "import" }, "x", { origin: "https://evil.test" })).status).toBe(403);
  });

  it("answers 413 to a declared body over 200 MB without pulling it", async () => {
    signIn(o.members.member);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 65536;
        controller.enqueue(new Uint8Array(65536));
      },
    });
    const response = await upload(o.org.slug, { survey: o.survey.id, mode: "import" }, stream, { "content-length": String(201 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(65536 * 2);
  });

  it("another organization's survey id is 404 for a member of this one", async () => {
    signIn(o.members.member);
    const response = await upload(o.org.slug, { survey: other.survey.id, mode: "preview" }, plain([row("x1", o.touchpoints[0].key, "5")]));
    expect(response.status).toBe(404);
  });
});

describe("preview, dry run and import", () => {
  it("previews the first megabyte: layout, encoding, delimiter, the proposed mapping and the first rows", async () => {
    signIn(o.members.member);
    const survey = await createSurvey(t.db, { orgId: o.org.id }, { name: "Preview me" });
    const response = await upload(o.org.slug, { survey: survey.id, mode: "preview" }, new Uint8Array(fs.readFileSync("tests/fixtures/exports/qualtrics.csv")));
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview).toMatchObject({ layout: "qualtrics", delimiter: ",", savedMapping: null });
    expect(preview.proposal.draft.responseId).toBe("ResponseId");
    expect(preview.rows).toHaveLength(3);
    expect(preview.rows[0].line).toBeGreaterThan(3);
  });

  it("a dry run validates the whole file and stores nothing, not even an import record", async () => {
    signIn(o.members.member);
    const survey = await createSurvey(t.db, { orgId: o.org.id }, { name: "Dry" });
    const tp = o.touchpoints[0].key;
    const response = await upload(o.org.slug, { survey: survey.id, mode: "dry-run", fileName: "dry.csv" }, plain([row("dry-1", tp, "5"), row("dry-2", tp, "9"), row("dry-3", "nowhere", "4")]));
    const last = (await events(response)).at(-1)!;
    expect(last.type).toBe("outcome");
    const outcome = (last as { outcome: { status: string; rows: number; rejected: number; errors: { line: number; column: string | null }[] } }).outcome;
    expect(outcome).toMatchObject({ status: "rejected", rows: 3, rejected: 2 });
    expect(outcome.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(outcome.errors[0]!.column).toContain("csat");

    const valid = await upload(o.org.slug, { survey: survey.id, mode: "dry-run" }, plain([row("dry-1", tp, "5"), row("dry-2", tp, "4")]));
    const done = (await events(valid)).at(-1) as { type: string; outcome: { inserted: number; sample: { externalId: string; csat: number }[] } };
    expect(done.outcome.inserted).toBe(2);
    expect(done.outcome.sample.map((r) => [r.externalId, r.csat])).toEqual([["dry-1", 5], ["dry-2", 4]]);
    expect(await storedCount("dry-")).toBe(0);
    const records = await withOrg(t.db, o.org.id, (tx) => tx.select({ n: count() }).from(imports).where(and(eq(imports.organizationId, o.org.id), eq(imports.surveyId, survey.id))));
    expect(records[0]!.n).toBe(0);
  });

  it("an import stores the rows with the confirmed mapping, saves it on the survey, and a re-upload reports duplicates", async () => {
    signIn(o.members.member);
    const survey = await createSurvey(t.db, { orgId: o.org.id }, { name: "Real" });
    // Every row to one fixed touchpoint, whatever the file's touchpoint column says.
    const mapping: ColumnMapping = {
      responseId: "response_id",
      submittedAt: { column: "submitted_at", dateOrder: "ymd", timeZone: null },
      csat: "csat",
      nps: null,
      ces: null,
      comment: "comment",
      channel: null,
      touchpoint: { kind: "fixed", touchpointKey: o.touchpoints[1].key },
      segments: [],
    };
    const file = plain([row("real-1", "ignored", "5"), row("real-2", "ignored", "3")]);
    const headers = { [MAPPING_HEADER]: encodeURIComponent(JSON.stringify(mapping)) };
    const first = await events(await upload(o.org.slug, { survey: survey.id, mode: "import", fileName: "real.csv" }, file, headers));
    expect(first[0]).toEqual({ type: "progress", rows: 2 });
    expect(first.at(-1)).toMatchObject({ type: "outcome", outcome: { status: "succeeded", inserted: 2, duplicates: 0, rejected: 0 } });
    expect(await storedCount("real-")).toBe(2);
    const saved = await withOrg(t.db, o.org.id, (tx) => tx.query.surveys.findFirst({ where: (s, { and, eq }) => and(eq(s.organizationId, o.org.id), eq(s.id, survey.id)) }));
    expect(saved?.mapping).toEqual(mapping);

    const again = await events(await upload(o.org.slug, { survey: survey.id, mode: "import", fileName: "real.csv" }, file, headers));
    expect(again.at(-1)).toMatchObject({ type: "outcome", outcome: { status: "succeeded", inserted: 0, duplicates: 2 } });
    expect(await storedCount("real-")).toBe(2);
    const history = await listImports(t.db, { orgId: o.org.id }, { surveyId: survey.id });
    expect(history.map((i) => [i.fileName, i.inserted, i.duplicates, i.actorName])).toEqual([
      ["real.csv", 0, 2, o.members.member.name],
      ["real.csv", 2, 0, o.members.member.name],
    ]);
  });

  it("a mapping header that does not parse is 400; a file-level problem arrives as the stream's error line", async () => {
    signIn(o.members.member);
    expect((await upload(o.org.slug, { survey: o.survey.id, mode: "import" }, "a", { [MAPPING_HEADER]: "%7Bnot json" })).status).toBe(400);
    const empty = await events(await upload(o.org.slug, { survey: o.survey.id, mode: "import" }, ""));
    expect(empty.at(-1)).toMatchObject({ type: "error", error: { code: "VALIDATION", message: "The file is empty." } });
  });
});
