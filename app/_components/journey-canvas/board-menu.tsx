"use client";
// The small action menu on cards and stage headers. Unlike the shell's menu it closes once an
// item is chosen (most items open a dialog or move the card) and moves focus with the arrows.
// It is positioned fixed under its button, so the board's scrolling viewport and its sticky
// row labels never clip it; it follows its button when the board or the page scrolls.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { useDismiss } from "@/app/_components/use-dismiss";

export interface BoardMenuItem {
  label: string;
  onSelect: () => void;
  icon?: ReactNode;
  danger?: boolean;
  disabled?: boolean;
}

interface BoardMenuProps {
  label: string;
  /** Groups of items, drawn with a rule between them; empty groups are skipped. */
  groups: (BoardMenuItem[] | { title: string; items: BoardMenuItem[] })[];
  trigger: ReactNode;
  triggerClassName?: string;
}

const MENU_WIDTH = 224;

/** Right-aligned under the button, kept inside the window. */
function placeUnder(button: HTMLElement) {
  const box = button.getBoundingClientRect();
  return { top: box.bottom + 4, anchorTop: box.top, left: Math.max(8, Math.min(box.right - MENU_WIDTH, window.innerWidth - MENU_WIDTH - 8)) };
}

export function BoardMenu({ label, groups, trigger, triggerClassName }: BoardMenuProps) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number; anchorTop: number } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>("[role=menuitem]:not(:disabled)")?.focus({ preventScroll: true });
    const follow = () => setPosition(placeUnder(button.current!));
    // Capture: the board's viewport scrolls, not only the window.
    document.addEventListener("scroll", follow, true);
    window.addEventListener("resize", follow);
    return () => {
      document.removeEventListener("scroll", follow, true);
      window.removeEventListener("resize", follow);
    };
  }, [open]);
  useDismiss(open, root, () => setOpen(false));

  // Near the bottom of the window the menu opens upwards instead.
  useLayoutEffect(() => {
    const height = list.current?.offsetHeight ?? 0;
    if (position && position.top + height > window.innerHeight - 8 && position.anchorTop - height - 4 > 8) {
      setPosition({ ...position, top: position.anchorTop - height - 4 });
    }
  }, [position]);

  const toggle = () => {
    if (open) return setOpen(false);
    setPosition(placeUnder(button.current!));
    setOpen(true);
  };

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      close(true);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const items = [...(list.current?.querySelectorAll<HTMLElement>("[role=menuitem]:not(:disabled)") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === "ArrowDown" ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next]?.focus();
  };

  const normalized = groups.map((g) => (Array.isArray(g) ? { title: undefined, items: g } : g)).filter((g) => g.items.length > 0);

  return (
    <div ref={root} data-board-control className="relative" onKeyDown={open ? onKeyDown : undefined}>
      <button
        ref={button}
        type="button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={toggle}
        // A drag must not start from the menu button.
        draggable={false}
        onDragStart={(event) => event.preventDefault()}
        className={cn(
          "flex size-7 items-center justify-center rounded-md text-slate-400 hover:bg-slate-900/5 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600",
          triggerClassName,
        )}
      >
        {trigger}
      </button>
      {open && position && (
        <div
          ref={list}
          role="menu"
          aria-label={label}
          style={{ top: position.top, left: position.left, width: MENU_WIDTH }}
          className="fixed z-40 max-h-[calc(100vh-5rem)] overflow-y-auto rounded-lg bg-white py-1 text-left shadow-lg ring-1 ring-slate-200"
        >
          {normalized.map((group, i) => (
            <div key={i} role="group" aria-label={group.title} className="border-slate-100 py-1 not-first:border-t">
              {group.title && <p className="px-3 pt-1 pb-1 text-[11px] font-medium tracking-wide text-slate-400 uppercase">{group.title}</p>}
              {group.items.map((item) => (
                <button
                  key={item.label}
                  type="button"
                  role="menuitem"
                  disabled={item.disabled}
                  onClick={() => {
                    close(false);
                    item.onSelect();
                  }}
                  className={cn(
                    "flex w-full items-center gap-2.5 px-3 py-1.5 text-left text-sm focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-40",
                    item.danger ? "text-red-700 hover:bg-red-50 focus-visible:bg-red-50" : "text-slate-700 hover:bg-slate-50 focus-visible:bg-slate-50",
                  )}
                >
                  {item.icon && <span className="shrink-0 text-current opacity-70">{item.icon}</span>}
                  <span className="truncate">{item.label}</span>
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export function DotsIcon({ className = "size-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden className={className}>
      <circle cx="5.5" cy="12" r="1.6" />
      <circle cx="12" cy="12" r="1.6" />
      <circle cx="18.5" cy="12" r="1.6" />
    </svg>
  );
}
