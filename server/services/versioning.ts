// Optimistic concurrency for shared objects: an update names the version it read and
// matches only that version. Services load the object first (NOT_FOUND if it is gone),
// so an update that then matches no row lost a race to someone else's edit.
import { conflict } from "./errors";

export const staleVersion = (what: string) =>
  conflict(`This ${what.toLowerCase()} was changed by someone else while you were editing. Reload to take in their changes, then save again.`);
