// Where a view's figures came from: the daily rollup, or the raw responses when the filters ask
// for what the rollup cannot split (several segment values at once). Same figures either way.
export function AnsweredBy({ path, timeZone }: { path: "rollup" | "raw"; timeZone: string }) {
  return (
    <p className="text-xs text-slate-500" data-answered-by={path}>
      {path === "raw" ? "Counted from the raw responses" : "Counted from the daily rollup"} · days in {timeZone}
    </p>
  );
}
