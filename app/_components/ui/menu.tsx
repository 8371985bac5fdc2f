"use client";
// A small dropdown menu (org switcher, user menu): opens on click, closes on Escape, on a
// click outside and after choosing an item.
import { useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { useDismiss } from "../use-dismiss";

interface MenuProps {
  /** Content of the trigger button. */
  trigger: ReactNode;
  triggerLabel: string;
  triggerClassName?: string;
  align?: "left" | "right";
  children: ReactNode;
  className?: string;
}

export function Menu({ trigger, triggerLabel, triggerClassName, align = "left", className, children }: MenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useDismiss(open, root, () => setOpen(false), { escape: true });

  return (
    <div ref={root} className="relative">
      <button type="button" aria-label={triggerLabel} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((v) => !v)} className={triggerClassName}>
        {trigger}
      </button>
      {open && (
        <div
          role="menu"
          aria-label={triggerLabel}
          // A link closes the menu once used. Buttons do not: unmounting a submit button during its
          // click would cancel its form submission (sign out), and they navigate away anyway.
          onClick={(event) => (event.target as HTMLElement).closest("a") && setOpen(false)}
          className={cn(
            "absolute top-full z-40 mt-2 min-w-60 rounded-lg bg-white py-1.5 shadow-lg ring-1 ring-slate-200",
            align === "right" ? "right-0" : "left-0",
            className,
          )}
        >
          {children}
        </div>
      )}
    </div>
  );
}

export const menuItemClasses =
  "flex w-full items-center gap-2.5 px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-50 hover:text-slate-900 focus-visible:bg-slate-50 focus-visible:outline-none";

export function MenuSection({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <div className="border-slate-100 py-1 not-first:border-t">
      {label && <p className="px-3 pt-1 pb-1.5 text-xs font-medium text-slate-500">{label}</p>}
      {children}
    </div>
  );
}
