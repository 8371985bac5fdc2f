// One comment in a list — the author's initials, name and time, then the body with its
// mentions highlighted — as the map's comments panel and a finding's page both show it.
import type { ReactNode } from "react";
import { RelativeTime } from "@/app/_components/ui/relative-time";
import { cn } from "@/lib/cn";
import { initials } from "@/lib/format";
import { MentionedText } from "./mentioned-text";

export function CommentItem({
  authorName,
  createdAt,
  body,
  names,
  note,
  className,
}: {
  /** null once the author has left the organization. */
  authorName: string | null;
  createdAt: Date | string;
  body: string;
  /** Members' names, to highlight the mentions of. */
  names: readonly string[];
  /** Shown between the byline and the body (e.g. what on the map the comment is about). */
  note?: ReactNode;
  className?: string;
}) {
  const author = authorName ?? "A former member";
  return (
    <li className={cn("flex gap-3 rounded-md px-2", className)}>
      <span aria-hidden className="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-50 text-[11px] font-semibold text-indigo-700 ring-1 ring-indigo-100">
        {initials(author)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="font-medium text-slate-900">{author}</span>
          <RelativeTime date={new Date(createdAt)} className="text-xs text-slate-500" />
        </p>
        {note}
        <MentionedText body={body} names={names} />
      </div>
    </li>
  );
}
