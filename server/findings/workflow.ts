// The life of a finding: its statuses and which moves between them are allowed. Moving back
// is allowed (and recorded by the caller); Duplicate is reached only by merging into another
// finding, because a duplicate must name the finding that carries its evidence on.
import { FINDING_STATUS_LABELS, type FindingStatus } from "@/db/finding-constants";

/** Statuses a finding is still being worked in: its SLA clock runs and it counts as open. */
export const OPEN_STATUSES: readonly FindingStatus[] = ["new", "triaged", "in_progress"];

export function isOpen(status: FindingStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** What a move needs besides the new status. */
export type MoveRequirement = "none" | "reason" | "duplicate_of";

/**
 * Whether a finding may move from one status to another, and what the move needs: declining
 * (Won't fix) needs a reason; Duplicate needs the finding it duplicates. A finding closed as a
 * duplicate stays closed: reopening would split its evidence, which now lives elsewhere.
 */
export function moveRule(from: FindingStatus, to: FindingStatus): { allowed: true; needs: MoveRequirement } | { allowed: false; why: string } {
  if (from === to) return { allowed: false, why: `The finding is already ${FINDING_STATUS_LABELS[to]}.` };
  if (from === "duplicate") return { allowed: false, why: "A duplicate stays merged into the finding it duplicates." };
  if (to === "duplicate") return { allowed: true, needs: "duplicate_of" };
  if (to === "wont_fix") return { allowed: true, needs: "reason" };
  return { allowed: true, needs: "none" };
}
