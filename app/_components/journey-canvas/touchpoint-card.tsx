"use client";
// A touchpoint on the board: channel, name, key, owning team and what is known about it
// (obstacles, opportunities, open findings, comments). Draggable and with an action menu only when editable.
import Link from "next/link";
import type { DragEvent, ReactNode } from "react";
import { CHANNEL_LABELS } from "@/db/journey-constants";
import { cn } from "@/lib/cn";
import { AlertIcon, ArrowRightIcon, FlagIcon, MessageIcon, PencilIcon, TrashIcon } from "@/app/_components/icons";
import { BoardMenu, DotsIcon } from "./board-menu";
import { ChannelIcon } from "./channel-icon";
import type { BoardTouchpoint } from "./canvas-model";

export interface TouchpointCardActions {
  onEdit: () => void;
  onDelete: () => void;
  onMoveLeft: (() => void) | null;
  onMoveRight: (() => void) | null;
  /** Other stages it can move to (at their end). */
  moveTargets: { label: string; onSelect: () => void }[];
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}

interface TouchpointCardProps {
  touchpoint: BoardTouchpoint;
  obstacles: number;
  opportunities: number;
  /** Open findings and the board filtered to them; undefined when findings are not shown (the public share page) or there are none. */
  openFindings?: { count: number; href: string };
  /** Undefined when comments are not shown (the public share page). */
  comments?: number;
  onOpenComments?: () => void;
  /** Opens the touchpoint (the editor for editors). */
  onOpen?: () => void;
  actions?: TouchpointCardActions;
  dragging?: boolean;
  selected?: boolean;
  /** Extra lines under the card's own (the members' satisfaction figures). */
  footer?: ReactNode;
}

export function TouchpointCard({ touchpoint, obstacles, opportunities, openFindings, comments, onOpenComments, onOpen, actions, dragging, selected, footer }: TouchpointCardProps) {
  return (
    <article
      aria-label={`Touchpoint ${touchpoint.name}`}
      data-touchpoint-id={touchpoint.id}
      draggable={Boolean(actions)}
      onDragStart={actions?.onDragStart}
      onDragEnd={actions?.onDragEnd}
      className={cn(
        "group relative flex h-full flex-col rounded-lg bg-white px-3 pt-2.5 pb-2 shadow-sm transition",
        selected ? "ring-2 ring-indigo-500" : dragging ? "ring-2 ring-indigo-300" : "ring-1 ring-slate-200",
        actions && "cursor-grab hover:shadow-md active:cursor-grabbing",
        actions && !selected && !dragging && "hover:ring-slate-300",
        dragging && "opacity-40",
      )}
    >
      <div className="flex items-center justify-between gap-1">
        <span className="flex min-w-0 items-center gap-1.5 text-[11px] font-medium text-slate-500">
          <ChannelIcon channel={touchpoint.channel} className="size-3.5 shrink-0 text-slate-400" />
          <span className="truncate">{CHANNEL_LABELS[touchpoint.channel]}</span>
        </span>
        {actions && (
          <BoardMenu
            label={`Actions for ${touchpoint.name}`}
            trigger={<DotsIcon />}
            triggerClassName="-mr-1.5 size-6"
            groups={[
              [
                { label: "Edit touchpoint", icon: <PencilIcon />, onSelect: actions.onEdit },
                ...(onOpenComments ? [{ label: "Comment", icon: <MessageIcon />, onSelect: onOpenComments }] : []),
              ],
              [
                { label: "Move left", icon: <ArrowRightIcon className="size-4 rotate-180" />, onSelect: actions.onMoveLeft ?? noop, disabled: !actions.onMoveLeft },
                { label: "Move right", icon: <ArrowRightIcon />, onSelect: actions.onMoveRight ?? noop, disabled: !actions.onMoveRight },
              ],
              { title: "Move to stage", items: actions.moveTargets },
              [{ label: "Delete touchpoint", icon: <TrashIcon />, onSelect: actions.onDelete, danger: true }],
            ]}
          />
        )}
      </div>
      <h3 className="mt-1 text-[13px] leading-snug font-semibold text-slate-900">
        {onOpen ? (
          <button type="button" onClick={onOpen} className="line-clamp-3 text-left hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
            {touchpoint.name}
          </button>
        ) : (
          <span className="line-clamp-3">{touchpoint.name}</span>
        )}
      </h3>
      <p className="mt-0.5 truncate font-mono text-[10.5px] text-slate-400" title={`Key: ${touchpoint.key}`}>
        {touchpoint.key}
      </p>
      <p
        className={cn("mt-auto truncate pt-2.5 text-xs", touchpoint.teamName ? "text-slate-600" : "text-slate-400 italic")}
        title={touchpoint.teamName ? `Owning team: ${touchpoint.teamName}` : undefined}
      >
        {touchpoint.teamName ?? "No owning team"}
      </p>
      <div className="mt-1.5 flex min-h-5 items-center gap-1.5">
        {obstacles > 0 && (
          <span className="inline-flex items-center gap-1 rounded-full bg-red-50 px-1.5 py-0.5 text-[11px] font-semibold text-red-700 ring-1 ring-red-200 ring-inset">
            <AlertIcon className="size-3" />
            {obstacles}
            <span className="sr-only">{obstacles === 1 ? " obstacle" : " obstacles"}</span>
          </span>
        )}
        {opportunities > 0 && (
          <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-1.5 py-0.5 text-[11px] font-semibold text-emerald-700 ring-1 ring-emerald-200 ring-inset">
            <SparkIcon />
            {opportunities}
            <span className="sr-only">{opportunities === 1 ? " opportunity" : " opportunities"}</span>
          </span>
        )}
        {openFindings && (
          <Link
            href={openFindings.href}
            // A card per touchpoint would each render the board ahead of time; open it on click only.
            prefetch={false}
            draggable={false}
            aria-label={`${openFindings.count} open ${openFindings.count === 1 ? "finding" : "findings"} at ${touchpoint.name}`}
            title="Open findings here: see them on the board"
            data-open-findings={openFindings.count}
            className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-1.5 py-0.5 text-[11px] font-semibold whitespace-nowrap text-indigo-700 ring-1 ring-indigo-200 ring-inset hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <FlagIcon className="size-3" />
            {openFindings.count} open
          </Link>
        )}
        {comments !== undefined && onOpenComments && (
          <button
            type="button"
            onClick={onOpenComments}
            aria-label={comments === 0 ? `Comment on ${touchpoint.name}` : `${comments} ${comments === 1 ? "comment" : "comments"} on ${touchpoint.name}`}
            className={cn(
              "ml-auto inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-[11px] font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600",
              comments === 0 ? "text-slate-300 group-hover:text-slate-500" : "text-slate-600",
            )}
          >
            <MessageIcon className="size-3.5" />
            {comments > 0 && comments}
          </button>
        )}
      </div>
      {footer}
    </article>
  );
}

const noop = () => {};

export function SparkIcon({ className = "size-3" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden className={className}>
      <path d="M12 3v4M12 17v4M3 12h4M17 12h4M6 6l2.5 2.5M15.5 15.5 18 18M18 6l-2.5 2.5M8.5 15.5 6 18" />
    </svg>
  );
}
