// Journey maps: the list, the canvas (a map with its stages, touchpoints and obstacles in
// order), and the map's own fields. Stages, touchpoints and obstacles have their own modules.
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/db/client";
import { STAGE_TEMPLATES, type MapStatus, type StageTemplate } from "@/db/journey-constants";
import { comments, journeyMaps, mapEvents, memberships, obstacles, personas, stages, teams, touchpoints, users } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { spreadKeys } from "@/lib/fractional-key";
import { can } from "@/server/auth/permissions";
import { recordAudit } from "./audit";
import type { OrgContext } from "./context";
import { invalid } from "./errors";
import { findingsOnMap } from "./findings/map-counts";
import { findInOrg, inOrg, inOrgLoader } from "./load-in-org";
import { recordMapEvent } from "./map-history";
import { staleVersion } from "./versioning";

export const loadMap = inOrgLoader(journeyMaps, "Journey map");

/** A persona or owner named in an input must belong to this organization. */
async function checkReferences(tx: Tx, ctx: OrgContext, input: { personaId: string | null; ownerUserId?: string | null }) {
  if (input.personaId) {
    if (!(await findInOrg(tx, personas, { orgId: ctx.orgId, id: input.personaId }))) throw invalid("personaId", "That persona no longer exists.");
  }
  if (input.ownerUserId) {
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.organizationId, ctx.orgId), eq(memberships.userId, input.ownerUserId)))
      .limit(1);
    if (!member) throw invalid("ownerUserId", "The owner must be a member of this organization.");
  }
}

export async function listMaps(db: Queryable, ctx: OrgContext) {
  return withOrg(db, ctx.orgId, async (tx) => {
    // Each map's newest event: one step down the (organization, map, id desc) index per map.
    // History is never pruned, so a max(created_at) over all the organization's events grew
    // with it (ids are uuid v7, so the newest id is the latest change).
    const lastEvent = tx
      .select({ createdAt: mapEvents.createdAt })
      .from(mapEvents)
      .where(and(eq(mapEvents.organizationId, journeyMaps.organizationId), eq(mapEvents.mapId, journeyMaps.id)))
      .orderBy(desc(mapEvents.id))
      .limit(1)
      .as("last_event");
    const rows = await tx
      .select({
        id: journeyMaps.id,
        name: journeyMaps.name,
        description: journeyMaps.description,
        status: journeyMaps.status,
        personaName: personas.name,
        ownerName: users.name,
        createdAt: journeyMaps.createdAt,
        lastEventAt: lastEvent.createdAt,
      })
      .from(journeyMaps)
      .leftJoin(personas, and(eq(personas.organizationId, journeyMaps.organizationId), eq(personas.id, journeyMaps.personaId)))
      .leftJoin(users, eq(users.id, journeyMaps.ownerUserId))
      .leftJoinLateral(lastEvent, sql`true`)
      .where(eq(journeyMaps.organizationId, ctx.orgId))
      .orderBy(asc(journeyMaps.name));
    const countsBy = async <T extends typeof stages | typeof touchpoints | typeof obstacles>(table: T, where = sql`true`) =>
      new Map(
        (
          await tx
            .select({ mapId: table.mapId, n: count() })
            .from(table as typeof stages)
            .where(and(eq(table.organizationId, ctx.orgId), where))
            .groupBy(table.mapId)
        ).map((r) => [r.mapId, r.n]),
      );
    const stageCounts = await countsBy(stages);
    const touchpointCounts = await countsBy(touchpoints);
    const obstacleCounts = await countsBy(obstacles, sql`${obstacles.kind} = 'obstacle'`);
    return rows.map(({ lastEventAt, ...map }) => ({
      ...map,
      stageCount: stageCounts.get(map.id) ?? 0,
      touchpointCount: touchpointCounts.get(map.id) ?? 0,
      obstacleCount: obstacleCounts.get(map.id) ?? 0,
      lastChangedAt: lastEventAt ?? map.createdAt,
    }));
  });
}

/** Everything the canvas draws, in order. Runs in the caller's transaction. */
export async function readCanvas(tx: Tx, orgId: string, mapId: string) {
  const map = await loadMap(tx, { orgId }, mapId);
  const persona = map.personaId ? await findInOrg(tx, personas, { orgId, id: map.personaId }) : undefined;
  const [owner] = map.ownerUserId ? await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, map.ownerUserId)).limit(1) : [];
  const stageRows = await tx
    .select({ id: stages.id, name: stages.name, description: stages.description, position: stages.position, version: stages.version })
    .from(stages)
    .where(and(eq(stages.organizationId, orgId), eq(stages.mapId, mapId)))
    .orderBy(asc(stages.position));
  const touchpointRows = await tx
    .select({
      id: touchpoints.id,
      stageId: touchpoints.stageId,
      position: touchpoints.position,
      key: touchpoints.key,
      name: touchpoints.name,
      channel: touchpoints.channel,
      description: touchpoints.description,
      teamId: touchpoints.teamId,
      teamName: teams.name,
      customerAction: touchpoints.customerAction,
      expectedEmotion: touchpoints.expectedEmotion,
      notes: touchpoints.notes,
      version: touchpoints.version,
    })
    .from(touchpoints)
    .leftJoin(teams, and(eq(teams.organizationId, touchpoints.organizationId), eq(teams.id, touchpoints.teamId)))
    .where(and(eq(touchpoints.organizationId, orgId), eq(touchpoints.mapId, mapId)))
    .orderBy(asc(touchpoints.position));
  const obstacleRows = await tx
    .select({
      id: obstacles.id,
      touchpointId: obstacles.touchpointId,
      kind: obstacles.kind,
      title: obstacles.title,
      description: obstacles.description,
      severity: obstacles.severity,
      version: obstacles.version,
    })
    .from(obstacles)
    .where(and(eq(obstacles.organizationId, orgId), eq(obstacles.mapId, mapId)))
    .orderBy(asc(obstacles.createdAt), asc(obstacles.id));
  return {
    map: {
      id: map.id,
      name: map.name,
      description: map.description,
      status: map.status,
      version: map.version,
      personaId: map.personaId,
      ownerUserId: map.ownerUserId,
      ownerName: owner?.name ?? null,
      createdAt: map.createdAt,
    },
    persona: persona
      ? {
          id: persona.id,
          name: persona.name,
          description: persona.description,
          demographics: persona.demographics,
          goals: persona.goals,
          pains: persona.pains,
          preferredChannels: persona.preferredChannels,
        }
      : null,
    stages: stageRows,
    touchpoints: touchpointRows,
    obstacles: obstacleRows,
  };
}

export type Canvas = Awaited<ReturnType<typeof readCanvas>>;

/** The canvas plus, for members, how many comments each object has and where the findings board meets the map. */
export async function getCanvas(db: Queryable, ctx: OrgContext, input: { mapId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const canvas = await readCanvas(tx, ctx.orgId, input.mapId);
    const commentCounts = await tx
      .select({ touchpointId: comments.touchpointId, obstacleId: comments.obstacleId, n: count() })
      .from(comments)
      .where(and(eq(comments.organizationId, ctx.orgId), eq(comments.mapId, input.mapId)))
      .groupBy(comments.touchpointId, comments.obstacleId);
    return {
      ...canvas,
      commentCounts: commentCounts.map((c) => ({ targetId: c.obstacleId ?? c.touchpointId ?? input.mapId, count: c.n })),
      findings: can(ctx.role, "finding.read") ? await findingsOnMap(tx, ctx, input.mapId) : { openByTouchpoint: [], ofObstacles: [] },
      revision: await latestRevision(tx, ctx.orgId, input.mapId),
    };
  });
}

/**
 * The id of the map's newest history event: it changes whenever anyone changes the map, so
 * open canvases poll it to pick up others' edits (uuid v7 ids are time-ordered).
 */
async function latestRevision(tx: Tx, orgId: string, mapId: string): Promise<string | null> {
  const [lastEvent] = await tx
    .select({ id: mapEvents.id })
    .from(mapEvents)
    .where(and(eq(mapEvents.organizationId, orgId), eq(mapEvents.mapId, mapId)))
    .orderBy(desc(mapEvents.id))
    .limit(1);
  return lastEvent?.id ?? null;
}

/** The latest change to a map, for cheap polling. */
export async function getRevision(db: Queryable, ctx: OrgContext, input: { mapId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    await loadMap(tx, ctx, input.mapId);
    return { revision: await latestRevision(tx, ctx.orgId, input.mapId) };
  });
}

export async function createMap(
  db: Db,
  ctx: OrgContext,
  input: { name: string; description: string; personaId: string | null; template: StageTemplate },
) {
  return withOrg(db, ctx.orgId, async (tx) => {
    await checkReferences(tx, ctx, input);
    const [map] = await tx
      .insert(journeyMaps)
      .values({ organizationId: ctx.orgId, name: input.name, description: input.description, personaId: input.personaId, ownerUserId: ctx.userId })
      .returning();
    const template = STAGE_TEMPLATES[input.template].stages;
    const positions = spreadKeys(template.length);
    if (template.length > 0) {
      await tx.insert(stages).values(template.map((stage, i) => ({ organizationId: ctx.orgId, mapId: map!.id, ...stage, position: positions[i]! })));
    }
    await recordMapEvent(tx, ctx, map!.id, "map.created", { name: map!.name, template: input.template });
    await recordAudit(tx, ctx, { action: "journey_map.created", targetType: "journey_map", targetId: map!.id, data: { name: map!.name } });
    return { id: map!.id, name: map!.name };
  });
}

export async function updateMap(
  db: Db,
  ctx: OrgContext,
  input: { mapId: string; version: number; name: string; description: string; personaId: string | null; status: MapStatus; ownerUserId: string | null },
) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const before = await loadMap(tx, ctx, input.mapId);
    await checkReferences(tx, ctx, input);
    const [map] = await tx
      .update(journeyMaps)
      .set({
        name: input.name,
        description: input.description,
        personaId: input.personaId,
        status: input.status,
        ownerUserId: input.ownerUserId,
        version: sql`${journeyMaps.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(inOrg(journeyMaps, { orgId: ctx.orgId, id: input.mapId }), eq(journeyMaps.version, input.version)))
      .returning();
    if (!map) throw staleVersion("Journey map");
    const changed = (["name", "description", "personaId", "status", "ownerUserId"] as const).filter((field) => before[field] !== map[field]);
    await recordMapEvent(tx, ctx, map.id, "map.updated", { name: map.name, changed, ...(changed.includes("status") ? { status: map.status } : {}) });
    return { id: map.id, version: map.version };
  });
}

export async function deleteMap(db: Db, ctx: OrgContext, input: { mapId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const map = await loadMap(tx, ctx, input.mapId);
    await tx.delete(journeyMaps).where(inOrg(journeyMaps, { orgId: ctx.orgId, id: map.id }));
    await recordAudit(tx, ctx, { action: "journey_map.deleted", targetType: "journey_map", targetId: map.id, data: { name: map.name } });
    return { id: map.id };
  });
}
