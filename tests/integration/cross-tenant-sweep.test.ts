// Every procedure × every role: a member of org B using org A's slug and ids learns and
// changes nothing of org A. Procedures are enumerated from the router, inputs built from
// their schemas, org A's rows compared from the catalog; a deliberately leaky router
// proves the sweep catches what it should. One test per router namespace, each with its own
// generous timeout: the whole sweep in one test took 66 s on a busy machine and hit the limit.
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { organizations, teams } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { orgScoped } from "@/server/schemas/common";
import { router } from "@/server/trpc/init";
import { protectedProcedure } from "@/server/trpc/procedures";
import { appRouter } from "@/server/trpc/root";
import { crossTenantSweep } from "../helpers/cross-tenant-sweep";
import { ownTargets, populatedOrg, twoOrgs, type PopulatedOrg } from "../helpers/fixtures";
import { buildInput, listProcedures, routerNamespaces, UnknownInputFieldError } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

/** Per router namespace. The slowest (journeyMap) takes 2–5 s alone, ~12 s during the full suite; the whole sweep once took 66 s under load. */
const SWEEP_TIMEOUT = 180_000;

describe("cross-tenant sweep of appRouter", () => {
  const allProcedures = listProcedures(appRouter).map((p) => p.path);
  const swept = new Set<string>();
  let orgs: Awaited<ReturnType<typeof twoOrgs>>;
  beforeAll(async () => {
    orgs = await twoOrgs(t.db);
  });

  it.each(routerNamespaces(appRouter))(
    "%s: no procedure, for any role of org B, reveals or changes anything of org A",
    async (namespace) => {
      const { a, b } = orgs;
      const result = await crossTenantSweep({ router: appRouter, db: t.db, asOwner: t.asOwner, a, b, namespace });

      expect(result.procedures.length).toBeGreaterThan(0);
      expect(result.swept.sort()).toEqual([...result.procedures].sort());
      expect(result.violations).toEqual([]);
      for (const path of result.swept) swept.add(path);
    },
    SWEEP_TIMEOUT,
  );

  // Runs after the per-router tests (tests in a file run in order): together they covered everything.
  it("every procedure of appRouter was swept", () => {
    expect(allProcedures.length).toBeGreaterThan(0);
    expect([...swept].sort()).toEqual([...allProcedures].sort());
  });

  it("every procedure that takes an orgSlug is an org procedure with a permission", () => {
    const procedures = listProcedures(appRouter);
    const orgScopedPaths = procedures.filter((p) => p.fields.includes("orgSlug"));
    expect(orgScopedPaths.length).toBeGreaterThan(0);
    for (const procedure of orgScopedPaths) {
      expect(procedure.meta?.scope, procedure.path).toBe("org");
      expect(procedure.meta?.permission, procedure.path).toBeTruthy();
    }
    for (const procedure of procedures) expect(["public", "user", "org"], procedure.path).toContain(procedure.meta?.scope);
  });

  it("fails with a pointer to the generator for an input field it does not know", async () => {
    const extra = router({ thing: protectedProcedure.input(z.object({ gadgetId: z.uuid() })).query(() => null) });
    const [procedure] = listProcedures(extra);
    const targets = ownTargets(await populatedOrg(t.db, "Generator"));
    expect(() => buildInput(procedure!, targets)).toThrow(UnknownInputFieldError);
    expect(() => buildInput(procedure!, targets)).toThrow(/gadgetId.*tests\/helpers\/procedures\.ts/);
  });

  it("builds `version` from the version of the object the router is about, and fails loudly for an unknown router", async () => {
    const o = await populatedOrg(t.db, "Generator");
    const targets = { ...ownTargets(o), versions: { ...ownTargets(o).versions, touchpoint: 7, stage: 3 } };
    const versioned = (path: string) => router({ [path]: router({ update: protectedProcedure.input(z.object({ version: z.number() })).mutation(() => null) }) });
    expect(buildInput(listProcedures(versioned("touchpoint"))[0]!, targets)).toEqual({ version: 7 });
    expect(buildInput(listProcedures(versioned("stage"))[0]!, targets)).toEqual({ version: 3 });
    expect(() => buildInput(listProcedures(versioned("webhook"))[0]!, targets)).toThrow(/versions has none for "webhook"/);
  });
});

describe("the sweep itself", () => {
  /** What a procedure that forgets the membership check looks like. */
  function leakyRouter(a: PopulatedOrg) {
    const findOrg = async (db: TestDatabase["db"], slug: string) => {
      const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
      if (!org) throw new Error("no such org");
      return org;
    };
    return router({
      leaky: router({
        // Labelled as an org procedure, but resolves the org by slug without a membership.
        teamsBySlug: protectedProcedure
          .meta({ scope: "org", permission: "team.read" })
          .input(orgScoped)
          .query(async ({ ctx, input }) => {
            const org = await findOrg(ctx.db, input.orgSlug);
            return withOrg(ctx.db, org.id, (tx) => tx.select().from(teams).where(eq(teams.organizationId, org.id)));
          }),
        renameBySlug: protectedProcedure
          .meta({ scope: "org", permission: "organization.update" })
          .input(orgScoped.extend({ name: z.string() }))
          .mutation(async ({ ctx, input }) => {
            const org = await findOrg(ctx.db, input.orgSlug);
            await withOrg(ctx.db, org.id, (tx) =>
              tx.update(teams).set({ description: input.name }).where(and(eq(teams.organizationId, org.id), eq(teams.id, a.team.id))),
            );
            return { ok: true };
          }),
        // Takes an orgSlug, but is not an org procedure at all.
        mislabelled: protectedProcedure.input(orgScoped).query(() => ({ ok: true })),
      }),
    });
  }

  it("reports a procedure that skips the org check, leaks, or writes into another organization", async () => {
    const { a, b } = await twoOrgs(t.db);
    const { violations } = await crossTenantSweep({ router: leakyRouter(a), db: t.db, asOwner: t.asOwner, a, b });
    const problems = (path: string) => violations.filter((v) => v.path === path).map((v) => v.problem);

    expect(problems("leaky.teamsBySlug")).toContainEqual(expect.stringMatching(/expected NOT_FOUND/));
    expect(problems("leaky.teamsBySlug")).toContainEqual(expect.stringMatching(new RegExp(`identifiers in the result: .*${a.team.id}`)));
    expect(problems("leaky.renameBySlug")).toContain("changed org A's data");
    expect(problems("leaky.mislabelled")).toContainEqual(expect.stringMatching(/meta.scope is user/));
    // Every role of B is reported, not just one.
    expect(new Set(violations.filter((v) => v.path === "leaky.teamsBySlug").map((v) => v.role)).size).toBe(5);
  }, SWEEP_TIMEOUT);
});
