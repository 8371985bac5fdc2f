"use client";
// A form's draft of a versioned object. It keeps the user's typing while the canvas
// refreshes underneath, and the version it read: saving after someone else's change gets a
// CONFLICT, shown until "Reload" takes in the latest version. Reloading never throws the
// user's work away: fields they changed keep their value, the others take the latest one.
import { useCallback, useState } from "react";
import { readError } from "@/lib/trpc-error";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useVersionedDraft<V extends object>(initial: { values: V; version: number }) {
  const [values, setValues] = useState(initial.values);
  /** The values as read at `version`: what the user's edits are measured against. */
  const [base, setBase] = useState(initial.values);
  const [version, setVersion] = useState(initial.version);
  const [conflict, setConflict] = useState<string | null>(null);

  /** True when the error was a lost race (now shown); false for anything else. */
  const catchConflict = useCallback((error: unknown) => {
    const { code, message } = readError(error);
    if (code !== "CONFLICT") return false;
    setConflict(message);
    return true;
  }, []);

  const resetTo = useCallback(
    (latest: { values: V; version: number }) => {
      setValues((mine) => {
        const merged = { ...latest.values };
        for (const field of Object.keys(latest.values) as (keyof V)[]) {
          if (!same(mine[field], base[field])) merged[field] = mine[field];
        }
        return merged;
      });
      setBase(latest.values);
      setVersion(latest.version);
      setConflict(null);
    },
    [base],
  );

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => setValues((v) => ({ ...v, [field]: value })), []);

  return { values, set, version, conflict, catchConflict, resetTo };
}
