"use client";
// One finding on the board: severity, F-number, title, who owns it, where on the journey it
// happened, its evidence and labels, and the SLA clock. Members drag it between columns or
// use its menu ("Move to …") from the keyboard.
import Link from "next/link";
import type { DragEvent } from "react";
import { BoardMenu } from "@/app/_components/journey-canvas/board-menu";
import { MessageIcon, UserIcon } from "@/app/_components/icons";
import { FINDING_STATUS_LABELS, type FindingStatus } from "@/db/finding-constants";
import { cn } from "@/lib/cn";
import { formatDate } from "@/lib/format";
import type { BoardCard } from "../_lib/types";
import { SeverityBadge, SlaClock } from "./finding-badges";

interface FindingCardProps {
  orgSlug: string;
  card: BoardCard;
  /** Statuses the card may move to from its menu; none when the viewer cannot edit. */
  moveTargets: FindingStatus[];
  onMove: (status: FindingStatus) => void;
  onDragStart?: (event: DragEvent<HTMLElement>) => void;
  onDragEnd?: () => void;
  dragging: boolean;
}

export function FindingCard({ orgSlug, card, moveTargets, onMove, onDragStart, onDragEnd, dragging }: FindingCardProps) {
  const draggable = Boolean(onDragStart);
  return (
    <article
      data-finding-id={card.id}
      aria-label={`F-${card.number} ${card.title}`}
      draggable={draggable}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      className={cn(
        // relative: the screen-reader-only labels stay inside the board's scrolling box.
        "relative rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200 transition",
        draggable && "cursor-grab active:cursor-grabbing",
        dragging && "opacity-40",
        card.sla?.state === "breached" && "ring-red-200",
      )}
    >
      <div className="flex items-start gap-2">
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-1.5">
          <SeverityBadge severity={card.severity} />
          <span className="font-mono text-xs text-slate-500">F-{card.number}</span>
        </div>
        {moveTargets.length > 0 && (
          <BoardMenu
            label={`Actions for F-${card.number}`}
            trigger={<span aria-hidden className="text-base leading-none">⋯</span>}
            triggerClassName="-mt-1 -mr-1"
            groups={[{ title: "Move to", items: moveTargets.map((status) => ({ label: `Move to ${FINDING_STATUS_LABELS[status]}`, onSelect: () => onMove(status) })) }]}
          />
        )}
      </div>
      <Link href={`/o/${orgSlug}/findings/${card.id}`} draggable={false} className="mt-1.5 block text-sm font-medium text-slate-900 hover:text-indigo-700">
        {card.title}
      </Link>
      <dl className="mt-2 space-y-1 text-xs text-slate-600">
        <div className="flex flex-wrap gap-x-2">
          <dt className="sr-only">Team</dt>
          <dd className={cn("font-medium", card.teamName ? "text-slate-700" : "text-slate-400")}>{card.teamName ?? "No team"}</dd>
          <dt className="sr-only">Assignee</dt>
          <dd className="flex items-center gap-1">
            <UserIcon className="size-3.5 text-slate-400" />
            {card.assigneeName ?? <span className="text-slate-400">Unassigned</span>}
          </dd>
        </div>
        {card.impact.responsesAffected > 0 && (
          <div>
            <dt className="sr-only">Impact</dt>
            <dd title="Unhappy responses at its touchpoint in the last 90 days, plus linked evidence">
              {card.impact.responsesAffected.toLocaleString("en-US")} responses affected
              {card.impact.gapToJourney !== null && card.impact.gapToJourney < 0 ? ` · ${Math.abs(card.impact.gapToJourney).toFixed(0)} pts below the journey` : ""}
            </dd>
          </div>
        )}
        {card.touchpointName && (
          <div>
            <dt className="sr-only">Touchpoint</dt>
            <dd className="truncate" title={[card.mapName, card.stageName, card.touchpointName].filter(Boolean).join(" › ")}>
              {card.stageName ? `${card.stageName} › ` : ""}
              {card.touchpointName}
            </dd>
          </div>
        )}
      </dl>
      {(card.labels.length > 0 || card.evidenceCount > 0) && (
        <div className="mt-2 flex flex-wrap items-center gap-1">
          {card.evidenceCount > 0 && (
            <span className="mr-1 flex items-center gap-1 text-xs text-slate-500" title="Responses linked as evidence">
              <MessageIcon className="size-3.5" />
              {card.evidenceCount}
            </span>
          )}
          {card.labels.map((label) => (
            <span key={label} className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">
              {label}
            </span>
          ))}
        </div>
      )}
      {card.snoozedUntil && new Date(card.snoozedUntil).getTime() > Date.now() && (
        <p className="mt-2 text-xs font-medium text-amber-700" data-testid="card-snoozed">
          Snoozed until {formatDate(new Date(card.snoozedUntil))}
        </p>
      )}
      <SlaClock sla={card.sla} className="mt-2 border-t border-slate-100 pt-2" />
    </article>
  );
}
