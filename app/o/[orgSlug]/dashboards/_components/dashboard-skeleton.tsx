// The shape of a dashboard screen while its figures load: header, filter bar, four tiles and
// two chart panels, so nothing jumps when the numbers arrive.
export function DashboardSkeleton({ tiles = true }: { tiles?: boolean }) {
  return (
    <div aria-busy className="animate-pulse" role="status" aria-label="Loading the dashboard">
      <div className="h-3 w-24 rounded bg-slate-200" />
      <div className="mt-2 h-7 w-64 rounded bg-slate-200" />
      <div className="mt-2 h-4 w-full max-w-xl rounded bg-slate-200" />
      <div className="mt-6 h-8 w-full max-w-md rounded bg-slate-100" />
      <div className="mt-4 h-24 rounded-lg bg-white ring-1 ring-slate-200" />
      {tiles && (
        <div className="mt-5 grid grid-cols-2 gap-4 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-32 rounded-lg bg-white ring-1 ring-slate-200" />
          ))}
        </div>
      )}
      <div className="mt-5 h-80 rounded-lg bg-white ring-1 ring-slate-200" />
      <div className="mt-5 h-64 rounded-lg bg-white ring-1 ring-slate-200" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
