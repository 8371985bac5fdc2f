// Writes the demo journey map (db/seed/demo-journey-content.ts) into an organization, in
// one transaction, so the canvas, the emotion curve and the findings board have something
// real to show. Idempotent: a second run finds the map and changes nothing.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { comments, journeyMaps, mapEvents, obstacles, personas, stages, teams, touchpoints } from "../schema";
import { uuidv7 } from "../schema/_columns";
import { spreadKeys } from "../../lib/fractional-key";
import { withOrg } from "../tenancy";
import { DEMO_JOURNEY, type DemoJourney, type DemoComment } from "./demo-journey-content";

export { DEMO_JOURNEY };

export interface SeedDemoJourneyInput {
  orgId: string;
  ownerUserId: string;
  /** Who writes the demo comments; see DemoComment.by. */
  commenterUserIds?: string[];
}

/** Idempotent by map name: an organization that already has the map keeps it as it is. */
export async function seedDemoJourney(db: Db, input: SeedDemoJourneyInput): Promise<{ mapId: string }> {
  const { orgId } = input;
  return withOrg(db, orgId, async (tx) => {
    const [existing] = await tx
      .select({ id: journeyMaps.id })
      .from(journeyMaps)
      .where(and(eq(journeyMaps.organizationId, orgId), sql`lower(${journeyMaps.name}) = lower(${DEMO_JOURNEY.map.name})`))
      .orderBy(asc(journeyMaps.createdAt))
      .limit(1);
    if (existing) return { mapId: existing.id };

    const personaId = await findOrCreatePersona(tx, orgId, DEMO_JOURNEY.persona);
    const [map] = await tx
      .insert(journeyMaps)
      .values({ organizationId: orgId, ...DEMO_JOURNEY.map, personaId, ownerUserId: input.ownerUserId })
      .returning({ id: journeyMaps.id });
    const mapId = map!.id;

    // Ids are made here rather than read back from RETURNING, whose row order Postgres does
    // not promise, so touchpoints can name their stage and obstacles their touchpoint.
    const teamIds = await teamIdsByName(tx, orgId);
    const stageRows: (typeof stages.$inferInsert)[] = [];
    const touchpointRows: (typeof touchpoints.$inferInsert)[] = [];
    const obstacleRows: (typeof obstacles.$inferInsert)[] = [];
    const stagePositions = spreadKeys(DEMO_JOURNEY.stages.length);
    DEMO_JOURNEY.stages.forEach((stage, s) => {
      const stageId = uuidv7();
      stageRows.push({ organizationId: orgId, id: stageId, mapId, name: stage.name, description: stage.description, position: stagePositions[s]! });
      const positions = spreadKeys(stage.touchpoints.length);
      stage.touchpoints.forEach(({ team, insights = [], ...touchpoint }, t) => {
        const touchpointId = uuidv7();
        touchpointRows.push({
          organizationId: orgId,
          id: touchpointId,
          mapId,
          stageId,
          position: positions[t]!,
          teamId: teamIds.get(team.toLowerCase()) ?? null,
          ...touchpoint,
        });
        for (const insight of insights) obstacleRows.push({ organizationId: orgId, id: uuidv7(), mapId, touchpointId, ...insight });
      });
    });
    await tx.insert(stages).values(stageRows);
    await tx.insert(touchpoints).values(touchpointRows);
    if (obstacleRows.length) await tx.insert(obstacles).values(obstacleRows);

    const commentRows = DEMO_JOURNEY.comments.map(({ about, by, body }) => ({
      organizationId: orgId,
      mapId,
      authorUserId: (by === undefined ? undefined : input.commenterUserIds?.[by]) ?? input.ownerUserId,
      body,
      ...commentTarget(about, touchpointRows, obstacleRows),
    }));
    if (commentRows.length) await tx.insert(comments).values(commentRows);

    await tx.insert(mapEvents).values({
      organizationId: orgId,
      mapId,
      actorUserId: input.ownerUserId,
      action: "map.created",
      data: { name: DEMO_JOURNEY.map.name, template: "demo" },
    });
    return { mapId };
  });
}

async function findOrCreatePersona(tx: Tx, orgId: string, persona: DemoJourney["persona"]): Promise<string> {
  // Same case-insensitive match as the personas_org_name_key index, so the insert cannot collide.
  const [existing] = await tx
    .select({ id: personas.id })
    .from(personas)
    .where(and(eq(personas.organizationId, orgId), sql`lower(${personas.name}) = lower(${persona.name})`))
    .limit(1);
  if (existing) return existing.id;
  const [created] = await tx.insert(personas).values({ organizationId: orgId, ...persona }).returning({ id: personas.id });
  return created!.id;
}

/** Lower-cased team name → id; teams are renamable, and a missing team leaves the touchpoint unowned. */
async function teamIdsByName(tx: Tx, orgId: string): Promise<Map<string, string>> {
  const rows = await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organizationId, orgId));
  return new Map(rows.map((team) => [team.name.toLowerCase(), team.id]));
}

function commentTarget(
  about: DemoComment["about"],
  touchpointRows: { id?: string; key: string }[],
  obstacleRows: { id?: string; title: string; touchpointId: string }[],
): { touchpointId: string | null; obstacleId: string | null } {
  if (about === "map") return { touchpointId: null, obstacleId: null };
  if ("touchpoint" in about) return { touchpointId: find(touchpointRows, (row) => row.key === about.touchpoint, about.touchpoint), obstacleId: null };
  // Like comments made in the app: an obstacle's comment also names its touchpoint.
  const obstacle = obstacleRows.find((row) => row.title === about.obstacle);
  return { touchpointId: obstacle?.touchpointId ?? null, obstacleId: find(obstacleRows, (row) => row.title === about.obstacle, about.obstacle) };
}

/** A comment about something the journey doesn't contain is a mistake in the data: fail loudly. */
function find<T extends { id?: string }>(rows: T[], match: (row: T) => boolean, label: string): string {
  const id = rows.find(match)?.id;
  if (!id) throw new Error(`Demo comment refers to an unknown touchpoint or obstacle: ${label}`);
  return id;
}
