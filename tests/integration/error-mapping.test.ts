// What errors look like on the wire (the real fetch adapter, superjson, our formatter):
// domain errors keep their code, message and field errors; anything unknown becomes
// INTERNAL_SERVER_ERROR with a generic message, its details only in the server log.
import { sql } from "drizzle-orm";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { AnyRouter } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { addMember, createOrganization, createUser } from "@/db/seed/factories";
import { invalid } from "@/server/services/errors";
import type { SessionClaims } from "@/server/trpc/context";
import { GENERIC_ERROR_MESSAGE } from "@/server/trpc/errors";
import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { appRouter } from "@/server/trpc/root";
import { sessionFor } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const SECRET = "password=hunter2 host=10.0.0.5";

const testRouter = router({
  boom: publicProcedure.query(() => {
    throw new Error(`connect ECONNREFUSED ${SECRET}`);
  }),
  badSql: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`select * from no_such_table_hunter2`)),
  taken: publicProcedure.input(z.object({ email: z.email() })).mutation(() => {
    throw invalid("email", "This address is taken.");
  }),
});

interface WireError {
  message: string;
  code: number;
  data: { code: string; httpStatus: number; path: string; fieldErrors: Record<string, string[]> | null; stack?: string };
}

async function request(target: AnyRouter, path: string, options: { input?: unknown; mutation?: boolean; session?: SessionClaims | null } = {}) {
  const encoded = options.input === undefined ? undefined : JSON.stringify({ json: options.input });
  const url = new URL(`http://localhost/api/trpc/${path}`);
  if (!options.mutation && encoded) url.searchParams.set("input", encoded);
  const req = new Request(url, options.mutation ? { method: "POST", body: encoded ?? "{}", headers: { "content-type": "application/json" } } : {});
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: target,
    createContext: () => ({ db: t.db, session: options.session ?? null }),
  });
  const text = await response.text();
  return { status: response.status, text, error: (JSON.parse(text) as { error?: { json: WireError } }).error?.json };
}

describe("error mapping on the wire", () => {
  it("an unknown error becomes INTERNAL_SERVER_ERROR with a generic message and no internals", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const path of ["boom", "badSql"]) {
        const { status, text, error } = await request(testRouter, path);
        expect(status, path).toBe(500);
        expect(error).toMatchObject({ message: GENERIC_ERROR_MESSAGE, data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, fieldErrors: null } });
        expect(error?.data.stack).toBeUndefined();
        expect(text).not.toMatch(/hunter2|ECONNREFUSED|no_such_table|\.ts:\d+|node_modules/);
      }
      // The details are kept for the server log.
      expect(log).toHaveBeenCalledWith("[trpc] internal error", expect.objectContaining({ message: expect.stringContaining("hunter2") }));
    } finally {
      log.mockRestore();
    }
  });

  it("a domain error keeps its code, message and field errors", async () => {
    const { status, error } = await request(testRouter, "taken", { input: { email: "a@example.test" }, mutation: true });
    expect(status).toBe(400);
    expect(error).toMatchObject({ message: "This address is taken.", data: { code: "BAD_REQUEST", fieldErrors: { email: ["This address is taken."] } } });
  });

  it("an input that fails validation returns field errors per field", async () => {
    const { status, error } = await request(testRouter, "taken", { input: { email: "not an email" }, mutation: true });
    expect(status).toBe(400);
    expect(error?.data.code).toBe("BAD_REQUEST");
    expect(Object.keys(error?.data.fieldErrors ?? {})).toEqual(["email"]);
  });

  it("appRouter: no session is 401, a non-member is 404 (like a missing org), a low role is 403", async () => {
    const owner = await createUser(t.db);
    const org = await createOrganization(t.db, { ownerId: owner.id });
    const outsider = await createUser(t.db);

    const anonymous = await request(appRouter, "team.list", { input: { orgSlug: org.slug } });
    expect([anonymous.status, anonymous.error?.data.code]).toEqual([401, "UNAUTHORIZED"]);

    const stranger = await request(appRouter, "team.list", { input: { orgSlug: org.slug }, session: sessionFor(outsider) });
    const missing = await request(appRouter, "team.list", { input: { orgSlug: "no-such-org-here" }, session: sessionFor(outsider) });
    expect([stranger.status, stranger.error?.data.code]).toEqual([404, "NOT_FOUND"]);
    // Indistinguishable from an organization that does not exist.
    expect(stranger.error?.message).toBe(missing.error?.message);

    const viewer = await createUser(t.db);
    await addMember(t.db, { orgId: org.id, userId: viewer.id, role: "viewer" });
    const tooLow = await request(appRouter, "member.remove", { input: { orgSlug: org.slug, userId: owner.id }, mutation: true, session: sessionFor(viewer) });
    expect([tooLow.status, tooLow.error?.data.code]).toEqual([403, "FORBIDDEN"]);
    const ownerCall = await request(appRouter, "organization.overview", { input: { orgSlug: org.slug }, session: sessionFor(owner) });
    expect(ownerCall.status).toBe(200);
  });
});
