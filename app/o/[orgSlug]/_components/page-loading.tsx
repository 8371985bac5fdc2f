// A quiet placeholder while an organization page loads. Each section's loading.tsx uses it;
// there is none at the organization's level, because a Suspense boundary there would wrap
// the journey map route, whose status (404 for an unknown map) must be known before the
// first byte is sent.
export function PageLoading() {
  return (
    <div aria-busy className="animate-pulse space-y-6" role="status" aria-label="Loading">
      <div className="h-7 w-56 rounded bg-slate-200" />
      <div className="h-4 w-96 rounded bg-slate-200" />
      <div className="h-48 rounded-lg bg-white ring-1 ring-slate-200" />
    </div>
  );
}
