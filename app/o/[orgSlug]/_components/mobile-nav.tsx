"use client";
// The organization's navigation on screens narrower than `md`, where the side nav is hidden:
// a menu button in the header opens the same SideNav in a drawer. A modal <dialog> gives the
// drawer its focus trap, Escape and the return of focus to the button for free; we add
// closing on a click outside the panel and on navigation.
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { MenuIcon, XIcon } from "@/app/_components/icons";
import { SideNav } from "./side-nav";

export function MobileNav({ orgSlug, role }: { orgSlug: string; role: string }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const drawerId = useId();

  // Back and forward navigate without a click in the drawer: close it then too.
  const pathname = usePathname();
  const [shownPath, setShownPath] = useState(pathname);
  if (pathname !== shownPath) {
    setShownPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // Start where the person is: the current section, else the first link.
      (element.querySelector<HTMLElement>('a[aria-current="page"]') ?? element.querySelector<HTMLElement>("a"))?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-label="Open navigation"
        aria-expanded={open}
        aria-controls={drawerId}
        onClick={() => setOpen(true)}
        className="-ml-1.5 flex size-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <MenuIcon className="size-5" />
      </button>
      <dialog
        ref={dialog}
        id={drawerId}
        aria-label="Navigation"
        // Escape: keep React's state the source of truth rather than letting the browser close it.
        onCancel={(event) => {
          event.preventDefault();
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
        onClick={(event) => {
          // The backdrop is the dialog element itself: a click there is outside the panel.
          // A chosen link closes the drawer even when it leads to the page already shown.
          if (event.target === event.currentTarget || (event.target as HTMLElement).closest("a")) setOpen(false);
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-transparent p-0 backdrop:bg-slate-900/40"
      >
        <div className="h-full overflow-y-auto bg-white px-3 py-4 shadow-xl">
          <div className="mb-4 flex items-center justify-between px-2.5">
            <span className="text-sm font-semibold text-slate-900">Menu</span>
            <button
              type="button"
              aria-label="Close navigation"
              onClick={() => setOpen(false)}
              className="flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              <XIcon className="size-5" />
            </button>
          </div>
          <SideNav orgSlug={orgSlug} role={role} />
        </div>
      </dialog>
    </div>
  );
}
