"use client";
// The journey as a wall chart: stages as header bands, one column per touchpoint under its
// stage, and lanes that line up under each touchpoint (channel, customer action, emotion,
// obstacles, opportunities, owning team). It renders from a plain canvas payload, so the
// public share page shows the same board; editing affordances appear only with `editing`.
import { useMemo, useState, type CSSProperties, type DragEvent, type ReactNode } from "react";
import { CHANNEL_LABELS, SEVERITY_LABELS } from "@/db/journey-constants";
import { cn } from "@/lib/cn";
import { ArrowRightIcon, PencilIcon, PlusIcon, TrashIcon } from "@/app/_components/icons";
import { BoardMenu, DotsIcon } from "./board-menu";
import { columnsOf, commentCountsByTouchpoint, insightsByTouchpoint, neighbourMove, type BoardCanvas, type BoardColumn } from "./canvas-model";
import { ChannelIcon } from "./channel-icon";
import { EMOTION_LANE_HEIGHT, EmotionAxis, EmotionCurve } from "./emotion";
import { SEVERITY_TONES, stageTone } from "./tones";
import { SparkIcon, TouchpointCard } from "./touchpoint-card";

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
  onOpenComments?: (touchpointId: string) => void;
  /** Opens a touchpoint for reading when the board is not editable. */
  onOpenTouchpoint?: (touchpointId: string) => void;
  /** A touchpoint to highlight, e.g. the one whose comments are open. */
  selectedTouchpointId?: string | null;
  className?: string;
}

export const COLUMN_WIDTH = 184;
const LABEL_WIDTH = 148;
const ADD_STAGE_WIDTH = 132;

type Drag = { kind: "touchpoint" | "stage"; id: string };
/** Where a drop would land: before a card or stage, or at the end (null). */
type DropTarget = { kind: "touchpoint"; stageId: string; beforeId: string | null } | { kind: "stage"; beforeId: string | null };

const LANES = [
  { key: "channel", label: "Channel" },
  { key: "action", label: "Customer action" },
  { key: "emotion", label: "Emotion" },
  { key: "obstacles", label: "Obstacles" },
  { key: "opportunities", label: "Opportunities" },
  { key: "team", label: "Owning team" },
] as const;
const FIRST_LANE_ROW = 3;

export function JourneyBoard({ canvas, id, editing, onOpenComments, onOpenTouchpoint, selectedTouchpointId, className }: JourneyBoardProps) {
  const columns = useMemo(() => columnsOf(canvas), [canvas]);
  const insights = useMemo(() => insightsByTouchpoint(canvas), [canvas]);
  const comments = useMemo(() => (onOpenComments ? commentCountsByTouchpoint(canvas) : null), [canvas, onOpenComments]);
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
      const move = touchpointDrop(columns, dragged.id, target.stageId, target.beforeId);
      if (move) editing.onMoveTouchpoint(dragged.id, target.stageId, move.afterTouchpointId);
    } else if (dragged.kind === "stage" && target.kind === "stage") {
      const move = stageDrop(columns, dragged.id, target.beforeId);
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
  const touchpointCol = (column: number) => String(column + 2);
  const laneRow = (lane: (typeof LANES)[number]["key"]) => String(FIRST_LANE_ROW + LANES.findIndex((l) => l.key === lane));

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
        <RowLabel key={`label-${lane.key}`} row={laneRow(lane.key)} className={lane.key === "emotion" ? "flex-row justify-between" : undefined}>
          <span className="text-xs font-semibold text-slate-700">{lane.label}</span>
          {lane.key === "emotion" && <EmotionAxis />}
        </RowLabel>
      ))}

      {columns.map((column, index) => {
        const tone = stageTone(index);
        const stageDrop = drop?.kind === "stage" ? drop : null;
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
            {stageDrop?.beforeId === column.stage.id && <DropBar side="left" tall />}
            {stageDrop && stageDrop.beforeId === null && index === columns.length - 1 && <DropBar side="right" tall />}
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
                    <button type="button" onClick={() => editing.onAddTouchpoint(column.stage.id)} className={addButtonClasses("px-2.5 py-1")}>
                      <PlusIcon className="size-3.5" /> Add touchpoint
                    </button>
                  )}
                </div>
              </div>
            ) : (
              column.touchpoints.map((touchpoint, i) => {
                const own = insights.get(touchpoint.id) ?? [];
                const left = editing && neighbourMove(columns, touchpoint.id, -1);
                const right = editing && neighbourMove(columns, touchpoint.id, 1);
                return (
                  <div key={touchpoint.id} className="relative px-2 pt-1 pb-3" style={{ gridColumn: String(i + 1), gridRow: "2" }}>
                    {touchpointTarget?.beforeId === touchpoint.id && <DropBar side="left" />}
                    {touchpointTarget && touchpointTarget.beforeId === null && i === column.touchpoints.length - 1 && <DropBar side="right" />}
                    <TouchpointCard
                      touchpoint={touchpoint}
                      obstacles={own.filter((o) => o.kind === "obstacle").length}
                      opportunities={own.filter((o) => o.kind === "opportunity").length}
                      comments={comments?.get(touchpoint.id)}
                      onOpenComments={onOpenComments && (() => onOpenComments(touchpoint.id))}
                      onOpen={editing ? () => editing.onEditTouchpoint(touchpoint.id) : onOpenTouchpoint && (() => onOpenTouchpoint(touchpoint.id))}
                      dragging={drag?.kind === "touchpoint" && drag.id === touchpoint.id}
                      selected={selectedTouchpointId === touchpoint.id}
                      actions={
                        !editing
                          ? undefined
                          : {
                          onEdit: () => editing.onEditTouchpoint(touchpoint.id),
                          onDelete: () => editing.onDeleteTouchpoint(touchpoint.id),
                          onMoveLeft: left ? () => editing.onMoveTouchpoint(touchpoint.id, left.stageId, left.afterTouchpointId) : null,
                          onMoveRight: right ? () => editing.onMoveTouchpoint(touchpoint.id, right.stageId, right.afterTouchpointId) : null,
                          moveTargets: columns
                            .filter((c) => c.stage.id !== column.stage.id)
                            .map((c) => ({
                              label: c.stage.name,
                              onSelect: () => editing.onMoveTouchpoint(touchpoint.id, c.stage.id, c.touchpoints.at(-1)?.id ?? null),
                            })),
                          onDragStart: startDrag("touchpoint", touchpoint.id),
                          onDragEnd: endDrag,
                        }
                      }
                    />
                  </div>
                );
              })
            )}
          </section>
        );
      })}

      {editing && (
        <div className="flex items-start justify-center border-l border-slate-200 px-3 pt-4" style={{ gridColumn: String(totalColumns + 2), gridRow: "1 / span 2" }}>
          <button type="button" onClick={() => editing.onAddStage()} className={addButtonClasses("w-full flex-col gap-1 py-4")}>
            <PlusIcon /> Add stage
          </button>
        </div>
      )}

      {/* Lanes: one cell per touchpoint, in the touchpoint's column. */}
      {columns.flatMap((column) =>
        column.touchpoints.map((touchpoint, i) => {
          const col = touchpointCol(column.firstColumn + i);
          const own = insights.get(touchpoint.id) ?? [];
          return [
            <LaneCell key={`channel-${touchpoint.id}`} col={col} row={laneRow("channel")}>
              <span className="flex items-center gap-1.5 text-xs text-slate-700">
                <ChannelIcon channel={touchpoint.channel} className="size-4 text-slate-400" />
                {CHANNEL_LABELS[touchpoint.channel]}
              </span>
            </LaneCell>,
            <LaneCell key={`action-${touchpoint.id}`} col={col} row={laneRow("action")}>
              {touchpoint.customerAction ? (
                <p className="line-clamp-4 text-xs leading-snug text-slate-700" title={touchpoint.customerAction}>
                  {touchpoint.customerAction}
                </p>
              ) : (
                <Missing />
              )}
            </LaneCell>,
            <LaneCell key={`obstacles-${touchpoint.id}`} col={col} row={laneRow("obstacles")}>
              <InsightList items={own.filter((o) => o.kind === "obstacle")} kind="obstacle" />
            </LaneCell>,
            <LaneCell key={`opportunities-${touchpoint.id}`} col={col} row={laneRow("opportunities")}>
              <InsightList items={own.filter((o) => o.kind === "opportunity")} kind="opportunity" />
            </LaneCell>,
            <LaneCell key={`team-${touchpoint.id}`} col={col} row={laneRow("team")}>
              {touchpoint.teamName ? (
                <span className="inline-flex max-w-full items-center gap-1.5 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700" title={touchpoint.teamName}>
                  <span className="size-1.5 shrink-0 rounded-full bg-slate-400" />
                  <span className="truncate">{touchpoint.teamName}</span>
                </span>
              ) : (
                <Missing />
              )}
            </LaneCell>,
          ];
        }),
      )}
      <div className="py-1" style={{ gridColumn: `2 / span ${totalColumns}`, gridRow: laneRow("emotion"), height: EMOTION_LANE_HEIGHT }}>
        <EmotionCurve columns={columns} columnWidth={COLUMN_WIDTH} totalColumns={totalColumns} />
      </div>
    </div>
  );
}

/** The move a drop makes, or null when the card would stay where it is. */
function touchpointDrop(columns: readonly BoardColumn[], touchpointId: string, stageId: string, beforeId: string | null) {
  if (beforeId === touchpointId) return null;
  const target = columns.find((c) => c.stage.id === stageId);
  if (!target) return null;
  const others = target.touchpoints.map((t) => t.id).filter((id) => id !== touchpointId);
  const afterTouchpointId = beforeId ? (others[others.indexOf(beforeId) - 1] ?? null) : (others.at(-1) ?? null);
  const source = columns.find((c) => c.touchpoints.some((t) => t.id === touchpointId));
  if (source?.stage.id === stageId) {
    const ids = source.touchpoints.map((t) => t.id);
    const currentAfter = ids[ids.indexOf(touchpointId) - 1] ?? null;
    if (currentAfter === afterTouchpointId) return null;
  }
  return { afterTouchpointId };
}

function stageDrop(columns: readonly BoardColumn[], stageId: string, beforeId: string | null) {
  if (beforeId === stageId) return null;
  const ids = columns.map((c) => c.stage.id);
  const others = ids.filter((id) => id !== stageId);
  const afterStageId = beforeId ? (others[others.indexOf(beforeId) - 1] ?? null) : (others.at(-1) ?? null);
  if ((ids[ids.indexOf(stageId) - 1] ?? null) === afterStageId) return null;
  return { afterStageId };
}

interface StageHeaderProps {
  column: BoardColumn;
  index: number;
  tone: ReturnType<typeof stageTone>;
  columns: readonly BoardColumn[];
  editing?: BoardEditing;
  dragging: boolean;
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}

function StageHeader({ column, index, tone, columns, editing, dragging, onDragStart, onDragEnd }: StageHeaderProps) {
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
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className={cn("text-[10px] font-semibold tracking-wider uppercase opacity-60", tone.text)}>Stage {index + 1}</p>
          <h2 className={cn("truncate text-sm font-semibold", tone.text)} title={stage.name}>
            {stage.name}
          </h2>
        </div>
        <div className="flex shrink-0 items-center gap-0.5">
          <span className="rounded-full bg-white/70 px-1.5 py-0.5 text-[11px] font-medium text-slate-600 tabular-nums" title={`${touchpoints.length} touchpoints`}>
            {touchpoints.length}
            <span className="sr-only"> {touchpoints.length === 1 ? "touchpoint" : "touchpoints"}</span>
          </span>
          {editing && (
            <>
              {touchpoints.length > 0 && (
                <button
                  type="button"
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
      {stage.description && (
        <p className="mt-1 line-clamp-2 text-xs leading-snug text-slate-600" title={stage.description}>
          {stage.description}
        </p>
      )}
    </header>
  );
}

function RowLabel({ row, children, className }: { row: string; children: ReactNode; className?: string }) {
  return (
    <div
      className={cn("sticky left-0 z-20 flex flex-col border-r border-slate-200 bg-slate-50 px-3 py-2.5 shadow-[4px_0_8px_-6px_rgba(15,23,42,0.15)]", className)}
      style={{ gridColumn: "1", gridRow: row }}
    >
      {children}
    </div>
  );
}

function LaneCell({ col, row, children }: { col: string; row: string; children: ReactNode }) {
  return (
    <div className="min-w-0 px-3 py-2.5" style={{ gridColumn: col, gridRow: row }}>
      {children}
    </div>
  );
}

function InsightList({ items, kind }: { items: BoardCanvas["obstacles"]; kind: "obstacle" | "opportunity" }) {
  if (items.length === 0) return <Missing />;
  return (
    <ul className="space-y-1.5">
      {items.map((item) => (
        <li
          key={item.id}
          title={`${SEVERITY_LABELS[item.severity]}: ${item.title}`}
          className={cn(
            "rounded-r border-l-[3px] px-2 py-1 text-[11.5px] leading-snug",
            kind === "obstacle" ? cn(SEVERITY_TONES[item.severity].border, SEVERITY_TONES[item.severity].chip) : "border-emerald-500 bg-emerald-50 text-emerald-950",
          )}
        >
          {kind === "opportunity" && <SparkIcon className="mr-1 inline size-3 -translate-y-px text-emerald-600" />}
          <span className="sr-only">{`${SEVERITY_LABELS[item.severity]} severity: `}</span>
          <span className="line-clamp-3 inline">{item.title}</span>
        </li>
      ))}
    </ul>
  );
}

function Missing() {
  return <span className="text-xs text-slate-300">—</span>;
}

function DropBar({ side, tall }: { side: "left" | "right"; tall?: boolean }) {
  return (
    <span
      aria-hidden
      data-drop-indicator
      className={cn("pointer-events-none absolute z-30 w-1 rounded-full bg-indigo-500 shadow-[0_0_0_3px_rgba(99,102,241,0.2)]", tall ? "top-1 bottom-1" : "top-1 bottom-3", side === "left" ? "-left-0.5" : "-right-0.5")}
    />
  );
}

function addButtonClasses(extra: string) {
  return cn(
    "inline-flex items-center justify-center gap-1.5 rounded-md border border-dashed border-slate-300 bg-white/70 text-xs font-medium text-slate-600 hover:border-indigo-400 hover:bg-indigo-50 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600",
    extra,
  );
}
