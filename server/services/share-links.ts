// Read-only share links: anyone with the link sees the map, without an account, until it is
// revoked. The link is an organization token (org-tokens.ts), like an invitation.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { mapShareLinks, users } from "@/db/schema";
import type { MapStatus } from "@/db/journey-constants";
import { withOrg } from "@/db/tenancy";
import { recordAudit } from "./audit";
import type { OrgContext } from "./context";
import { notFound } from "./errors";
import { loadMap, readCanvas, type Canvas } from "./journey-maps";
import { recordMapEvent } from "./map-history";
import { hashToken, newOrgToken, orgIdOfToken } from "./org-tokens";

export async function createShareLink(db: Db, ctx: OrgContext, input: { mapId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const map = await loadMap(tx, ctx, input.mapId);
    const { token, tokenHash } = newOrgToken(ctx.orgId);
    const [link] = await tx
      .insert(mapShareLinks)
      .values({ organizationId: ctx.orgId, mapId: map.id, tokenHash, createdByUserId: ctx.userId })
      .returning({ id: mapShareLinks.id, createdAt: mapShareLinks.createdAt });
    await recordMapEvent(tx, ctx, map.id, "share_link.created", {});
    await recordAudit(tx, ctx, { action: "journey_map.shared", targetType: "journey_map", targetId: map.id, data: { name: map.name } });
    return { id: link!.id, token, createdAt: link!.createdAt };
  });
}

/** Active links only; the token itself was shown once, at creation. */
export async function listShareLinks(db: Queryable, ctx: OrgContext, input: { mapId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    await loadMap(tx, ctx, input.mapId);
    return tx
      .select({ id: mapShareLinks.id, createdAt: mapShareLinks.createdAt, createdByName: users.name })
      .from(mapShareLinks)
      .leftJoin(users, eq(users.id, mapShareLinks.createdByUserId))
      .where(and(eq(mapShareLinks.organizationId, ctx.orgId), eq(mapShareLinks.mapId, input.mapId), isNull(mapShareLinks.revokedAt)))
      .orderBy(desc(mapShareLinks.createdAt));
  });
}

export async function revokeShareLink(db: Db, ctx: OrgContext, input: { shareLinkId: string }) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const [link] = await tx
      .update(mapShareLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(mapShareLinks.organizationId, ctx.orgId), eq(mapShareLinks.id, input.shareLinkId), isNull(mapShareLinks.revokedAt)))
      .returning({ id: mapShareLinks.id, mapId: mapShareLinks.mapId });
    if (!link) throw notFound("Share link");
    const map = await loadMap(tx, ctx, link.mapId);
    await recordMapEvent(tx, ctx, map.id, "share_link.revoked", {});
    await recordAudit(tx, ctx, { action: "journey_map.share_revoked", targetType: "journey_map", targetId: map.id, data: { name: map.name } });
    return { id: link.id };
  });
}

/**
 * What a stranger with the link sees, and nothing more: the map's content in board order,
 * without ids, versions, member names or the team's internal notes. Stages hold their
 * touchpoints and touchpoints their insights, so no id is needed to tie them together.
 */
export interface SharedMapView {
  map: { name: string; description: string; status: MapStatus };
  persona: Omit<NonNullable<Canvas["persona"]>, "id"> | null;
  stages: SharedStage[];
}
export interface SharedStage {
  name: string;
  description: string;
  touchpoints: SharedTouchpoint[];
}
export type SharedTouchpoint = Pick<
  Canvas["touchpoints"][number],
  "key" | "name" | "channel" | "description" | "teamName" | "customerAction" | "expectedEmotion"
> & { insights: SharedInsight[] };
export type SharedInsight = Pick<Canvas["obstacles"][number], "kind" | "title" | "description" | "severity">;

export function toSharedView(canvas: Canvas): SharedMapView {
  const { map, persona } = canvas;
  return {
    map: { name: map.name, description: map.description, status: map.status },
    persona: persona && {
      name: persona.name,
      description: persona.description,
      demographics: persona.demographics,
      goals: persona.goals,
      pains: persona.pains,
      preferredChannels: persona.preferredChannels,
    },
    stages: canvas.stages.map((stage) => ({
      name: stage.name,
      description: stage.description,
      touchpoints: canvas.touchpoints
        .filter((touchpoint) => touchpoint.stageId === stage.id)
        .map((touchpoint) => ({
          key: touchpoint.key,
          name: touchpoint.name,
          channel: touchpoint.channel,
          description: touchpoint.description,
          teamName: touchpoint.teamName,
          customerAction: touchpoint.customerAction,
          expectedEmotion: touchpoint.expectedEmotion,
          insights: canvas.obstacles
            .filter((insight) => insight.touchpointId === touchpoint.id)
            .map((insight) => ({ kind: insight.kind, title: insight.title, description: insight.description, severity: insight.severity })),
        })),
    })),
  };
}

/** The shared view behind a share link, or null for an unknown, malformed or revoked token. */
export async function getSharedMap(db: Queryable, token: string): Promise<SharedMapView | null> {
  const orgId = orgIdOfToken(token);
  if (!orgId) return null;
  return withOrg(db, orgId, async (tx) => {
    const [link] = await tx
      .select({ mapId: mapShareLinks.mapId })
      .from(mapShareLinks)
      .where(and(eq(mapShareLinks.organizationId, orgId), eq(mapShareLinks.tokenHash, hashToken(token)), isNull(mapShareLinks.revokedAt)))
      .limit(1);
    if (!link) return null;
    return toSharedView(await readCanvas(tx, orgId, link.mapId));
  });
}
