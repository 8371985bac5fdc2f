// What a list or section shows when there is nothing in it yet: say what will be here and
// what to do now.
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export function EmptyState({ icon, title, description, children, className }: { icon?: ReactNode; title: string; description: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <div className={cn("flex flex-col items-center px-6 py-10 text-center", className)}>
      {icon && <div className="mb-4 flex size-11 items-center justify-center rounded-full bg-indigo-50 text-indigo-600 ring-1 ring-indigo-100">{icon}</div>}
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <div className="mt-1.5 max-w-md text-sm text-slate-600">{description}</div>
      {children && <div className="mt-5 flex flex-wrap items-center justify-center gap-2">{children}</div>}
    </div>
  );
}
