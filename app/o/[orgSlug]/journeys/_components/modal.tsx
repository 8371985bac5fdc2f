"use client";
// A modal opened by the page's URL (`?new`, `?import`): it shows as soon as it mounts, and
// Escape or Cancel leave through `onClose`, which takes the parameter away again.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/lib/cn";

interface ModalProps {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  /** md for a few fields, lg for forms with side-by-side choices. */
  size?: "md" | "lg";
  children: ReactNode;
}

export function Modal({ title, description, onClose, size = "md", children }: ModalProps) {
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
      // Escape: close through the URL rather than leaving the browser to hide the element.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // The browser may close it anyway (a repeated Escape); the URL must follow.
      onClose={onClose}
      className={cn(
        "m-auto max-h-[calc(100vh-2rem)] w-full rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40",
        size === "lg" ? "max-w-2xl" : "max-w-lg",
      )}
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

/** The padded content of a modal form. */
export function ModalBody({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("space-y-5 px-6 py-5", className)}>{children}</div>;
}

/** The button row at the bottom of a modal, as in the confirm dialog. */
export function ModalFooter({ children }: { children: ReactNode }) {
  return <div className="flex items-center justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-6 py-3">{children}</div>;
}
