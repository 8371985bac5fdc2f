"use client";
// One endpoint's deliveries, newest first, 20 at a time: the event, when, how it went, how many
// attempts, the receiver's answer, the last error and when the job runner tries again.
import { useInfiniteQuery } from "@tanstack/react-query";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { FormAlert } from "@/app/_components/ui/field";
import { formatDateTime } from "@/lib/format";
import { readError } from "@/lib/trpc-error";
import { useTRPC } from "@/lib/trpc";
import { deliveryStatus, eventLabel } from "./webhook-events";

const PAGE_SIZE = 20;

export function DeliveryLog({ orgSlug, webhookId }: { orgSlug: string; webhookId: string }) {
  const trpc = useTRPC();
  const log = useInfiniteQuery(trpc.webhook.deliveries.infiniteQueryOptions({ orgSlug, webhookId, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const rows = log.data?.pages.flatMap((p) => p.deliveries) ?? [];

  if (log.isPending) {
    return (
      <p role="status" className="border-t border-slate-200 px-5 py-4 text-sm text-slate-500">
        Loading deliveries…
      </p>
    );
  }
  if (log.isError) {
    return (
      <div className="border-t border-slate-200 p-4">
        <FormAlert>{readError(log.error).message}</FormAlert>
      </div>
    );
  }
  if (rows.length === 0) return <p className="border-t border-slate-200 px-5 py-4 text-sm text-slate-500">No deliveries yet. Send a test event to try the endpoint.</p>;

  return (
    <div className="border-t border-slate-200">
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Delivery log">
          <thead className="border-b border-slate-200 bg-slate-50/60 text-xs font-medium text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3 pl-4 font-medium sm:pl-5">Event</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">Attempts</th>
              <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">Response</th>
              <th scope="col" className="hidden py-2 pr-5 pl-3 font-medium lg:table-cell">Last error · next retry</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {rows.map((d) => {
              const status = deliveryStatus(d.status);
              const detail = (empty: string | null) => <Detail lastError={d.lastError} nextAttemptAt={d.nextAttemptAt} empty={empty} />;
              return (
                <tr key={d.id}>
                  <td className="py-2.5 pr-3 pl-4 sm:pl-5">
                    <span className="block font-medium text-slate-900">{eventLabel(d.event)}</span>
                    <time dateTime={d.createdAt.toISOString()} className="block text-xs text-slate-500">
                      {formatDateTime(d.createdAt)}
                    </time>
                    <span className="mt-1 block text-xs text-slate-500 md:hidden">
                      {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
                      {d.responseStatus !== null && ` · HTTP ${d.responseStatus}`}
                    </span>
                    <span className="mt-1 block lg:hidden">{detail(null)}</span>
                  </td>
                  <td className="px-3 py-2.5 whitespace-nowrap">
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </td>
                  <td className="hidden px-3 py-2.5 text-slate-700 md:table-cell">{d.attempts}</td>
                  <td className="hidden px-3 py-2.5 text-slate-700 md:table-cell">{d.responseStatus ?? "–"}</td>
                  <td className="hidden py-2.5 pr-5 pl-3 lg:table-cell">{detail("–")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {log.hasNextPage && (
        <div className="flex justify-end border-t border-slate-200 px-4 py-3 sm:px-5">
          <Button variant="secondary" size="sm" onClick={() => log.fetchNextPage()} pending={log.isFetchingNextPage} pendingLabel="Loading…">
            Older deliveries
          </Button>
        </div>
      )}
    </div>
  );
}

/** The last error and the next try; `empty` is shown when there is neither (null: nothing, under the event on narrow screens). */
function Detail({ lastError, nextAttemptAt, empty }: { lastError: string | null; nextAttemptAt: Date | null; empty: string | null }) {
  if (!lastError && !nextAttemptAt) return empty && <span className="text-xs text-slate-400">{empty}</span>;
  return (
    <span className="block text-xs">
      {lastError && <span className="block break-words text-red-700">{lastError}</span>}
      {nextAttemptAt && <span className="block text-slate-500">Next try {formatDateTime(nextAttemptAt)}</span>}
    </span>
  );
}
