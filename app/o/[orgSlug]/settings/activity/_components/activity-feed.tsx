"use client";
// The activity log as sentences, newest first, with "Load more" for older pages.
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeActivity } from "@/lib/activity";
import { initials } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { Button } from "@/app/_components/ui/button";
import { RelativeTime } from "@/app/_components/ui/relative-time";
import { useToast } from "@/app/_components/ui/toast";

export interface ActivityRow {
  id: string;
  action: string;
  data: unknown;
  createdAt: Date;
  actorName: string | null;
  actorEmail: string | null;
}

interface ActivityFeedProps {
  orgSlug: string;
  initial: { events: ActivityRow[]; nextCursor?: string };
  memberNames: Record<string, string>;
}

export function ActivityFeed({ orgSlug, initial, memberNames }: ActivityFeedProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [events, setEvents] = useState(initial.events);
  const [nextCursor, setNextCursor] = useState(initial.nextCursor);
  const [loading, setLoading] = useState(false);

  async function loadMore() {
    if (!nextCursor) return;
    setLoading(true);
    try {
      const page = await queryClient.fetchQuery(trpc.activity.list.queryOptions({ orgSlug, cursor: nextCursor }));
      setEvents((current) => [...current, ...page.events.filter((e) => !current.some((c) => c.id === e.id))]);
      setNextCursor(page.nextCursor);
    } catch (error) {
      toast.error(readError(error).message);
    } finally {
      setLoading(false);
    }
  }

  const now = new Date();
  return (
    <>
      <ol className="divide-y divide-slate-100">
        {events.map((event) => {
          const { actor, summary } = describeActivity(event, memberNames);
          return (
            <li key={event.id} className="flex items-start gap-3 px-5 py-3.5">
              <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600" title={event.actorEmail ?? undefined}>
                {initials(actor)}
              </span>
              <p className="min-w-0 flex-1 pt-1.5 text-sm text-slate-700">
                <span className="font-medium text-slate-900">{actor}</span> {summary}
              </p>
              <RelativeTime date={event.createdAt} now={now} className="shrink-0 pt-1.5 text-xs text-slate-500" />
            </li>
          );
        })}
      </ol>
      <div className="flex justify-center border-t border-slate-100 px-5 py-3">
        {nextCursor ? (
          <Button variant="secondary" size="sm" pending={loading} onClick={loadMore}>
            Load more
          </Button>
        ) : (
          <p className="text-xs text-slate-500">That is everything since the organization was created.</p>
        )}
      </div>
    </>
  );
}
