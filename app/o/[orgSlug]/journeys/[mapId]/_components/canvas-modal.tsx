"use client";
// The canvas's modal: shown as soon as it mounts (the page decides what is open), closed with
// Escape or the form's own buttons through `onClose`. Wider variants hold the touchpoint editor.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/lib/cn";

const WIDTHS = { sm: "max-w-md", md: "max-w-xl", lg: "max-w-2xl", xl: "max-w-5xl" } as const;

interface CanvasModalProps {
  title: string;
  description?: ReactNode;
  width?: keyof typeof WIDTHS;
  onClose: () => void;
  children: ReactNode;
}

export function CanvasModal({ title, description, width = "md", onClose, children }: CanvasModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={cn("m-auto max-h-[calc(100vh-3rem)] w-full rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40", WIDTHS[width])}
    >
      <div className="border-b border-slate-200 px-6 pt-5 pb-4">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
      </div>
      {children}
    </dialog>
  );
}

export function ModalBody({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("space-y-5 px-6 py-5", className)}>{children}</div>;
}

/** Sticky, so long forms (the touchpoint editor) keep their buttons in view. */
export function ModalFooter({ children }: { children: ReactNode }) {
  return <div className="sticky bottom-0 z-10 flex items-center justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-6 py-3">{children}</div>;
}
