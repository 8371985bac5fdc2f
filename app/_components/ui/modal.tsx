"use client";
// A modal dialog that shows as soon as it mounts: the parent decides what is open (state or a
// `?new` parameter) and takes it away in `onClose`, on Escape or the form's own buttons.
import { useEffect, useId, useRef, type ReactNode, type SyntheticEvent } from "react";
import { cn } from "@/lib/cn";

const WIDTHS = { sm: "max-w-md", md: "max-w-xl", lg: "max-w-2xl", xl: "max-w-5xl" } as const;

interface ModalProps {
  title: string;
  description?: ReactNode;
  /** sm for a confirmation, md for a few fields, lg for a form, xl for the touchpoint editor. */
  width: keyof typeof WIDTHS;
  onClose: () => void;
  children: ReactNode;
}

export function Modal({ title, description, width, onClose, children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  // React passes a nested dialog's cancel and close events up to this one (the DOM does not):
  // a confirmation inside the modal must close only itself.
  const own = (event: SyntheticEvent) => event.target === event.currentTarget;

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      // Escape: the parent closes it, rather than the browser hiding an element still mounted.
      onCancel={(event) => {
        if (!own(event)) return;
        event.preventDefault();
        onClose();
      }}
      // The browser may close it anyway (a repeated Escape); the parent must follow.
      onClose={(event) => own(event) && onClose()}
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

/** The padded content of a modal form. */
export function ModalBody({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("space-y-5 px-6 py-5", className)}>{children}</div>;
}

/** The button row; sticky, so long forms (the touchpoint editor) keep their buttons in view. */
export function ModalFooter({ children }: { children: ReactNode }) {
  return <div className="sticky bottom-0 z-10 flex items-center justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-6 py-3">{children}</div>;
}
