// Sorting a table by one of its columns (the dashboards' tables sort in the browser).

export type SortState<K extends string> = { key: K; dir: "asc" | "desc" };

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
