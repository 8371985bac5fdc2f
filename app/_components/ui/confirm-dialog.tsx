"use client";
// A trigger button that asks for confirmation in a modal before a destructive action.
import { useRef, type ReactNode } from "react";
import { Button } from "./button";

interface ConfirmButtonProps {
  /** The trigger's content and accessible name. */
  children: ReactNode;
  triggerLabel?: string;
  triggerVariant?: "secondary" | "ghost" | "danger";
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  disabled?: boolean;
  onConfirm: () => void;
}

export function ConfirmButton({ children, triggerLabel, triggerVariant = "ghost", title, description, confirmLabel, pending, disabled, onConfirm }: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  return (
    <>
      <Button variant={triggerVariant} size="sm" aria-label={triggerLabel} disabled={disabled || pending} onClick={() => dialog.current?.showModal()}>
        {children}
      </Button>
      <dialog
        ref={dialog}
        aria-label={title}
        className="m-auto w-full max-w-md rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
        // A click on the backdrop (the dialog element itself) closes it.
        onClick={(event) => event.target === dialog.current && close()}
      >
        <div className="px-6 pt-5 pb-4">
          <h2 className="text-base font-semibold text-slate-900">{title}</h2>
          <div className="mt-2 text-sm text-slate-600">{description}</div>
        </div>
        <div className="flex justify-end gap-2 rounded-b-lg bg-slate-50 px-6 py-3">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button
            variant="danger"
            pending={pending}
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
