"use client";
// The board: a column per open status and Resolved, then a folded "Closed" column (Won't fix,
// Duplicate). Cards move by native drag and drop, with the target column lit up and a slot
// where the card will land (the journey canvas does the same), or from each card's menu.
import { useState, type DragEvent } from "react";
import { FINDING_STATUS_LABELS, FINDING_STATUSES, type FindingStatus } from "@/db/finding-constants";
import { moveRule } from "@/server/findings/workflow";
import { cn } from "@/lib/cn";
import type { BoardCard } from "../_lib/types";
import { FindingCard } from "./finding-card";
import { MoveDialogs } from "./move-dialogs";
import { useFindingMove } from "./use-finding-move";

const DRAG_TYPE = "application/x-waymark-finding";
const COLUMNS: FindingStatus[] = ["new", "triaged", "in_progress", "resolved"];
const CLOSED: FindingStatus[] = ["wont_fix", "duplicate"];

const COLUMN_HINTS: Record<FindingStatus, string> = {
  new: "Waiting for a first response",
  triaged: "Accepted, not started",
  in_progress: "Being fixed",
  resolved: "Fixed; proof pending",
  wont_fix: "Declined with a reason",
  duplicate: "Merged into another",
};

export function movesFrom(status: FindingStatus): FindingStatus[] {
  return FINDING_STATUSES.filter((to) => moveRule(status, to).allowed);
}

export function FindingsBoard({ orgSlug, cards, canEdit }: { orgSlug: string; cards: BoardCard[]; canEdit: boolean }) {
  const mover = useFindingMove(orgSlug);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropStatus, setDropStatus] = useState<FindingStatus | null>(null);
  const [closedOpen, setClosedOpen] = useState(false);

  const shown = cards.map((card) => ({ card, status: mover.statusOf(card) }));
  const inStatus = (status: FindingStatus) => shown.filter((s) => s.status === status).map((s) => s.card);
  const dragged = shown.find((s) => s.card.id === dragId);

  const endDrag = () => {
    setDragId(null);
    setDropStatus(null);
  };
  const startDrag = (id: string) => (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData(DRAG_TYPE, id);
    event.dataTransfer.setData("text/plain", id);
    // Re-rendering the dragged element inside dragstart can cancel the drag in Chromium.
    setTimeout(() => setDragId(id), 0);
  };
  // The first dragover can come before the deferred state update: a finding's drag type is enough then.
  const canDropOn = (status: FindingStatus, event: DragEvent<HTMLElement>) =>
    dragged ? moveRule(dragged.status, status).allowed : event.dataTransfer.types.includes(DRAG_TYPE);
  const dropZone = (status: FindingStatus) =>
    canEdit
      ? {
          onDragOver: (event: DragEvent<HTMLElement>) => {
            if (!canDropOn(status, event)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = "move";
            if (dropStatus !== status) setDropStatus(status);
          },
          onDragLeave: (event: DragEvent<HTMLElement>) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null) && dropStatus === status) setDropStatus(null);
          },
          onDrop: (event: DragEvent<HTMLElement>) => {
            event.preventDefault();
            const id = dragId ?? event.dataTransfer.getData(DRAG_TYPE);
            const found = shown.find((s) => s.card.id === id);
            endDrag();
            if (found && moveRule(found.status, status).allowed) mover.move(found.card, status);
          },
        }
      : {};

  const renderCard = (card: BoardCard, status: FindingStatus) => (
    <li key={card.id}>
      <FindingCard
        orgSlug={orgSlug}
        card={card}
        moveTargets={canEdit ? movesFrom(status) : []}
        onMove={(to) => mover.move(card, to)}
        onDragStart={canEdit && status !== "duplicate" ? startDrag(card.id) : undefined}
        onDragEnd={endDrag}
        dragging={card.id === dragId}
      />
    </li>
  );
  const landingSlot = (status: FindingStatus) =>
    dropStatus === status && (
      <li aria-hidden data-drop-indicator className="h-16 rounded-lg border-2 border-dashed border-indigo-300 bg-indigo-50/60" />
    );

  const closedCount = CLOSED.reduce((n, s) => n + inStatus(s).length, 0);

  return (
    <>
      <div className="-mx-4 overflow-x-auto px-4 pb-2 sm:mx-0 sm:px-0">
        <div className="flex min-w-max snap-x gap-3 lg:grid lg:min-w-0 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]">
          {COLUMNS.map((status) => {
            const column = inStatus(status);
            return (
              <section
                key={status}
                aria-label={FINDING_STATUS_LABELS[status]}
                data-status={status}
                {...dropZone(status)}
                className={cn(
                  "flex w-[17.5rem] shrink-0 snap-start flex-col rounded-xl bg-slate-100/80 p-2 ring-1 ring-slate-200 transition-colors lg:w-auto",
                  dropStatus === status && "bg-indigo-50 ring-2 ring-indigo-400",
                )}
              >
                <header className="flex items-baseline justify-between gap-2 px-1.5 pt-1 pb-2">
                  <h2 className="text-sm font-semibold text-slate-800">{FINDING_STATUS_LABELS[status]}</h2>
                  <span className="text-xs text-slate-500 tabular-nums" aria-label={`${column.length} findings`}>
                    {column.length}
                  </span>
                </header>
                <ol className="flex min-h-24 flex-1 flex-col gap-2">
                  {landingSlot(status)}
                  {column.map((card) => renderCard(card, status))}
                  {column.length === 0 && dropStatus !== status && (
                    <li className="rounded-lg border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-slate-500">{COLUMN_HINTS[status]}</li>
                  )}
                </ol>
              </section>
            );
          })}
          <section
            aria-label="Closed"
            className={cn("flex shrink-0 snap-start flex-col rounded-xl bg-slate-50 p-2 ring-1 ring-slate-200", closedOpen ? "w-[17.5rem]" : "w-40")}
          >
            <header className="flex items-center justify-between gap-2 px-1.5 pt-1 pb-2">
              <h2 className="text-sm font-semibold text-slate-600">Closed</h2>
              {(closedCount > 0 || closedOpen) && (
                <button type="button" aria-expanded={closedOpen} onClick={() => setClosedOpen(!closedOpen)} className="text-xs font-medium text-indigo-700 hover:text-indigo-900">
                  {closedOpen ? "Fold" : `Show ${closedCount}`}
                </button>
              )}
            </header>
            <div className="flex flex-col gap-2">
              {CLOSED.map((status) => {
                const column = inStatus(status);
                return (
                  <div
                    key={status}
                    data-status={status}
                    {...dropZone(status)}
                    className={cn("rounded-lg p-1.5 ring-1 ring-slate-200 transition-colors", dropStatus === status ? "bg-indigo-50 ring-2 ring-indigo-400" : "bg-white/60")}
                  >
                    <h3 className="flex items-baseline justify-between px-1 text-xs font-medium text-slate-600">
                      {FINDING_STATUS_LABELS[status]}
                      <span className="tabular-nums text-slate-400">{column.length}</span>
                    </h3>
                    {closedOpen ? (
                      <ol aria-label={FINDING_STATUS_LABELS[status]} className="mt-1.5 flex flex-col gap-2">
                        {column.map((card) => renderCard(card, status))}
                        {column.length === 0 && <li className="px-1 pb-1 text-xs text-slate-400">{COLUMN_HINTS[status]}</li>}
                      </ol>
                    ) : (
                      <p className="px-1 pt-0.5 text-[11px] text-slate-400">{dragId ? "Drop here" : COLUMN_HINTS[status]}</p>
                    )}
                  </div>
                );
              })}
            </div>
          </section>
        </div>
      </div>
      <MoveDialogs orgSlug={orgSlug} mover={mover} />
    </>
  );
}
