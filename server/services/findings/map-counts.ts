// What the journey map shows of the findings board: each touchpoint's open findings, and which
// obstacles already became a finding. Read with the canvas, for people of the organization only
// (a share link's view never calls this), and only the findings the reader may see.
import { and, asc, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { OPEN_STATUSES } from "@/server/findings/workflow";
import { findings, obstacles, touchpoints } from "@/db/schema";
import type { OrgContext } from "../context";
import { visibleFindings, visibleTeamIds } from "./access";

export interface MapFindings {
  /** Touchpoints with at least one open finding the reader may see. */
  openByTouchpoint: { touchpointId: string; open: number }[];
  /**
   * Obstacles that became a finding. findingId and number are null when the finding belongs to
   * a team whose findings the reader does not see: the obstacle says it is taken care of
   * without pointing at what they may not open.
   */
  ofObstacles: { obstacleId: string; findingId: string | null; number: number | null }[];
}

export async function findingsOnMap(tx: Tx, ctx: OrgContext, mapId: string): Promise<MapFindings> {
  const visible = visibleFindings(await visibleTeamIds(tx, ctx));
  // By the map's touchpoints and obstacles rather than the finding's own map id, so findings
  // of a deleted touchpoint or obstacle drop out (the findings keep their ids, not a foreign key).
  const mapTouchpoints = tx
    .select({ id: touchpoints.id })
    .from(touchpoints)
    .where(and(eq(touchpoints.organizationId, ctx.orgId), eq(touchpoints.mapId, mapId)));
  const mapObstacles = tx
    .select({ id: obstacles.id })
    .from(obstacles)
    .where(and(eq(obstacles.organizationId, ctx.orgId), eq(obstacles.mapId, mapId)));

  const open = await tx
    .select({ touchpointId: findings.touchpointId, open: count() })
    .from(findings)
    .where(and(eq(findings.organizationId, ctx.orgId), inArray(findings.touchpointId, mapTouchpoints), inArray(findings.status, OPEN_STATUSES), visible))
    .groupBy(findings.touchpointId);

  const linked = await tx
    .select({ obstacleId: findings.obstacleId, findingId: findings.id, number: findings.number, visible: sql<boolean>`(${visible ?? sql`true`})` })
    .from(findings)
    .where(and(eq(findings.organizationId, ctx.orgId), isNotNull(findings.obstacleId), inArray(findings.obstacleId, mapObstacles)))
    .orderBy(asc(findings.number));
  const ofObstacles = new Map<string, MapFindings["ofObstacles"][number]>();
  for (const row of linked) {
    // The first finding of an obstacle is its finding (findingOfObstacle picks the same one).
    if (ofObstacles.has(row.obstacleId!)) continue;
    ofObstacles.set(row.obstacleId!, { obstacleId: row.obstacleId!, findingId: row.visible ? row.findingId : null, number: row.visible ? row.number : null });
  }

  return {
    openByTouchpoint: open.map((row) => ({ touchpointId: row.touchpointId!, open: row.open })),
    ofObstacles: [...ofObstacles.values()],
  };
}
