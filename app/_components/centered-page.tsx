// The frame for pages outside an organization (sign-in, sign-up, invitations, new
// organization, not-found): the wordmark above one centred panel.
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Wordmark } from "./wordmark";

export function CenteredPage({ children, width = "sm", aside }: { children: ReactNode; width?: "sm" | "md"; aside?: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-slate-50 to-slate-100">
      <header className="flex items-center justify-between px-6 py-5 sm:px-10">
        <Wordmark />
        {aside}
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:pt-16">
        <div className={cn("w-full", width === "sm" ? "max-w-md" : "max-w-xl")}>{children}</div>
      </main>
    </div>
  );
}

/** The white panel with a heading used inside CenteredPage. */
export function Panel({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <>
      <div className="rounded-xl bg-white px-6 py-7 shadow-sm ring-1 ring-slate-200 sm:px-8">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description && <p className="mt-1.5 text-sm text-slate-600">{description}</p>}
        <div className="mt-6">{children}</div>
      </div>
      {footer && <div className="mt-5 text-center text-sm text-slate-600">{footer}</div>}
    </>
  );
}
