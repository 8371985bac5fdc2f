// What the dashboards' filter bar chooses from: the segment keys and values seen in the
// rollup, the maps with their stages, the surveys, and the touchpoint channels in use.
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { journeyMaps, stages, surveys, touchpointDailyStats, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";

/** Most values listed per segment key (in name order). */
export const SEGMENT_VALUES_LISTED = 100;

export interface DashboardOptions {
  segments: { key: string; values: string[] }[];
  maps: { id: string; name: string; stages: { id: string; name: string }[] }[];
  surveys: { id: string; name: string }[];
  channels: string[];
}

export async function dashboardOptions(db: Db, ctx: { orgId: string }): Promise<DashboardOptions> {
  return withOrg(db, ctx.orgId, async (tx) => {
    const s = touchpointDailyStats;
    const segmentRows = await tx
      .select({ key: s.segmentKey, value: s.segmentValue })
      .from(s)
      .where(and(eq(s.organizationId, ctx.orgId), ne(s.segmentKey, "")))
      .groupBy(s.segmentKey, s.segmentValue)
      .orderBy(asc(s.segmentKey), asc(s.segmentValue));
    const stageRows = await tx
      .select({ mapId: journeyMaps.id, mapName: journeyMaps.name, stageId: stages.id, stageName: stages.name })
      .from(journeyMaps)
      .leftJoin(stages, and(eq(stages.organizationId, journeyMaps.organizationId), eq(stages.mapId, journeyMaps.id)))
      .where(eq(journeyMaps.organizationId, ctx.orgId))
      .orderBy(asc(journeyMaps.name), asc(journeyMaps.id), asc(stages.position));
    const surveyRows = await tx.select({ id: surveys.id, name: surveys.name }).from(surveys).where(eq(surveys.organizationId, ctx.orgId)).orderBy(asc(surveys.name));
    const channelRows = await tx.selectDistinct({ channel: touchpoints.channel }).from(touchpoints).where(eq(touchpoints.organizationId, ctx.orgId)).orderBy(asc(touchpoints.channel));

    const segments = new Map<string, string[]>();
    for (const row of segmentRows) {
      const values = segments.get(row.key) ?? [];
      if (values.length < SEGMENT_VALUES_LISTED) values.push(row.value);
      segments.set(row.key, values);
    }
    const maps = new Map<string, DashboardOptions["maps"][number]>();
    for (const row of stageRows) {
      const map = maps.get(row.mapId) ?? { id: row.mapId, name: row.mapName, stages: [] };
      if (row.stageId && row.stageName !== null) map.stages.push({ id: row.stageId, name: row.stageName });
      maps.set(row.mapId, map);
    }
    return {
      segments: [...segments].map(([key, values]) => ({ key, values })),
      maps: [...maps.values()],
      surveys: surveyRows,
      channels: channelRows.map((r) => r.channel),
    };
  });
}
