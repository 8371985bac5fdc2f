"use client";
// The drawer the map's History and Comments open in: fixed to the right under the app
// header, over the board (which stays usable), closed with its button or Escape.
import { useEffect, useEffectEvent, useId, useRef, type ReactNode, type Ref, type UIEventHandler } from "react";
import { XIcon } from "@/app/_components/icons";

interface SidePanelProps {
  title: string;
  onClose: () => void;
  /** Under the title: what the panel is showing (e.g. the comment target). */
  subheader?: ReactNode;
  /** Pinned to the bottom (e.g. the comment composer). */
  footer?: ReactNode;
  /** The scrolling body, for panels that keep it scrolled to the newest item. */
  bodyRef?: Ref<HTMLDivElement>;
  onBodyScroll?: UIEventHandler<HTMLDivElement>;
  children: ReactNode;
}

export function SidePanel({ title, onClose, subheader, footer, bodyRef, onBodyScroll, children }: SidePanelProps) {
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);
  const close = useEffectEvent(() => onClose());

  useEffect(() => {
    // Focus moves into the panel when it opens, so keyboard users land where it is.
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      // Escape in a modal (a confirmation, the share dialog) closes that modal, not the panel.
      if (event.target instanceof Element && event.target.closest("dialog[open]")) return;
      close();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <section
      ref={panel}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      className="fixed top-14 right-0 bottom-0 z-30 flex w-[400px] max-w-full flex-col border-l border-slate-200 bg-white shadow-xl outline-none print:hidden"
    >
      <header className="flex h-12 shrink-0 items-center justify-between gap-3 border-b border-slate-200 px-4">
        <h2 id={titleId} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label={`Close ${title.toLowerCase()}`}
          className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <XIcon />
        </button>
      </header>
      {subheader && <div className="shrink-0 border-b border-slate-200 bg-slate-50 px-4 py-2.5">{subheader}</div>}
      <div ref={bodyRef} onScroll={onBodyScroll} className="min-h-0 flex-1 overflow-y-auto">
        {children}
      </div>
      {footer && <div className="shrink-0 border-t border-slate-200 bg-white px-4 py-3">{footer}</div>}
    </section>
  );
}
