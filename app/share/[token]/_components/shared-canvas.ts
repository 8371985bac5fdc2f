// The shared view (no ids: see SharedMapView) laid out as the canvas the journey board
// reads. Positions stand in for ids, and the fields a board never shows to a reader
// (versions, notes, owner) are left empty, so the one board component serves both pages.
import type { BoardCanvas } from "@/app/_components/journey-canvas/canvas-model";
import type { SharedMapView } from "@/server/services/share-links";

export function boardCanvasOf(view: SharedMapView): BoardCanvas {
  const canvas: BoardCanvas = {
    map: { ...view.map, id: "map", version: 0, personaId: null, ownerUserId: null, ownerName: null, createdAt: new Date(0) },
    persona: view.persona && { ...view.persona, id: "persona" },
    stages: [],
    touchpoints: [],
    obstacles: [],
  };
  view.stages.forEach((stage, s) => {
    const stageId = `stage-${s}`;
    canvas.stages.push({ id: stageId, name: stage.name, description: stage.description, position: String(s), version: 0 });
    stage.touchpoints.forEach(({ insights, ...touchpoint }, t) => {
      const touchpointId = `${stageId}-touchpoint-${t}`;
      canvas.touchpoints.push({ ...touchpoint, id: touchpointId, stageId, position: String(t), teamId: null, notes: "", version: 0 });
      insights.forEach((insight, i) => canvas.obstacles.push({ ...insight, id: `${touchpointId}-insight-${i}`, touchpointId, version: 0 }));
    });
  });
  return canvas;
}
