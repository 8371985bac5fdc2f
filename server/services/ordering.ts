// Placing an item among its ordered siblings with fractional keys: only the moved item's
// key changes. Two people dropping different items into the same gap at the same moment
// would compute the same key; the unique (parent, position) constraint refuses the second,
// which retries against the new neighbours instead of silently scrambling the order.
import { keyBetween } from "@/lib/fractional-key";
import { conflict } from "./errors";
import { retryOnUniqueViolation } from "./races";

interface Ordered {
  id: string;
  position: string;
}

/** The key that puts an item right after `afterId` (null: first) among `siblings`, which are in order and exclude the item itself. */
export function keyAfter(siblings: readonly Ordered[], afterId: string | null): string {
  if (afterId === null) return keyBetween(null, siblings[0]?.position ?? null);
  const index = siblings.findIndex((s) => s.id === afterId);
  if (index === -1) throw conflict("The item you dropped it next to was just moved or deleted by someone else. The map has been reloaded; try again.");
  return keyBetween(siblings[index]!.position, siblings[index + 1]?.position ?? null);
}

/** The key for a new item at the end. */
export function keyAtEnd(siblings: readonly Ordered[]): string {
  return keyBetween(siblings.at(-1)?.position ?? null, null);
}

const POSITION_CONSTRAINTS = new Set(["stages_org_map_position_key", "touchpoints_org_stage_position_key"]);

/**
 * Runs a write that sets a position. Losing the race for a gap is retried with a fresh
 * read of the neighbours (the intent, "after X", still holds); only repeated losses end
 * in a CONFLICT. Other errors pass through untouched.
 */
export function placing<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
  return retryOnUniqueViolation(write, {
    constraints: POSITION_CONSTRAINTS,
    attempts,
    conflictMessage: "Someone else just moved something into the same place. The map has been reloaded; try again.",
  });
}
