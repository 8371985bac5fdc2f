// What a finding webhook event carries: the finding's identity and state, ids rather than
// names (names change; receivers look them up through the REST API).
import type { findings } from "@/db/schema";

export function findingEventData(f: typeof findings.$inferSelect) {
  return {
    id: f.id,
    number: f.number,
    title: f.title,
    status: f.status,
    severity: f.severity,
    teamId: f.teamId,
    assigneeUserId: f.assigneeUserId,
    touchpointId: f.touchpointId,
    version: f.version,
    updatedAt: f.updatedAt.toISOString(),
  };
}
