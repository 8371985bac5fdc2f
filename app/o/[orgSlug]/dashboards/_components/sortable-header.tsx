"use client";
// A table column heading that sorts by its column: one click ascending, again descending.
import { cn } from "@/lib/cn";

export type SortState<K extends string> = { key: K; dir: "asc" | "desc" };

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

/** Sorts rows by a value; missing values (no answers) go last whichever the direction. */
export function sortRows<T, K extends string>(rows: readonly T[], sort: SortState<K>, valueOf: (row: T, key: K) => string | number | null): T[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, sort.key);
    const y = valueOf(b, sort.key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : Number(x) - Number(y)) * sign;
  });
}
