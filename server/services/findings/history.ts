// A finding's history: one row per change, with who made it. The finding page's history and
// the webhooks read these; every service that changes a finding writes here in the same
// transaction, so the history cannot miss a change that happened.
import type { Tx } from "@/db/client";
import { findingEvents } from "@/db/schema";
import type { Actor } from "../context";

export type FindingEventKind =
  | "created"
  | "routed"
  | "status"
  | "team"
  | "assignee"
  | "severity"
  | "due"
  | "labels"
  | "edited"
  | "snoozed"
  | "evidence"
  | "merged"
  /** A comment: { body, mentions: user ids notified }. */
  | "commented"
  /** Raised from a fired dashboard alert: { alertId, firedAt, … the figure it saw }. */
  | "from_alert";

export async function recordFindingEvent(tx: Tx, orgId: string, actor: Actor, findingId: string, kind: FindingEventKind, detail: Record<string, unknown> = {}) {
  await tx.insert(findingEvents).values({
    organizationId: orgId,
    findingId,
    kind,
    detail,
    actorKind: actor.kind,
    actorUserId: actor.kind === "user" ? actor.userId : null,
    actorApiKeyId: actor.kind === "api_key" ? actor.apiKeyId : null,
  });
}
