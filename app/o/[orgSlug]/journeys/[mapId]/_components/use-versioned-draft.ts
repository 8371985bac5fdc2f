"use client";
// A form's draft of a versioned object. It keeps the user's typing while the canvas
// refreshes underneath, and the version it read: saving after someone else's change gets a
// CONFLICT, shown until "Reload" swaps in the latest values and version.
import { useCallback, useState } from "react";
import { readError } from "@/lib/trpc-error";

export function useVersionedDraft<V>(initial: { values: V; version: number }) {
  const [values, setValues] = useState(initial.values);
  const [version, setVersion] = useState(initial.version);
  const [conflict, setConflict] = useState<string | null>(null);

  /** True when the error was a lost race (now shown); false for anything else. */
  const catchConflict = useCallback((error: unknown) => {
    const { code, message } = readError(error);
    if (code !== "CONFLICT") return false;
    setConflict(message);
    return true;
  }, []);

  const resetTo = useCallback((latest: { values: V; version: number }) => {
    setValues(latest.values);
    setVersion(latest.version);
    setConflict(null);
  }, []);

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => setValues((v) => ({ ...v, [field]: value })), []);

  return { values, set, version, conflict, catchConflict, resetTo };
}
