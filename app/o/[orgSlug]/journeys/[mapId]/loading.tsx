// The canvas's placeholder while the map loads: a header and a few stage columns.
export default function Loading() {
  return (
    <div aria-busy className="animate-pulse" role="status" aria-label="Loading the map">
      <div className="h-3 w-32 rounded bg-slate-200" />
      <div className="mt-3 h-7 w-80 rounded bg-slate-200" />
      <div className="mt-3 h-4 w-96 rounded bg-slate-200" />
      <div className="mt-6 flex gap-3 overflow-hidden rounded-xl bg-white p-3 ring-1 ring-slate-200">
        {[3, 4, 2, 4].map((cards, stage) => (
          <div key={stage} className="w-72 shrink-0 space-y-3">
            <div className="h-16 rounded-lg bg-slate-100" />
            <div className="flex gap-2">
              {Array.from({ length: Math.min(cards, 2) }, (_, i) => (
                <div key={i} className="h-36 flex-1 rounded-lg bg-slate-100" />
              ))}
            </div>
            <div className="h-40 rounded-lg bg-slate-50" />
          </div>
        ))}
      </div>
    </div>
  );
}
