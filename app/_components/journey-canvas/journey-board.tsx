"use client";
// The journey as a wall chart: stages as header bands, one column per touchpoint under its
// stage, and lanes that line up under each touchpoint (channel, customer action, emotion,
// obstacles, opportunities, owning team). It renders from a plain canvas payload, so the
// public share page shows the same board; editing affordances appear only with `editing`,
// marked `data-board-control` so a picture of the board can leave them out.
import { useMemo, useState, type CSSProperties, type DragEvent, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { PlusIcon } from "@/app/_components/icons";
import { addButtonClasses, DropBar, LANES, laneRow, RowLabel, touchpointLaneCells } from "./board-cells";
import {
  columnsOf,
  commentCountsByTouchpoint,
  insightsByTouchpoint,
  journeyOrder,
  neighbourMove,
  openFindingsByTouchpoint,
  stageDropMove,
  touchpointDropMove,
  type BoardCanvas,
  type BoardColumn,
} from "./canvas-model";
import { EMOTION_LANE_HEIGHT, EmotionAxis, EmotionCurve } from "./emotion";
import { StageHeader } from "./stage-header";
import { stageTone } from "./tones";
import { TouchpointCard, type TouchpointCardActions } from "./touchpoint-card";

/** What an editor can do on the board. The board decides where things go; the page talks to the server. */
export interface BoardEditing {
  onAddStage: (afterStageId?: string) => void;
  onEditStage: (stageId: string) => void;
  onDeleteStage: (stageId: string) => void;
  onMoveStage: (stageId: string, afterStageId: string | null) => void;
  onAddTouchpoint: (stageId: string) => void;
  onEditTouchpoint: (touchpointId: string) => void;
  onDeleteTouchpoint: (touchpointId: string) => void;
  onMoveTouchpoint: (touchpointId: string, stageId: string, afterTouchpointId: string | null) => void;
}

interface JourneyBoardProps {
  canvas: BoardCanvas;
  /** The DOM id of the full board (not the scrolling viewport), e.g. for a PNG export. */
  id?: string;
  editing?: BoardEditing;
  /** Shows comment counts and opens the comments of a touchpoint. */
  /** Opens the comments on a touchpoint, or on one of its obstacles or opportunities. */
  onOpenComments?: (touchpointId: string, obstacleId?: string) => void;
  /** Opens a touchpoint for reading when the board is not editable. */
  onOpenTouchpoint?: (touchpointId: string) => void;
  /** A touchpoint to highlight, e.g. the one whose comments are open. */
  selectedTouchpointId?: string | null;
  /** Drawn over the emotion lane, aligned with the touchpoint columns (the members' customer curve). */
  emotionOverlay?: (lane: EmotionLaneGeometry) => ReactNode;
  /** Extra lines at the foot of a touchpoint's card (the members' satisfaction figures). */
  cardFooter?: (touchpointId: string) => ReactNode;
  /** The findings board filtered to a touchpoint's open findings; with it, cards show their open findings count. */
  findingsHref?: (touchpointId: string) => string;
  className?: string;
}

/** Where each touchpoint's column centre sits in the emotion lane, in journey order. */
export interface EmotionLaneGeometry {
  width: number;
  height: number;
  columns: { touchpointId: string; x: number }[];
}

const COLUMN_WIDTH = 184;
const LABEL_WIDTH = 148;
const ADD_STAGE_WIDTH = 132;

type Drag = { kind: "touchpoint" | "stage"; id: string };
/** Where a drop would land: before a card or stage, or at the end (null). */
type DropTarget = { kind: "touchpoint"; stageId: string; beforeId: string | null } | { kind: "stage"; beforeId: string | null };

export function JourneyBoard({ canvas, id, editing, onOpenComments, onOpenTouchpoint, selectedTouchpointId, emotionOverlay, cardFooter, findingsHref, className }: JourneyBoardProps) {
  const columns = useMemo(() => columnsOf(canvas), [canvas]);
  const insights = useMemo(() => insightsByTouchpoint(canvas), [canvas]);
  const comments = useMemo(() => (onOpenComments ? commentCountsByTouchpoint(canvas) : null), [canvas, onOpenComments]);
  const openFindings = useMemo(() => (findingsHref ? openFindingsByTouchpoint(canvas) : null), [canvas, findingsHref]);
  const totalColumns = columns.reduce((n, c) => n + c.span, 0);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);

  const startDrag = (kind: Drag["kind"], dragId: string) => (event: DragEvent<HTMLElement>) => {
    event.stopPropagation();
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData(`application/x-waymark-${kind}`, dragId);
    event.dataTransfer.setData("text/plain", dragId);
    // Re-rendering the dragged element inside dragstart can cancel the drag in Chromium.
    setTimeout(() => setDrag({ kind, id: dragId }), 0);
  };
  const endDrag = () => {
    setDrag(null);
    setDrop(null);
  };

  const actionsFor = (column: BoardColumn, touchpointId: string): TouchpointCardActions | undefined => {
    if (!editing) return undefined;
    const move = (to: { stageId: string; afterTouchpointId: string | null } | null) =>
      to && (() => editing.onMoveTouchpoint(touchpointId, to.stageId, to.afterTouchpointId));
    return {
      onEdit: () => editing.onEditTouchpoint(touchpointId),
      onDelete: () => editing.onDeleteTouchpoint(touchpointId),
      onMoveLeft: move(neighbourMove(columns, touchpointId, -1)),
      onMoveRight: move(neighbourMove(columns, touchpointId, 1)),
      // To the end of another stage.
      moveTargets: columns
        .filter((c) => c.stage.id !== column.stage.id)
        .map((c) => ({ label: c.stage.name, onSelect: () => editing.onMoveTouchpoint(touchpointId, c.stage.id, c.touchpoints.at(-1)?.id ?? null) })),
      onDragStart: startDrag("touchpoint", touchpointId),
      onDragEnd: endDrag,
    };
  };

  const sameDrop = (a: DropTarget | null, b: DropTarget | null) =>
    a?.kind === b?.kind && a?.beforeId === b?.beforeId && (a?.kind !== "touchpoint" || a.stageId === (b as typeof a).stageId);

  const onStageDragOver = (column: BoardColumn, index: number) => (event: DragEvent<HTMLElement>) => {
    if (!drag || !editing) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    let next: DropTarget;
    if (drag.kind === "touchpoint") {
      // Before the first card whose middle is right of the pointer; at the end otherwise.
      const cards = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-touchpoint-id]")];
      const before = cards.find((card) => {
        const box = card.getBoundingClientRect();
        return event.clientX < box.left + box.width / 2;
      });
      next = { kind: "touchpoint", stageId: column.stage.id, beforeId: before?.dataset.touchpointId ?? null };
    } else {
      const box = event.currentTarget.getBoundingClientRect();
      const after = event.clientX >= box.left + box.width / 2;
      next = { kind: "stage", beforeId: after ? (columns[index + 1]?.stage.id ?? null) : column.stage.id };
    }
    if (!sameDrop(drop, next)) setDrop(next);
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    const target = drop;
    const dragged = drag;
    endDrag();
    if (!target || !dragged || !editing) return;
    if (dragged.kind === "touchpoint" && target.kind === "touchpoint") {
      const move = touchpointDropMove(columns, dragged.id, target.stageId, target.beforeId);
      if (move) editing.onMoveTouchpoint(dragged.id, target.stageId, move.afterTouchpointId);
    } else if (dragged.kind === "stage" && target.kind === "stage") {
      const move = stageDropMove(columns, dragged.id, target.beforeId);
      if (move) editing.onMoveStage(dragged.id, move.afterStageId);
    }
  };

  if (columns.length === 0) {
    return (
      <div id={id} className={cn("flex flex-col items-center rounded-xl bg-white px-6 py-14 text-center ring-1 ring-slate-200", className)}>
        <h2 className="text-base font-semibold text-slate-900">No stages yet</h2>
        <p className="mt-1.5 max-w-md text-sm text-slate-600">
          A journey reads left to right in stages, such as Awareness, Purchase and Post-purchase. Touchpoints go inside each stage.
        </p>
        {editing && (
          <button type="button" onClick={() => editing.onAddStage()} className={addButtonClasses("mt-5 px-4 py-2")}>
            <PlusIcon /> Add stage
          </button>
        )}
      </div>
    );
  }

  const gridStyle: CSSProperties = {
    gridTemplateColumns: `${LABEL_WIDTH}px repeat(${totalColumns}, ${COLUMN_WIDTH}px)${editing ? ` ${ADD_STAGE_WIDTH}px` : ""}`,
  };

  return (
    <div
      id={id}
      className={cn("relative grid w-max min-w-full bg-white", className)}
      style={gridStyle}
      onDragLeave={(event) => !event.currentTarget.contains(event.relatedTarget as Node | null) && setDrop(null)}
    >
      {/* Stage washes first, so lanes and cards paint over them. */}
      {columns.map((column, i) => (
        <div
          key={`wash-${column.stage.id}`}
          aria-hidden
          className={cn("border-l border-slate-200", stageTone(i).wash)}
          style={{ gridColumn: `${column.firstColumn + 2} / span ${column.span}`, gridRow: `1 / span ${LANES.length + 2}` }}
        />
      ))}
      {LANES.map((lane) => (
        <div key={`rule-${lane.key}`} aria-hidden className="border-t border-slate-200/80" style={{ gridColumn: "1 / -1", gridRow: laneRow(lane.key) }} />
      ))}

      {/* The row labels stay in view while the board scrolls sideways. */}
      <RowLabel row="1" className="justify-center">
        <span className="text-xs font-semibold text-slate-700">Stages</span>
      </RowLabel>
      <RowLabel row="2">
        <span className="text-xs font-semibold text-slate-700">Touchpoints</span>
      </RowLabel>
      {LANES.map((lane) => (
        <RowLabel key={`label-${lane.key}`} row={laneRow(lane.key)} flush={lane.key === "emotion"} className={lane.key === "emotion" ? "flex-row justify-between" : undefined}>
          <span className={cn("text-xs font-semibold text-slate-700", lane.key === "emotion" && "pt-2.5")}>{lane.label}</span>
          {lane.key === "emotion" && <EmotionAxis />}
        </RowLabel>
      ))}

      {columns.map((column, index) => {
        const tone = stageTone(index);
        const stageTarget = drop?.kind === "stage" ? drop : null;
        const touchpointTarget = drop?.kind === "touchpoint" && drop.stageId === column.stage.id ? drop : null;
        return (
          <section
            key={column.stage.id}
            aria-label={`Stage ${column.stage.name}`}
            data-stage-id={column.stage.id}
            className="relative grid grid-cols-subgrid grid-rows-subgrid"
            style={{ gridColumn: `${column.firstColumn + 2} / span ${column.span}`, gridRow: "1 / span 2" }}
            onDragOver={editing ? onStageDragOver(column, index) : undefined}
            onDrop={editing ? onDrop : undefined}
          >
            {stageTarget?.beforeId === column.stage.id && <DropBar side="left" tall />}
            {stageTarget && stageTarget.beforeId === null && index === columns.length - 1 && <DropBar side="right" tall />}
            <StageHeader
              column={column}
              index={index}
              tone={tone}
              dragging={drag?.kind === "stage" && drag.id === column.stage.id}
              editing={editing}
              columns={columns}
              onDragStart={startDrag("stage", column.stage.id)}
              onDragEnd={endDrag}
            />
            {column.touchpoints.length === 0 ? (
              <div className="px-2 py-3" style={{ gridColumn: "1", gridRow: "2" }}>
                <div
                  className={cn(
                    "flex h-full min-h-36 flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-3 text-center text-xs text-slate-500",
                    touchpointTarget ? "border-indigo-400 bg-indigo-50/60 text-indigo-700" : "border-slate-200",
                  )}
                >
                  <span>{touchpointTarget ? "Drop here" : "No touchpoints yet"}</span>
                  {editing && !touchpointTarget && (
                    <button type="button" data-board-control onClick={() => editing.onAddTouchpoint(column.stage.id)} className={addButtonClasses("px-2.5 py-1")}>
                      <PlusIcon className="size-3.5" /> Add touchpoint
                    </button>
                  )}
                </div>
              </div>
            ) : (
              column.touchpoints.map((touchpoint, i) => {
                const own = insights.get(touchpoint.id) ?? [];
                const open = openFindings?.get(touchpoint.id);
                return (
                  <div key={touchpoint.id} className="relative px-2 pt-1 pb-3" style={{ gridColumn: String(i + 1), gridRow: "2" }}>
                    {touchpointTarget?.beforeId === touchpoint.id && <DropBar side="left" />}
                    {touchpointTarget && touchpointTarget.beforeId === null && i === column.touchpoints.length - 1 && <DropBar side="right" />}
                    <TouchpointCard
                      touchpoint={touchpoint}
                      obstacles={own.filter((o) => o.kind === "obstacle").length}
                      opportunities={own.filter((o) => o.kind === "opportunity").length}
                      openFindings={open && findingsHref ? { count: open, href: findingsHref(touchpoint.id) } : undefined}
                      comments={comments?.get(touchpoint.id)}
                      onOpenComments={onOpenComments && (() => onOpenComments(touchpoint.id))}
                      onOpen={editing ? () => editing.onEditTouchpoint(touchpoint.id) : onOpenTouchpoint && (() => onOpenTouchpoint(touchpoint.id))}
                      dragging={drag?.kind === "touchpoint" && drag.id === touchpoint.id}
                      selected={selectedTouchpointId === touchpoint.id}
                      actions={actionsFor(column, touchpoint.id)}
                      footer={cardFooter?.(touchpoint.id)}
                    />
                  </div>
                );
              })
            )}
          </section>
        );
      })}

      {editing && (
        <div data-board-control className="flex items-start justify-center border-l border-slate-200 px-3 pt-4" style={{ gridColumn: String(totalColumns + 2), gridRow: "1 / span 2" }}>
          <button type="button" onClick={() => editing.onAddStage()} className={addButtonClasses("w-full flex-col gap-1 py-4")}>
            <PlusIcon /> Add stage
          </button>
        </div>
      )}

      {/* Lanes: one cell per touchpoint, in the touchpoint's column. */}
      {columns.flatMap((column) =>
        column.touchpoints.flatMap((touchpoint, i) => touchpointLaneCells(
            touchpoint,
            insights.get(touchpoint.id) ?? [],
            String(column.firstColumn + i + 2),
            onOpenComments && ((obstacleId) => onOpenComments(touchpoint.id, obstacleId)),
          )),
      )}
      <div className="relative" style={{ gridColumn: `2 / span ${totalColumns}`, gridRow: laneRow("emotion"), height: EMOTION_LANE_HEIGHT }}>
        <EmotionCurve columns={columns} columnWidth={COLUMN_WIDTH} totalColumns={totalColumns} />
        {emotionOverlay && (
          <div className="absolute inset-0">
            {emotionOverlay({
              width: totalColumns * COLUMN_WIDTH,
              height: EMOTION_LANE_HEIGHT,
              columns: journeyOrder(columns).map(({ touchpoint, column }) => ({ touchpointId: touchpoint.id, x: column * COLUMN_WIDTH + COLUMN_WIDTH / 2 })),
            })}
          </div>
        )}
      </div>
    </div>
  );
}
