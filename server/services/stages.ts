// The stages of a journey map: ordered columns on the canvas.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { stages, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { OrgContext } from "./context";
import { inOrg, inOrgLoader } from "./load-in-org";
import { loadMap } from "./journey-maps";
import { recordMapEvent } from "./map-history";
import { keyAfter, keyAtEnd, placing } from "./ordering";
import { staleVersion } from "./versioning";

export const loadStage = inOrgLoader(stages, "Stage");

const siblingsOf = (tx: Tx, orgId: string, mapId: string, exceptId?: string) =>
  tx
    .select({ id: stages.id, position: stages.position })
    .from(stages)
    .where(and(eq(stages.organizationId, orgId), eq(stages.mapId, mapId), exceptId ? ne(stages.id, exceptId) : undefined))
    .orderBy(asc(stages.position));

/** A new stage goes after `afterStageId` (null: first; left out: at the end of the journey). */
export async function createStage(db: Db, ctx: OrgContext, input: { mapId: string; name: string; description: string; afterStageId?: string | null }) {
  return placing(() =>
    withOrg(db, ctx.orgId, async (tx) => {
      const map = await loadMap(tx, ctx, input.mapId);
      const siblings = await siblingsOf(tx, ctx.orgId, map.id);
      const position = input.afterStageId === undefined ? keyAtEnd(siblings) : keyAfter(siblings, input.afterStageId);
      const [stage] = await tx
        .insert(stages)
        .values({ organizationId: ctx.orgId, mapId: map.id, name: input.name, description: input.description, position })
        .returning();
      await recordMapEvent(tx, ctx, map.id, "stage.created", { name: stage!.name });
      return { id: stage!.id, version: stage!.version, position: stage!.position };
    }),
  );
}

export async function updateStage(db: Db, ctx: OrgContext, input: { stageId: string; version: number; name: string; description: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const before = await loadStage(tx, ctx, input.stageId);
    const [stage] = await tx
      .update(stages)
      .set({ name: input.name, description: input.description, version: sql`${stages.version} + 1`, updatedAt: new Date() })
      .where(and(inOrg(stages, { orgId: ctx.orgId, id: input.stageId }), eq(stages.version, input.version)))
      .returning();
    if (!stage) throw staleVersion("Stage");
    await recordMapEvent(tx, ctx, stage.mapId, "stage.updated", { name: stage.name, ...(before.name !== stage.name ? { previousName: before.name } : {}) });
    return { id: stage.id, version: stage.version };
  });
}

/** Moves a stage after another (null: first). Writes the one stage's position. */
export async function moveStage(db: Db, ctx: OrgContext, input: { stageId: string; afterStageId: string | null }) {
  return placing(() =>
    withOrg(db, ctx.orgId, async (tx) => {
      const stage = await loadStage(tx, ctx, input.stageId);
      const position = keyAfter(await siblingsOf(tx, ctx.orgId, stage.mapId, stage.id), input.afterStageId);
      await tx.update(stages).set({ position, updatedAt: new Date() }).where(inOrg(stages, { orgId: ctx.orgId, id: stage.id }));
      await recordMapEvent(tx, ctx, stage.mapId, "stage.moved", { name: stage.name });
      return { id: stage.id, position };
    }),
  );
}

/** Deletes the stage with its touchpoints (the UI says so before asking). */
export async function deleteStage(db: Db, ctx: OrgContext, input: { stageId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const stage = await loadStage(tx, ctx, input.stageId);
    const removed = await tx
      .select({ id: touchpoints.id })
      .from(touchpoints)
      .where(and(eq(touchpoints.organizationId, ctx.orgId), eq(touchpoints.stageId, stage.id)));
    await tx.delete(stages).where(inOrg(stages, { orgId: ctx.orgId, id: stage.id }));
    await recordMapEvent(tx, ctx, stage.mapId, "stage.deleted", { name: stage.name, touchpoints: removed.length });
    return { id: stage.id };
  });
}
