// A finding outlives the map, stage, touchpoint, obstacle and team it names: deleting any of
// them clears just those references. Deleting a map cascades through stages, touchpoints and
// obstacles while each level sets its own column of the finding null, and PostgreSQL runs
// those actions in the order of its internal trigger names, which carry OIDs, so the order
// differs between databases. Each deletion is run in every order that can happen: as the
// migrations leave it, with the cascades firing last, and with the findings' actions last.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findings } from "@/db/schema";
import { callerFor } from "../helpers/callers";
import { populatedOrg, type PopulatedOrg } from "../helpers/fixtures";
import { createTestDatabase, queryRows, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

/** The cascades down the map, and the findings' own SET NULL references. */
const CASCADES = [
  ["stages", "stages_map_fk"],
  ["touchpoints", "touchpoints_stage_fk"],
  ["obstacles", "obstacles_touchpoint_fk"],
  ["routing_rules", "routing_rules_team_fk"],
] as const;
const FINDING_REFERENCES = [
  ["findings", "findings_map_fk"],
  ["findings", "findings_stage_fk"],
  ["findings", "findings_touchpoint_fk"],
  ["findings", "findings_obstacle_fk"],
  ["findings", "findings_team_fk"],
  ["findings", "findings_routed_by_rule_fk"],
] as const;

/** Drops and re-adds constraints unchanged: their triggers get new OIDs, so they fire after the rest. */
async function fireLast(constraints: ReadonlyArray<readonly [string, string]>) {
  await t.asOwner(async (tx) => {
    for (const [table, name] of constraints) {
      const [row] = await queryRows<{ def: string }>(tx, sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${name}`);
      if (!row) throw new Error(`No constraint ${name}: the test's list is out of date.`);
      await tx.execute(sql.raw(`alter table "${table}" drop constraint "${name}"`));
      await tx.execute(sql.raw(`alter table "${table}" add constraint "${name}" ${row.def}`));
    }
  });
}

/** A finding made from the fixture's obstacle, handed to its team: it names every kind of element. */
async function findingOnEverything(o: PopulatedOrg) {
  const owner = callerFor(t.db, o.owner);
  const made = await owner.finding.fromObstacle({ orgSlug: o.org.slug, obstacleId: o.obstacle.id });
  const latest = await owner.finding.get({ orgSlug: o.org.slug, findingId: made.id });
  await owner.finding.update({ orgSlug: o.org.slug, findingId: made.id, version: latest.version, teamId: o.team.id });
  return made.id;
}

const referencesOf = async (findingId: string) => {
  const [row] = await t.asOwner((tx) =>
    tx
      .select({ map: findings.mapId, stage: findings.stageId, touchpoint: findings.touchpointId, obstacle: findings.obstacleId, team: findings.teamId })
      .from(findings)
      .where(eq(findings.id, findingId)),
  );
  return row;
};

const ORDERS = [
  ["as migrated", async () => {}],
  ["cascades firing last", () => fireLast(CASCADES)],
  ["the findings' references firing last", () => fireLast(FINDING_REFERENCES)],
] as const;

describe.each(ORDERS)("deleting what a finding names (%s)", (_order, arrange) => {
  beforeAll(arrange);

  it("deleting the map keeps the finding with its map, stage, touchpoint and obstacle cleared", async () => {
    const o = await populatedOrg(t.db, "RefMap");
    const id = await findingOnEverything(o);
    expect(await referencesOf(id)).toEqual({ map: o.map.id, stage: o.stages[0].id, touchpoint: o.touchpoints[0].id, obstacle: o.obstacle.id, team: o.team.id });
    await callerFor(t.db, o.owner).journeyMap.delete({ orgSlug: o.org.slug, mapId: o.map.id });
    expect(await referencesOf(id)).toEqual({ map: null, stage: null, touchpoint: null, obstacle: null, team: o.team.id });
  });

  it("deleting the stage clears the stage, touchpoint and obstacle and keeps the map", async () => {
    const o = await populatedOrg(t.db, "RefStage");
    const id = await findingOnEverything(o);
    await callerFor(t.db, o.owner).stage.delete({ orgSlug: o.org.slug, stageId: o.stages[0].id });
    expect(await referencesOf(id)).toEqual({ map: o.map.id, stage: null, touchpoint: null, obstacle: null, team: o.team.id });
  });

  it("deleting the touchpoint clears the touchpoint and its obstacle and keeps the stage", async () => {
    const o = await populatedOrg(t.db, "RefTouchpoint");
    const id = await findingOnEverything(o);
    await callerFor(t.db, o.owner).touchpoint.delete({ orgSlug: o.org.slug, touchpointId: o.touchpoints[0].id });
    expect(await referencesOf(id)).toEqual({ map: o.map.id, stage: o.stages[0].id, touchpoint: null, obstacle: null, team: o.team.id });
  });

  it("deleting the team clears only the team", async () => {
    const o = await populatedOrg(t.db, "RefTeam");
    const id = await findingOnEverything(o);
    await callerFor(t.db, o.owner).team.delete({ orgSlug: o.org.slug, teamId: o.team.id });
    expect(await referencesOf(id)).toEqual({ map: o.map.id, stage: o.stages[0].id, touchpoint: o.touchpoints[0].id, obstacle: o.obstacle.id, team: null });
  });
});
