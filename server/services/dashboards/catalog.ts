// The touchpoints a dashboard lists, with their stage and map, in canvas order (map name,
// stage position, touchpoint position), restricted by the view's structural filters.
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { journeyMaps, stages, touchpoints } from "@/db/schema";
import type { DashboardFilters } from "../../schemas/dashboard";

export interface TouchpointRef {
  id: string;
  key: string;
  name: string;
  channel: string;
  /** The designed emotion on the canvas, −2 … +2, or null. */
  expectedEmotion: number | null;
  stage: { id: string; name: string; position: string };
  map: { id: string; name: string };
}

type CatalogFilters = Pick<DashboardFilters, "mapId" | "stageId" | "channel"> & { touchpointId?: string };

export async function touchpointCatalog(tx: Tx, orgId: string, f: CatalogFilters): Promise<TouchpointRef[]> {
  const conditions: (SQL | undefined)[] = [
    eq(touchpoints.organizationId, orgId),
    f.touchpointId ? eq(touchpoints.id, f.touchpointId) : undefined,
    f.mapId ? eq(touchpoints.mapId, f.mapId) : undefined,
    f.stageId ? eq(touchpoints.stageId, f.stageId) : undefined,
    f.channel ? eq(touchpoints.channel, f.channel) : undefined,
  ];
  const rows = await tx
    .select({
      id: touchpoints.id,
      key: touchpoints.key,
      name: touchpoints.name,
      channel: touchpoints.channel,
      expectedEmotion: touchpoints.expectedEmotion,
      stageId: stages.id,
      stageName: stages.name,
      stagePosition: stages.position,
      mapId: journeyMaps.id,
      mapName: journeyMaps.name,
    })
    .from(touchpoints)
    .innerJoin(stages, and(eq(stages.organizationId, touchpoints.organizationId), eq(stages.id, touchpoints.stageId)))
    .innerJoin(journeyMaps, and(eq(journeyMaps.organizationId, touchpoints.organizationId), eq(journeyMaps.id, touchpoints.mapId)))
    .where(and(...conditions))
    .orderBy(asc(journeyMaps.name), asc(journeyMaps.id), asc(stages.position), asc(touchpoints.position));
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    channel: r.channel,
    expectedEmotion: r.expectedEmotion,
    stage: { id: r.stageId, name: r.stageName, position: r.stagePosition },
    map: { id: r.mapId, name: r.mapName },
  }));
}
