// Who sees which figures: every dashboard procedure, called by members of two organizations,
// shows each only its own responses; another organization's ids are not found; a non-member
// is not found; viewers may read. And a view that runs out of time says so instead of hanging.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrgDeadline } from "@/server/services/dashboards/deadline";
import { dashboardOverview } from "@/server/services/dashboards/overview";
import { deleteTouchpoint } from "@/server/services/touchpoints";
import { callerFor } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { codeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let a: PopulatedOrg;
let b: PopulatedOrg;
beforeAll(async () => {
  t = await createTestDatabase();
  a = await populatedOrg(t.db, "Left");
  b = await populatedOrg(t.db, "Right");
}, 120_000);
afterAll(() => t.close());

/** populatedOrg's two responses are on 4 and 5 March 2026. */
const filters = { from: "2026-03-01", to: "2026-03-31", compare: "none" as const, granularity: "week" as const };
const viewer = (o: PopulatedOrg) => callerFor(t.db, o.members.viewer);

describe("each organization sees its own figures", () => {
  it("overview, stuck, channels, segment keys: B's viewer sees B's two responses and B's touchpoints only", async () => {
    const caller = viewer(b);
    const overview = await caller.dashboard.overview({ orgSlug: b.org.slug, filters });
    expect(overview.tiles.responses.current).toBe(2);
    expect(overview.touchpoints.map((x) => x.id).sort()).toEqual(b.touchpoints.map((x) => x.id).sort());
    const channels = await caller.dashboard.channels({ orgSlug: b.org.slug, filters });
    expect(channels.stages.map((s) => s.stage.id).sort()).toEqual(b.stages.map((s) => s.id).sort());
    const stuck = await caller.dashboard.stuck({ orgSlug: b.org.slug, filters });
    expect(stuck.touchpoints.every((x) => b.touchpoints.some((own) => own.id === x.id))).toBe(true);
    const options = await caller.dashboard.segmentKeys({ orgSlug: b.org.slug });
    expect(options.maps.map((m) => m.id)).toEqual([b.map.id]);
    expect(options.surveys.map((s) => s.id)).toEqual([b.survey.id]);
  });

  it("touchpoint, comments and map curve of B's own objects", async () => {
    const caller = viewer(b);
    const page = await caller.dashboard.touchpoint({ orgSlug: b.org.slug, touchpointId: b.touchpoints[0].id, filters });
    expect(page.tiles.responses.current).toBe(2);
    const comments = await caller.dashboard.comments({ orgSlug: b.org.slug, touchpointId: b.touchpoints[0].id, filters, limit: 10 });
    expect(comments.comments.map((c) => c.comment)).toEqual([expect.stringContaining("Right secret verbatim")]);
    const curve = await caller.dashboard.mapCurve({ orgSlug: b.org.slug, mapId: b.map.id, filters });
    expect(curve.points.map((p) => p.touchpointId)).toEqual(b.touchpoints.map((x) => x.id));
    expect(curve.points[0]).toMatchObject({ n: 2, actual: 0.5, lowSample: true, flag: null });
  });

  it("A's ids with B's organization: not found, or nothing of A's", async () => {
    const caller = viewer(b);
    expect(await codeOf(caller.dashboard.touchpoint({ orgSlug: b.org.slug, touchpointId: a.touchpoints[0].id, filters }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.dashboard.comments({ orgSlug: b.org.slug, touchpointId: a.touchpoints[0].id, filters }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.dashboard.mapCurve({ orgSlug: b.org.slug, mapId: a.map.id, filters }))).toBe("NOT_FOUND");
    const filtered = await caller.dashboard.overview({ orgSlug: b.org.slug, filters: { ...filters, mapId: a.map.id, surveyId: a.survey.id } });
    expect(filtered.tiles.responses.current).toBe(0);
    expect(filtered.touchpoints).toEqual([]);
  });

  it("a member of A is not found in B, for every dashboard procedure", async () => {
    const caller = viewer(a);
    const slug = b.org.slug;
    const calls = [
      () => caller.dashboard.overview({ orgSlug: slug, filters }),
      () => caller.dashboard.stuck({ orgSlug: slug, filters }),
      () => caller.dashboard.channels({ orgSlug: slug, filters }),
      () => caller.dashboard.segmentKeys({ orgSlug: slug }),
      () => caller.dashboard.touchpoint({ orgSlug: slug, touchpointId: b.touchpoints[0].id, filters }),
      () => caller.dashboard.comments({ orgSlug: slug, touchpointId: b.touchpoints[0].id, filters }),
      () => caller.dashboard.mapCurve({ orgSlug: slug, mapId: b.map.id, filters }),
    ];
    for (const call of calls) expect(await codeOf(call())).toBe("NOT_FOUND");
  });

  it("bad input is a field error, not a crash", async () => {
    const caller = viewer(b);
    expect(await codeOf(caller.dashboard.overview({ orgSlug: b.org.slug, filters: { ...filters, from: "2026-04-01" } }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.dashboard.overview({ orgSlug: b.org.slug, filters: { ...filters, from: "2019-01-01", to: "2026-01-01" } }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.dashboard.comments({ orgSlug: b.org.slug, touchpointId: b.touchpoints[0].id, filters, cursor: "not-a-cursor" }))).toBe("BAD_REQUEST");
  });
});

describe("the dashboard deadline", () => {
  it("a view made of many statements gives up after its budget with a clear message", async () => {
    const slow = withOrgDeadline(
      t.db,
      b.org.id,
      async (tx, checkpoint) => {
        for (let i = 0; i < 40; i++) {
          checkpoint();
          await tx.execute(sql`select pg_sleep(0.05)`);
        }
        return "finished";
      },
      300,
    );
    await expect(slow).rejects.toThrow("This view took too long");
  }, 60_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)("on Postgres, one long statement is cancelled by statement_timeout", async () => {
    const slow = withOrgDeadline(t.db, b.org.id, (tx) => tx.execute(sql`select pg_sleep(5)`), 300);
    await expect(slow).rejects.toMatchObject({ code: "UNPROCESSABLE", message: expect.stringContaining("took too long") });
  }, 60_000);
});

describe("a deleted touchpoint", () => {
  it("its responses, left in the rollup and the responses table, count on neither path", async () => {
    await deleteTouchpoint(t.db, { orgId: b.org.id, userId: b.owner.id, role: "owner" }, { touchpointId: b.touchpoints[0].id });
    for (const path of ["rollup", "raw"] as const) {
      const overview = await dashboardOverview(t.db, { orgId: b.org.id }, { ...filters, compare: "previous" }, { path });
      expect(overview.tiles.responses.current).toBe(0);
      expect(overview.touchpoints.map((x) => x.id)).toEqual([b.touchpoints[1].id]);
    }
  });
});
