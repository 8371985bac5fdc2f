"use client";
// Closing an open popover (a menu, the persona card) when the pointer goes down outside it,
// and with `escape`, when Escape is pressed anywhere.
import { useEffect, useEffectEvent, type RefObject } from "react";

export function useDismiss(open: boolean, root: RefObject<HTMLElement | null>, onDismiss: () => void, { escape = false } = {}) {
  const dismiss = useEffectEvent(onDismiss);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => !root.current?.contains(event.target as Node) && dismiss();
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && dismiss();
    document.addEventListener("pointerdown", onPointer);
    if (escape) document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open, root, escape]);
}
