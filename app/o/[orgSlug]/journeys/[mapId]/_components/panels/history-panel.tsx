"use client";
// The map's history drawer: every change to the map and everything on it, newest first,
// as sentences grouped by day, with "Load more" for older pages.
import { useInfiniteQuery } from "@tanstack/react-query";
import { describeMapEvent, groupByDay } from "@/lib/map-history";
import { initials } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { ClockIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { FormAlert } from "@/app/_components/ui/field";
import { RelativeTime } from "@/app/_components/ui/relative-time";
import { SidePanel } from "./side-panel";

const PAGE_SIZE = 30;

interface HistoryPanelProps {
  orgSlug: string;
  mapId: string;
  open: boolean;
  onClose: () => void;
}

export function HistoryPanel({ orgSlug, mapId, open, onClose }: HistoryPanelProps) {
  if (!open) return null;
  return (
    <SidePanel title="History" onClose={onClose}>
      <HistoryList orgSlug={orgSlug} mapId={mapId} />
    </SidePanel>
  );
}

function HistoryList({ orgSlug, mapId }: { orgSlug: string; mapId: string }) {
  const trpc = useTRPC();
  const history = useInfiniteQuery(
    trpc.journeyMap.history.infiniteQueryOptions(
      { orgSlug, mapId, limit: PAGE_SIZE },
      // Opening the drawer always shows the latest changes, including the viewer's own.
      { getNextPageParam: (page) => page.nextCursor, staleTime: 0 },
    ),
  );

  if (history.isPending) return <p className="px-4 py-6 text-sm text-slate-500">Loading history…</p>;
  if (!history.data) {
    return (
      <div className="p-4">
        <FormAlert>{readError(history.error).message}</FormAlert>
      </div>
    );
  }

  const events = history.data.pages.flatMap((page) => page.events);
  if (events.length === 0) {
    return <EmptyState icon={<ClockIcon className="size-5" />} title="No changes yet" description="Every change to this map will be listed here, with who made it and when." />;
  }

  const now = new Date();
  return (
    <>
      {groupByDay(events, now).map((day) => (
        <section key={day.label} aria-label={day.label}>
          <h3 className="sticky top-0 z-10 border-b border-slate-100 bg-white/95 px-4 py-2 text-xs font-medium text-slate-500 backdrop-blur">{day.label}</h3>
          <ol className="divide-y divide-slate-100">
            {day.events.map((event) => {
              const { actor, summary } = describeMapEvent(event);
              return (
                <li key={event.id} className="flex items-start gap-3 px-4 py-3">
                  <span aria-hidden className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-[11px] font-semibold text-slate-600">
                    {initials(actor)}
                  </span>
                  <div className="min-w-0 flex-1">
                    <p className="text-sm text-slate-700">
                      <span className="font-medium text-slate-900">{actor}</span> {summary}
                    </p>
                    <RelativeTime date={event.createdAt} now={now} className="text-xs text-slate-500" />
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <div className="flex justify-center border-t border-slate-100 px-4 py-3">
        {history.isFetchNextPageError ? (
          <p role="alert" className="flex items-center gap-3 text-xs text-red-700">
            Older changes could not be loaded.
            <Button variant="secondary" size="sm" onClick={() => history.fetchNextPage()}>
              Try again
            </Button>
          </p>
        ) : history.hasNextPage ? (
          <Button variant="secondary" size="sm" pending={history.isFetchingNextPage} onClick={() => history.fetchNextPage()}>
            Load more
          </Button>
        ) : (
          <p className="text-xs text-slate-500">That is everything since the map was created.</p>
        )}
      </div>
    </>
  );
}
