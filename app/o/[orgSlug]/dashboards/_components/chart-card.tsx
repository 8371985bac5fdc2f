"use client";
// A card around one chart or table: its title, what the number is, and its exports. The PNG
// is drawn from the card's body with the title in it, so a picture pasted into a slide still
// says what it shows; the export buttons themselves stay out of it.
import { useRef, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { CsvButton, PngButton } from "./export-buttons";

interface ChartCardProps {
  title: string;
  description?: ReactNode;
  /** The table behind the chart, for the CSV export. */
  csv?: { header: string[]; rows: (string | number | null | undefined)[][] };
  /** Tables are exported as CSV only. */
  png?: boolean;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  bodyClassName?: string;
}

export function ChartCard({ title, description, csv, png = true, actions, children, className, bodyClassName }: ChartCardProps) {
  const picture = useRef<HTMLDivElement>(null);
  return (
    <section aria-label={title} className={cn("min-w-0 rounded-lg bg-white shadow-sm ring-1 ring-slate-200", className)}>
      <div ref={picture} className="bg-white">
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-3 sm:px-5">
          <div className="min-w-0">
            <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
            {description && <p className="mt-0.5 text-xs text-slate-500">{description}</p>}
          </div>
          <div data-export-skip className="flex flex-wrap items-center gap-1">
            {actions}
            {csv && <CsvButton title={title} header={csv.header} rows={csv.rows} />}
            {png && <PngButton title={title} target={picture} />}
          </div>
        </div>
        <div className={cn("px-2 py-4 sm:px-4", bodyClassName)}>{children}</div>
      </div>
    </section>
  );
}
