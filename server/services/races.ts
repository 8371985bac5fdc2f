// When a concurrent transaction wins a race — to a unique value, or to a lock — a service
// either tries again with a fresh read (when the intent still holds) or says CONFLICT
// plainly. Never an internal error.
import { PG_DEADLOCK_DETECTED, PG_SERIALIZATION_FAILURE, PG_UNIQUE_VIOLATION, conflict, pgConstraint, pgErrorCode } from "./errors";

/**
 * Runs `write` (a whole transaction, so a retry reads afresh) again when it breaks one of
 * the unique `constraints`, up to `attempts` times; then a CONFLICT saying `conflictMessage`.
 * Each loss means another transaction committed the value, which the next read sees, so a
 * few attempts outlast as many writers at once. Other errors pass through untouched.
 */
export async function retryOnUniqueViolation<T>(
  write: () => Promise<T>,
  options: { constraints: ReadonlySet<string>; attempts: number; conflictMessage: string },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const lost = pgErrorCode(error) === PG_UNIQUE_VIOLATION && options.constraints.has(pgConstraint(error) ?? "");
      if (!lost) throw error;
      if (attempt >= options.attempts) throw conflict(options.conflictMessage);
    }
  }
}

/**
 * Runs a write; if the database could not order it against a concurrent one (it chose this
 * transaction as a deadlock's victim, or a serialization failure), a CONFLICT saying `message`
 * instead of an internal error. Nothing was written: the transaction rolled back.
 */
export async function conflictOnRace<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = pgErrorCode(error);
    if (code === PG_DEADLOCK_DETECTED || code === PG_SERIALIZATION_FAILURE) throw conflict(message);
    throw error;
  }
}
