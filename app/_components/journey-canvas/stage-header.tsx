"use client";
// A stage's header band: its number, name, description and touchpoint count, and for
// editors the handle to drag the stage and its menu (edit, add, move, delete).
import type { DragEvent } from "react";
import { cn } from "@/lib/cn";
import { ArrowRightIcon, PencilIcon, PlusIcon, TrashIcon } from "@/app/_components/icons";
import { BoardMenu, DotsIcon } from "./board-menu";
import type { BoardColumn } from "./canvas-model";
import type { BoardEditing } from "./journey-board";
import type { StageTone } from "./tones";

export interface StageHeaderProps {
  column: BoardColumn;
  index: number;
  tone: StageTone;
  columns: readonly BoardColumn[];
  editing?: BoardEditing;
  dragging: boolean;
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}

export function StageHeader({ column, index, tone, columns, editing, dragging, onDragStart, onDragEnd }: StageHeaderProps) {
  const { stage, touchpoints } = column;
  const previous = columns[index - 1];
  const next = columns[index + 1];
  return (
    <header
      draggable={Boolean(editing)}
      onDragStart={editing ? onDragStart : undefined}
      onDragEnd={editing ? onDragEnd : undefined}
      aria-roledescription={editing ? "draggable stage" : undefined}
      className={cn("relative mx-1 mt-2 mb-2 rounded-lg px-3 pt-3 pb-2.5", tone.band, editing && "cursor-grab active:cursor-grabbing", dragging && "opacity-40")}
      style={{ gridColumn: "1 / -1", gridRow: "1" }}
    >
      <span aria-hidden className={cn("absolute inset-x-3 top-0 h-1 rounded-b", tone.accent)} />
      {/* The controls share the row of the small "Stage N" label, so the name gets the full
          width of the stage and wraps instead of being cut off in one-card stages. */}
      <div className="-mt-1 flex min-h-7 items-center justify-between gap-2">
        <p className={cn("text-[10px] font-semibold tracking-wider uppercase opacity-60", tone.text)}>Stage {index + 1}</p>
        <div className="-mr-1.5 flex shrink-0 items-center gap-0.5">
          <span className="rounded-full bg-white/70 px-1.5 py-0.5 text-[11px] font-medium text-slate-600 tabular-nums" title={`${touchpoints.length} touchpoints`}>
            {touchpoints.length}
            <span className="sr-only"> {touchpoints.length === 1 ? "touchpoint" : "touchpoints"}</span>
          </span>
          {editing && (
            <>
              {touchpoints.length > 0 && (
                <button
                  type="button"
                  data-board-control
                  aria-label="Add touchpoint"
                  title={`Add touchpoint to ${stage.name}`}
                  onClick={() => editing.onAddTouchpoint(stage.id)}
                  className="flex size-7 items-center justify-center rounded-md text-slate-500 hover:bg-slate-900/5 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <PlusIcon />
                </button>
              )}
              <BoardMenu
                label={`Actions for stage ${stage.name}`}
                trigger={<DotsIcon />}
                groups={[
                  [
                    { label: "Edit stage", icon: <PencilIcon />, onSelect: () => editing.onEditStage(stage.id) },
                    { label: "Add touchpoint", icon: <PlusIcon />, onSelect: () => editing.onAddTouchpoint(stage.id) },
                    { label: "Add stage after", icon: <PlusIcon />, onSelect: () => editing.onAddStage(stage.id) },
                  ],
                  [
                    { label: "Move left", icon: <ArrowRightIcon className="size-4 rotate-180" />, disabled: !previous, onSelect: () => editing.onMoveStage(stage.id, columns[index - 2]?.stage.id ?? null) },
                    { label: "Move right", icon: <ArrowRightIcon />, disabled: !next, onSelect: () => next && editing.onMoveStage(stage.id, next.stage.id) },
                  ],
                  [{ label: "Delete stage", icon: <TrashIcon />, danger: true, onSelect: () => editing.onDeleteStage(stage.id) }],
                ]}
              />
            </>
          )}
        </div>
      </div>
      <h2 className={cn("line-clamp-2 text-sm leading-snug font-semibold", tone.text)} title={stage.name}>
        {stage.name}
      </h2>
      {stage.description && (
        <p className="mt-1 line-clamp-2 text-xs leading-snug text-slate-600" title={stage.description}>
          {stage.description}
        </p>
      )}
    </header>
  );
}

