// Touchpoints: where the customer meets the brand, ordered inside a stage. The key is how
// survey responses find their touchpoint, so it is unique in the organization.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Channel } from "@/db/journey-constants";
import type { Db, Tx } from "@/db/client";
import { teams, touchpoints } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import { kebabCase } from "@/lib/slug";
import type { OrgContext } from "./context";
import { PG_UNIQUE_VIOLATION, invalid, pgConstraint, pgErrorCode } from "./errors";
import { findInOrg, inOrg, inOrgLoader } from "./load-in-org";
import { recordMapEvent } from "./map-history";
import { keyAfter, keyAtEnd, placing } from "./ordering";
import { loadStage } from "./stages";
import { staleVersion } from "./versioning";

export interface TouchpointFields {
  name: string;
  channel: Channel;
  description: string;
  teamId: string | null;
  customerAction: string;
  expectedEmotion: number | null;
  notes: string;
}

export const loadTouchpoint = inOrgLoader(touchpoints, "Touchpoint");

const siblingsOf = (tx: Tx, orgId: string, stageId: string, exceptId?: string) =>
  tx
    .select({ id: touchpoints.id, position: touchpoints.position })
    .from(touchpoints)
    .where(and(eq(touchpoints.organizationId, orgId), eq(touchpoints.stageId, stageId), exceptId ? ne(touchpoints.id, exceptId) : undefined))
    .orderBy(asc(touchpoints.position));

async function checkTeam(tx: Tx, orgId: string, teamId: string | null) {
  if (!teamId) return;
  if (!(await findInOrg(tx, teams, { orgId, id: teamId }))) throw invalid("teamId", "That team no longer exists.");
}

const keyTaken = () => invalid("key", "Another touchpoint in this organization already uses this key.");

async function checkKeyFree(tx: Tx, orgId: string, key: string, exceptId?: string) {
  const [other] = await tx
    .select({ id: touchpoints.id })
    .from(touchpoints)
    .where(and(eq(touchpoints.organizationId, orgId), sql`lower(${touchpoints.key}) = lower(${key})`, exceptId ? ne(touchpoints.id, exceptId) : undefined))
    .limit(1);
  if (other) throw keyTaken();
}

/** "Set-up instructions" → "set-up-instructions", or "-2", "-3"… when taken. */
async function freeKey(tx: Tx, orgId: string, name: string): Promise<string> {
  const base = kebabCase(name, 50) || "touchpoint";
  const taken = new Set(
    (
      await tx
        .select({ key: sql<string>`lower(${touchpoints.key})` })
        .from(touchpoints)
        .where(and(eq(touchpoints.organizationId, orgId), sql`lower(${touchpoints.key}) like ${`${base}%`}`))
    ).map((r) => r.key),
  );
  const padded = base.length >= 2 ? base : `${base}-tp`;
  if (!taken.has(padded)) return padded;
  for (let n = 2; ; n++) if (!taken.has(`${padded}-${n}`)) return `${padded}-${n}`;
}

/** A key race lost between the check and the write is still a clear field error. */
async function keyed<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await placing(write);
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION && pgConstraint(error) === "touchpoints_org_key_key") throw keyTaken();
    throw error;
  }
}

export async function createTouchpoint(db: Db, ctx: OrgContext, input: TouchpointFields & { stageId: string; key?: string }) {
  return keyed(() =>
    withOrg(db, ctx.orgId, async (tx) => {
      const stage = await loadStage(tx, ctx, input.stageId);
      await checkTeam(tx, ctx.orgId, input.teamId);
      const key = input.key ?? (await freeKey(tx, ctx.orgId, input.name));
      if (input.key) await checkKeyFree(tx, ctx.orgId, key);
      const position = keyAtEnd(await siblingsOf(tx, ctx.orgId, stage.id));
      const { stageId: _stageId, key: _key, ...fields } = input;
      const [touchpoint] = await tx
        .insert(touchpoints)
        .values({ organizationId: ctx.orgId, mapId: stage.mapId, stageId: stage.id, position, key, ...fields })
        .returning();
      await recordMapEvent(tx, ctx, stage.mapId, "touchpoint.created", { name: touchpoint!.name, stage: stage.name });
      return { id: touchpoint!.id, key: touchpoint!.key, version: touchpoint!.version };
    }),
  );
}

export async function updateTouchpoint(db: Db, ctx: OrgContext, input: TouchpointFields & { touchpointId: string; version: number; key: string }) {
  return keyed(() =>
    withOrg(db, ctx.orgId, async (tx) => {
      const before = await loadTouchpoint(tx, ctx, input.touchpointId);
      await checkTeam(tx, ctx.orgId, input.teamId);
      await checkKeyFree(tx, ctx.orgId, input.key, before.id);
      const { touchpointId: _id, version, ...fields } = input;
      const [touchpoint] = await tx
        .update(touchpoints)
        .set({ ...fields, version: sql`${touchpoints.version} + 1`, updatedAt: new Date() })
        .where(and(inOrg(touchpoints, { orgId: ctx.orgId, id: before.id }), eq(touchpoints.version, version)))
        .returning();
      if (!touchpoint) throw staleVersion("Touchpoint");
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((field) => before[field] !== touchpoint[field]);
      await recordMapEvent(tx, ctx, touchpoint.mapId, "touchpoint.updated", {
        name: touchpoint.name,
        changed,
        ...(before.name !== touchpoint.name ? { previousName: before.name } : {}),
      });
      return { id: touchpoint.id, version: touchpoint.version };
    }),
  );
}

/**
 * Moves a touchpoint after another in a stage of the same map (null: first), writing only
 * its own row. A move is not an edit of its content, so it does not bump the version:
 * someone editing the card's text while another drags it should not get a conflict.
 */
export async function moveTouchpoint(db: Db, ctx: OrgContext, input: { touchpointId: string; stageId: string; afterTouchpointId: string | null }) {
  return placing(() =>
    withOrg(db, ctx.orgId, async (tx) => {
      const touchpoint = await loadTouchpoint(tx, ctx, input.touchpointId);
      const stage = await loadStage(tx, ctx, input.stageId);
      if (stage.mapId !== touchpoint.mapId) throw invalid("stageId", "A touchpoint can only move to a stage of its own map.");
      const position = keyAfter(await siblingsOf(tx, ctx.orgId, stage.id, touchpoint.id), input.afterTouchpointId);
      await tx
        .update(touchpoints)
        .set({ stageId: stage.id, position, updatedAt: new Date() })
        .where(inOrg(touchpoints, { orgId: ctx.orgId, id: touchpoint.id }));
      await recordMapEvent(tx, ctx, touchpoint.mapId, "touchpoint.moved", {
        name: touchpoint.name,
        stage: stage.name,
        ...(stage.id !== touchpoint.stageId ? { fromStage: (await loadStage(tx, ctx, touchpoint.stageId)).name } : {}),
      });
      return { id: touchpoint.id, stageId: stage.id, position };
    }),
  );
}

export async function deleteTouchpoint(db: Db, ctx: OrgContext, input: { touchpointId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const touchpoint = await loadTouchpoint(tx, ctx, input.touchpointId);
    await tx.delete(touchpoints).where(inOrg(touchpoints, { orgId: ctx.orgId, id: touchpoint.id }));
    await recordMapEvent(tx, ctx, touchpoint.mapId, "touchpoint.deleted", { name: touchpoint.name });
    return { id: touchpoint.id };
  });
}
