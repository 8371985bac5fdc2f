// Obstacles (where customers get stuck) and opportunities (ideas to improve) on a touchpoint.
import { and, eq, sql } from "drizzle-orm";
import type { InsightKind, Severity } from "@/db/journey-constants";
import type { Db } from "@/db/client";
import { obstacles } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { OrgContext } from "./context";
import { inOrg, inOrgLoader } from "./load-in-org";
import { recordMapEvent } from "./map-history";
import { loadTouchpoint } from "./touchpoints";
import { staleVersion } from "./versioning";

interface ObstacleFields {
  kind: InsightKind;
  title: string;
  description: string;
  severity: Severity;
}

export const loadObstacle = inOrgLoader(obstacles, "Obstacle");

export async function createObstacle(db: Db, ctx: OrgContext, input: ObstacleFields & { touchpointId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const touchpoint = await loadTouchpoint(tx, ctx, input.touchpointId);
    const [obstacle] = await tx
      .insert(obstacles)
      .values({ organizationId: ctx.orgId, mapId: touchpoint.mapId, touchpointId: touchpoint.id, kind: input.kind, title: input.title, description: input.description, severity: input.severity })
      .returning();
    await recordMapEvent(tx, ctx, touchpoint.mapId, "obstacle.created", { kind: obstacle!.kind, title: obstacle!.title, touchpoint: touchpoint.name });
    return { id: obstacle!.id, version: obstacle!.version };
  });
}

export async function updateObstacle(db: Db, ctx: OrgContext, input: ObstacleFields & { obstacleId: string; version: number }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const before = await loadObstacle(tx, ctx, input.obstacleId);
    const [obstacle] = await tx
      .update(obstacles)
      .set({ kind: input.kind, title: input.title, description: input.description, severity: input.severity, version: sql`${obstacles.version} + 1`, updatedAt: new Date() })
      .where(and(inOrg(obstacles, { orgId: ctx.orgId, id: before.id }), eq(obstacles.version, input.version)))
      .returning();
    if (!obstacle) throw staleVersion(before.kind === "obstacle" ? "Obstacle" : "Opportunity");
    await recordMapEvent(tx, ctx, obstacle.mapId, "obstacle.updated", { kind: obstacle.kind, title: obstacle.title });
    return { id: obstacle.id, version: obstacle.version };
  });
}

export async function deleteObstacle(db: Db, ctx: OrgContext, input: { obstacleId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const obstacle = await loadObstacle(tx, ctx, input.obstacleId);
    await tx.delete(obstacles).where(inOrg(obstacles, { orgId: ctx.orgId, id: obstacle.id }));
    await recordMapEvent(tx, ctx, obstacle.mapId, "obstacle.deleted", { kind: obstacle.kind, title: obstacle.title });
    return { id: obstacle.id };
  });
}
