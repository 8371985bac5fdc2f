// The organization's touchpoints as the public API lists them: what a response's
// `touchpoint` may name (key, name or alias), with its stage, channel and map.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { journeyMaps, stages, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";

export async function listTouchpointCatalog(db: Db, ctx: { orgId: string }) {
  return withOrg(db, ctx.orgId, (tx) =>
    tx
      .select({
        id: touchpoints.id,
        key: touchpoints.key,
        name: touchpoints.name,
        aliases: touchpoints.aliases,
        channel: touchpoints.channel,
        stage: stages.name,
        map: journeyMaps.name,
        mapId: journeyMaps.id,
      })
      .from(touchpoints)
      .innerJoin(stages, and(eq(stages.organizationId, touchpoints.organizationId), eq(stages.id, touchpoints.stageId)))
      .innerJoin(journeyMaps, and(eq(journeyMaps.organizationId, touchpoints.organizationId), eq(journeyMaps.id, touchpoints.mapId)))
      .where(eq(touchpoints.organizationId, ctx.orgId))
      .orderBy(asc(journeyMaps.name), asc(stages.position), asc(touchpoints.position)),
  );
}
