// Placing an item among its ordered siblings with fractional keys: only the moved item's
// key changes. Two people dropping different items into the same gap at the same moment
// would compute the same key; the unique (parent, position) constraint refuses the second,
// which then gets a CONFLICT and reloads instead of silently scrambling the order.
import { keyBetween } from "@/lib/fractional-key";
import { PG_UNIQUE_VIOLATION, conflict, pgErrorCode } from "./errors";

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

/** Runs a write that sets a position, turning a lost race for the same gap into a CONFLICT. */
export async function placing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw conflict("Someone else just moved something into the same place. The map has been reloaded; try again.");
    throw error;
  }
}
