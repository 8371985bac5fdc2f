"use client";
// What customers wrote about a touchpoint, lowest score first, searchable and paged (20 at a
// time, "Show more" for the next page). Each links to its response in the responses explorer.
// Read in the browser through react-query: a search never reloads the charts above it.
// People who may file findings tick comments and add them to a finding as evidence.
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { AddToFindingBar, useResponseSelection } from "@/app/o/[orgSlug]/findings/_components/add-to-finding";
import { Button } from "@/app/_components/ui/button";
import { FormAlert } from "@/app/_components/ui/field";
import { cn } from "@/lib/cn";
import { readError } from "@/lib/trpc-error";
import { useTRPC } from "@/lib/trpc";
import type { DashboardFilters } from "@/server/schemas/dashboard";
import { responseHref } from "../_lib/links";
import { segmentLabel } from "../_lib/metrics";

const PAGE_SIZE = 20;

type Tone = "emerald" | "amber" | "red";
const csatTone = (s: number): Tone => (s >= 4 ? "emerald" : s === 3 ? "amber" : "red");
const npsTone = (s: number): Tone => (s >= 9 ? "emerald" : s >= 7 ? "amber" : "red");
const cesTone = (s: number): Tone => (s >= 5 ? "emerald" : s === 4 ? "amber" : "red");

interface TouchpointCommentsProps {
  orgSlug: string;
  touchpointId: string;
  filters: DashboardFilters;
  timeZone: string;
  /** Whether the comments can be selected and added to a finding (finding.edit). */
  canAddToFinding?: boolean;
}

export function TouchpointComments({ orgSlug, touchpointId, filters, timeZone, canAddToFinding = false }: TouchpointCommentsProps) {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const { selected, isSelected, toggle, clear } = useResponseSelection();
  const comments = useInfiniteQuery(
    trpc.dashboard.comments.infiniteQueryOptions({ orgSlug, touchpointId, filters, q: q || undefined, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium" });
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQ(String(new FormData(event.currentTarget).get("q") ?? "").trim());
  }
  const list = comments.data?.pages.flatMap((p) => p.comments) ?? [];

  return (
    <section aria-label="Comments" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3 sm:px-5">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Comments</h2>
          <p className="mt-0.5 text-xs text-slate-500">Lowest scores first (CSAT, then NPS, then CES), in the period and filters above.</p>
        </div>
        <form role="search" onSubmit={search} className="flex w-full gap-2 sm:w-auto">
          <label htmlFor="comment-search" className="sr-only">
            Search comments
          </label>
          <input id="comment-search" name="q" type="search" maxLength={200} defaultValue={q} placeholder="Words in the comment" className="block h-8 w-full rounded-md border-0 px-3 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 sm:w-64" />
          <Button type="submit" variant="secondary" size="sm">
            Search
          </Button>
        </form>
      </div>
      {comments.isPending ? (
        <div className="space-y-3 px-5 py-5" aria-busy role="status" aria-label="Loading comments">
          {[0, 1, 2].map((i) => (
            <div key={i} className="h-12 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
      ) : comments.isError ? (
        <div className="p-4">
          <FormAlert>{readError(comments.error).message}</FormAlert>
        </div>
      ) : list.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-slate-500">{q ? `No comment contains “${q}” in this period.` : "No comments in this period."}</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-100">
            {list.map((c) => (
              <li key={c.responseId} className={cn("flex gap-3 px-4 py-3 sm:px-5", isSelected(c.responseId) && "bg-indigo-50/60")}>
                {canAddToFinding && (
                  <input
                    type="checkbox"
                    checked={isSelected(c.responseId)}
                    onChange={() => toggle({ id: c.responseId, touchpointId })}
                    aria-label={`Select the comment “${c.comment.length > 60 ? `${c.comment.slice(0, 60)}…` : c.comment}”`}
                    className="mt-1 size-4 shrink-0 rounded border-slate-300"
                  />
                )}
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-1.5">
                    {c.csat !== null && <Badge tone={csatTone(c.csat)}>CSAT {c.csat}</Badge>}
                    {c.nps !== null && <Badge tone={npsTone(c.nps)}>NPS {c.nps}</Badge>}
                    {c.ces !== null && <Badge tone={cesTone(c.ces)}>CES {c.ces}</Badge>}
                    <span className="text-xs text-slate-500">{day.format(new Date(c.submittedAt))}</span>
                  </div>
                  <p className="mt-1.5 text-sm break-words whitespace-pre-line text-slate-800">{c.comment}</p>
                  <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-500">
                    {Object.entries(c.segment).map(([k, v]) => (
                      <span key={k}>
                        {segmentLabel(k)}: {v}
                      </span>
                    ))}
                    <Link href={responseHref(orgSlug, c, timeZone)} className="font-medium text-indigo-700 hover:underline">
                      Open the response
                    </Link>
                  </p>
                </div>
              </li>
            ))}
          </ul>
          <div className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-xs text-slate-500 sm:px-5">
            <span>{list.length} shown</span>
            {comments.hasNextPage && (
              <Button variant="secondary" size="sm" onClick={() => comments.fetchNextPage()} pending={comments.isFetchingNextPage} pendingLabel="Loading…">
                Show more
              </Button>
            )}
          </div>
          {canAddToFinding && <AddToFindingBar orgSlug={orgSlug} selected={selected} onClear={clear} />}
        </>
      )}
    </section>
  );
}
