"use client";
// A table column heading that sorts by its column: one click ascending, again descending.
import { cn } from "@/lib/cn";
import type { SortState } from "../_lib/sort";

export function SortableHeader<K extends string>({ label, column, sort, onSort, align = "left", className }: { label: string; column: K; sort: SortState<K>; onSort: (s: SortState<K>) => void; align?: "left" | "right"; className?: string }) {
  const on = sort.key === column;
  return (
    <th scope="col" aria-sort={on ? (sort.dir === "asc" ? "ascending" : "descending") : "none"} className={cn("px-3 py-2.5 font-medium whitespace-nowrap", align === "right" && "text-right", className)}>
      <button type="button" onClick={() => onSort({ key: column, dir: on && sort.dir === "asc" ? "desc" : "asc" })} className={cn("inline-flex items-center gap-1 hover:text-slate-900", on && "text-slate-900")}>
        {label}
        <span aria-hidden className={cn("text-[10px]", !on && "text-slate-300")}>
          {on ? (sort.dir === "asc" ? "▲" : "▼") : "▲▼"}
        </span>
      </button>
    </th>
  );
}
