// The canvas payload as the board reads it: stages as columns of touchpoints, and the pure
// reorderings a drag applies locally before the server confirms them.
import type { MapFindings } from "@/server/services/findings/map-counts";
import type { Canvas } from "@/server/services/journey-maps";

/** The plain canvas (a share link has no comment counts nor findings) or the members' canvas (it has them). */
export type BoardCanvas = Canvas & { commentCounts?: readonly { targetId: string; count: number }[]; findings?: MapFindings };
export type ObstacleFinding = MapFindings["ofObstacles"][number];
export type BoardStage = Canvas["stages"][number];
export type BoardTouchpoint = Canvas["touchpoints"][number];
export type BoardInsight = Canvas["obstacles"][number];

export interface BoardColumn {
  stage: BoardStage;
  touchpoints: BoardTouchpoint[];
  /** Index of the stage's first grid column among all touchpoint columns of the board. */
  firstColumn: number;
  /** Grid columns the stage takes: one per touchpoint, one for an empty stage. */
  span: number;
}

export function columnsOf(canvas: Pick<Canvas, "stages" | "touchpoints">): BoardColumn[] {
  let next = 0;
  return canvas.stages.map((stage) => {
    const touchpoints = canvas.touchpoints.filter((t) => t.stageId === stage.id);
    const column = { stage, touchpoints, firstColumn: next, span: Math.max(1, touchpoints.length) };
    next += column.span;
    return column;
  });
}

/** Touchpoints in journey order: stage by stage, then within each stage. */
export function journeyOrder(columns: readonly BoardColumn[]): { touchpoint: BoardTouchpoint; column: number }[] {
  return columns.flatMap((c) => c.touchpoints.map((touchpoint, i) => ({ touchpoint, column: c.firstColumn + i })));
}

export function insightsByTouchpoint(canvas: Pick<Canvas, "obstacles">): Map<string, BoardInsight[]> {
  const byTouchpoint = new Map<string, BoardInsight[]>();
  for (const insight of canvas.obstacles) {
    const list = byTouchpoint.get(insight.touchpointId) ?? [];
    list.push(insight);
    byTouchpoint.set(insight.touchpointId, list);
  }
  return byTouchpoint;
}

/** Comments on a touchpoint, counting those on its obstacles and opportunities too. */
export function commentCountsByTouchpoint(canvas: BoardCanvas): Map<string, number> {
  const byTarget = new Map((canvas.commentCounts ?? []).map((c) => [c.targetId, c.count]));
  const counts = new Map<string, number>();
  for (const touchpoint of canvas.touchpoints) counts.set(touchpoint.id, byTarget.get(touchpoint.id) ?? 0);
  for (const insight of canvas.obstacles) {
    const n = byTarget.get(insight.id);
    if (n) counts.set(insight.touchpointId, (counts.get(insight.touchpointId) ?? 0) + n);
  }
  return counts;
}

/** Open findings per touchpoint (only touchpoints that have some). */
export function openFindingsByTouchpoint(canvas: BoardCanvas): Map<string, number> {
  return new Map((canvas.findings?.openByTouchpoint ?? []).map((f) => [f.touchpointId, f.open]));
}

/** The finding each obstacle became, by obstacle id. */
export function findingsByObstacle(canvas: BoardCanvas): Map<string, ObstacleFinding> {
  return new Map((canvas.findings?.ofObstacles ?? []).map((f) => [f.obstacleId, f]));
}

/** The canvas with a touchpoint moved after another in a stage (null: first), as the server will order it. */
export function withTouchpointMoved<T extends Pick<Canvas, "touchpoints">>(canvas: T, touchpointId: string, stageId: string, afterTouchpointId: string | null): T {
  const moving = canvas.touchpoints.find((t) => t.id === touchpointId);
  if (!moving) return canvas;
  const rest = canvas.touchpoints.filter((t) => t.id !== touchpointId);
  const moved = { ...moving, stageId };
  let index: number;
  if (afterTouchpointId) {
    index = rest.findIndex((t) => t.id === afterTouchpointId) + 1;
  } else {
    // First of its stage: just before the stage's current first touchpoint, or anywhere if empty
    // (the board groups by stage, so only the order within a stage matters).
    const first = rest.findIndex((t) => t.stageId === stageId);
    index = first === -1 ? rest.length : first;
  }
  return { ...canvas, touchpoints: [...rest.slice(0, index), moved, ...rest.slice(index)] };
}

export function withStageMoved<T extends Pick<Canvas, "stages">>(canvas: T, stageId: string, afterStageId: string | null): T {
  const moving = canvas.stages.find((s) => s.id === stageId);
  if (!moving) return canvas;
  const rest = canvas.stages.filter((s) => s.id !== stageId);
  const index = afterStageId ? rest.findIndex((s) => s.id === afterStageId) + 1 : 0;
  return { ...canvas, stages: [...rest.slice(0, index), moving, ...rest.slice(index)] };
}

/** Where "move left / right" takes a touchpoint: past its neighbour, or across into the next stage. */
export function neighbourMove(
  columns: readonly BoardColumn[],
  touchpointId: string,
  direction: -1 | 1,
): { stageId: string; afterTouchpointId: string | null } | null {
  const stageIndex = columns.findIndex((c) => c.touchpoints.some((t) => t.id === touchpointId));
  const column = columns[stageIndex];
  if (!column) return null;
  const ids = column.touchpoints.map((t) => t.id);
  const index = ids.indexOf(touchpointId);
  const target = index + direction;
  if (target >= 0 && target < ids.length) {
    // Left: after the card two places back (or first); right: after the next card.
    return { stageId: column.stage.id, afterTouchpointId: direction === -1 ? (ids[index - 2] ?? null) : ids[target]! };
  }
  const nextStage = columns[stageIndex + direction];
  if (!nextStage) return null;
  // Into the neighbouring stage: at its end going left, at its start going right.
  return { stageId: nextStage.stage.id, afterTouchpointId: direction === -1 ? (nextStage.touchpoints.at(-1)?.id ?? null) : null };
}

/** What dropping a card before `beforeId` (null: at the end of the stage) does; null when it would stay where it is. */
export function touchpointDropMove(columns: readonly BoardColumn[], touchpointId: string, stageId: string, beforeId: string | null) {
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

/** What dropping a stage before `beforeId` (null: at the end) does; null when it would stay where it is. */
export function stageDropMove(columns: readonly BoardColumn[], stageId: string, beforeId: string | null) {
  if (beforeId === stageId) return null;
  const ids = columns.map((c) => c.stage.id);
  const others = ids.filter((id) => id !== stageId);
  const afterStageId = beforeId ? (others[others.indexOf(beforeId) - 1] ?? null) : (others.at(-1) ?? null);
  if ((ids[ids.indexOf(stageId) - 1] ?? null) === afterStageId) return null;
  return { afterStageId };
}
