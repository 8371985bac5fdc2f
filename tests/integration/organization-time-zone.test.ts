// The organization's time zone decides which day a response counts in. Setting it (admins)
// re-buckets the daily rollup in the same transaction, so the rollup always equals one built
// from the raw responses. Days below are worked out by hand from the zones' offsets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/client";
import { importResponseFile } from "@/server/services/response-imports";
import { callerFor } from "../helpers/callers";
import { populatedOrg, twoOrgs, type PopulatedOrg } from "../helpers/fixtures";
import { codeOf } from "../helpers/procedures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

async function importCsv(o: PopulatedOrg, rows: [id: string, submittedAt: string, csat: number][]) {
  // The survey's saved mapping (from the fixture's import) also reads a comment and a region.
  const csv = `response_id,touchpoint,submitted_at,csat,comment,region\n${rows.map(([id, at, csat]) => `${id},${o.touchpoints[1].key},${at},${csat},,East`).join("\n")}\n`;
  const outcome = await importResponseFile(t.db, { orgId: o.org.id, actor: { kind: "user", userId: o.owner.id } }, (async function* () {
    yield new TextEncoder().encode(csv);
  })(), { surveyId: o.survey.id, fileName: "tz.csv", source: "upload" });
  expect(outcome).toMatchObject({ status: "succeeded", inserted: rows.length });
}

/** The second touchpoint's all-responses rollup rows: day → [responses, csat answers of 4–5]. */
async function rollupByDay(o: PopulatedOrg): Promise<Record<string, [number, number]>> {
  const rows = await t.asOwner((tx) =>
    queryRows<{ day: string; responses: number; good: number }>(tx, sql`
      select day::text, responses, csat_4 + csat_5 as good from touchpoint_daily_stats
      where organization_id = ${o.org.id}::uuid and touchpoint_id = ${o.touchpoints[1].id}::uuid and segment_key = '' order by day`),
  );
  return Object.fromEntries(rows.map((r) => [r.day, [Number(r.responses), Number(r.good)]]));
}

/** Every rollup row of the organization, and the same rows computed here straight from survey_responses (written independently of the app's statement). */
async function rollupAndRaw(tx: Tx, orgId: string, timeZone: string) {
  const rollup = await queryRows(tx, sql`
    select touchpoint_id, survey_id, day::text, segment_key, segment_value, responses, comments, csat_1, csat_2, csat_3, csat_4, csat_5, nps_0, nps_10, ces_1, ces_7
    from touchpoint_daily_stats where organization_id = ${orgId}::uuid order by 1, 2, 3, 4, 5`);
  const raw = await queryRows(tx, sql`
    with r as (
      select touchpoint_id, survey_id, to_char(submitted_at at time zone ${timeZone}, 'YYYY-MM-DD') as day, '' as segment_key, '' as segment_value, csat, nps, ces, comment
      from survey_responses where organization_id = ${orgId}::uuid and touchpoint_id is not null
      union all
      select touchpoint_id, survey_id, to_char(submitted_at at time zone ${timeZone}, 'YYYY-MM-DD'), s.key, s.value, csat, nps, ces, comment
      from survey_responses, jsonb_each_text(segment) s where organization_id = ${orgId}::uuid and touchpoint_id is not null
    )
    select touchpoint_id, survey_id, day, segment_key, segment_value, count(*)::int as responses, count(comment)::int as comments,
      count(*) filter (where csat = 1)::int as csat_1, count(*) filter (where csat = 2)::int as csat_2, count(*) filter (where csat = 3)::int as csat_3, count(*) filter (where csat = 4)::int as csat_4, count(*) filter (where csat = 5)::int as csat_5,
      count(*) filter (where nps = 0)::int as nps_0, count(*) filter (where nps = 10)::int as nps_10, count(*) filter (where ces = 1)::int as ces_1, count(*) filter (where ces = 7)::int as ces_7
    from r group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`);
  const normalize = (rows: Record<string, unknown>[]) => rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "number" || typeof v === "bigint" ? Number(v) : v])));
  return { rollup: normalize(rollup), raw: normalize(raw) };
}

describe("organization time zone", () => {
  it("counts a response at 23:30 local time in that local day, across a daylight-saving change", async () => {
    const o = await populatedOrg(t.db, "Zone");
    await callerFor(t.db, o.owner).organization.setTimeZone({ orgSlug: o.org.slug, timeZone: "America/New_York" });
    await importCsv(o, [
      // 04:30Z on 5 March is 23:30 EST (UTC−5) on 4 March.
      ["ny-1", "2026-03-05T04:30:00Z", 5],
      // 8 March 2026 clocks go forward at 02:00: 04:30Z on 8 March is 23:30 EST on 7 March,
      ["ny-2", "2026-03-08T04:30:00Z", 4],
      // and 03:30Z on 9 March is 23:30 EDT (UTC−4) on 8 March; 04:30Z on 9 March is 00:30 on 9 March.
      ["ny-3", "2026-03-09T03:30:00Z", 1],
      ["ny-4", "2026-03-09T04:30:00Z", 2],
    ]);
    expect(await rollupByDay(o)).toEqual({ "2026-03-04": [1, 1], "2026-03-07": [1, 1], "2026-03-08": [1, 0], "2026-03-09": [1, 0] });
  });

  it("re-buckets the rollup when the zone changes, to exactly what the raw responses give", async () => {
    const o = await populatedOrg(t.db, "Rebucket");
    await importCsv(o, [
      ["rb-1", "2026-03-05T04:30:00Z", 5],
      ["rb-2", "2026-03-05T12:00:00Z", 4],
      ["rb-3", "2026-03-05T23:30:00Z", 2],
    ]);
    // In UTC: two on 5 March (one of them 23:30), none on 4 March.
    expect(await rollupByDay(o)).toEqual({ "2026-03-05": [3, 2] });
    const admin = callerFor(t.db, o.members.admin);
    const result = await admin.organization.setTimeZone({ orgSlug: o.org.slug, timeZone: "Asia/Tokyo" });
    // 3 new + the fixture's 2: every response of the organization is re-counted.
    expect(result).toEqual({ timeZone: "Asia/Tokyo", rebucketedResponses: 5 });
    // Tokyo is UTC+9: 13:30 on 5 March, 21:00 on 5 March, 08:30 on 6 March.
    expect(await rollupByDay(o)).toEqual({ "2026-03-05": [2, 2], "2026-03-06": [1, 0] });
    await admin.organization.setTimeZone({ orgSlug: o.org.slug, timeZone: "America/New_York" });
    // New York is UTC−5: 23:30 on 4 March, 07:00 and 18:30 on 5 March.
    expect(await rollupByDay(o)).toEqual({ "2026-03-04": [1, 1], "2026-03-05": [2, 1] });
    const { rollup, raw } = await t.asOwner((tx) => rollupAndRaw(tx, o.org.id, "America/New_York"));
    expect(rollup.length).toBeGreaterThan(3);
    expect(rollup).toEqual(raw);
    expect((await admin.organization.overview({ orgSlug: o.org.slug })).timeZone).toBe("America/New_York");
  });

  it("refuses a name that is not a time zone, and lets only admins of the organization change it", async () => {
    const { a, b } = await twoOrgs(t.db);
    const admin = callerFor(t.db, a.members.admin);
    await expect(admin.organization.setTimeZone({ orgSlug: a.org.slug, timeZone: "Mars/Olympus_Mons" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/not a time zone/) });
    expect(await codeOf(callerFor(t.db, a.members.manager).organization.setTimeZone({ orgSlug: a.org.slug, timeZone: "Europe/Paris" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(t.db, b.members.owner).organization.setTimeZone({ orgSlug: a.org.slug, timeZone: "Europe/Paris" }))).toBe("NOT_FOUND");
    const bRollupBefore = await t.asOwner((tx) => rollupAndRaw(tx, b.org.id, "UTC"));
    await admin.organization.setTimeZone({ orgSlug: a.org.slug, timeZone: "Pacific/Kiritimati" });
    expect(await t.asOwner((tx) => rollupAndRaw(tx, b.org.id, "UTC"))).toEqual(bRollupBefore);
    expect(bRollupBefore.rollup).toEqual(bRollupBefore.raw);
  });
});
