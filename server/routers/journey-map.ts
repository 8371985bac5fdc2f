// Journey maps: the list, the canvas, the map's own fields, its history, export and import.
import { createMapInput, mapHistoryInput, mapInput, updateMapInput } from "../schemas/journey-map";
import { importMapInput } from "../schemas/map-transfer";
import { createMap, deleteMap, getCanvas, getRevision, listMaps, updateMap } from "../services/journey-maps";
import { listMapHistory } from "../services/map-history";
import { exportMapDocument, exportTouchpointsCsv, importMapDocument } from "../services/map-transfer";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const journeyMapRouter = router({
  list: orgProcedure("journey.read").query(({ ctx }) => listMaps(ctx.db, ctx.org)),
  get: orgProcedure("journey.read").input(mapInput).query(({ ctx, input }) => getCanvas(ctx.db, ctx.org, input)),
  /** Polled by open canvases to pick up other people's changes. */
  revision: orgProcedure("journey.read").input(mapInput).query(({ ctx, input }) => getRevision(ctx.db, ctx.org, input)),
  history: orgProcedure("journey.read").input(mapHistoryInput).query(({ ctx, input }) => listMapHistory(ctx.db, ctx.org, input)),
  create: orgProcedure("journey.edit").input(createMapInput).mutation(({ ctx, input }) => createMap(ctx.db, ctx.org, input)),
  update: orgProcedure("journey.edit").input(updateMapInput).mutation(({ ctx, input }) => updateMap(ctx.db, ctx.org, input)),
  delete: orgProcedure("journey.delete").input(mapInput).mutation(({ ctx, input }) => deleteMap(ctx.db, ctx.org, input)),
  exportJson: orgProcedure("journey.read").input(mapInput).query(({ ctx, input }) => exportMapDocument(ctx.db, ctx.org, input)),
  exportCsv: orgProcedure("journey.read").input(mapInput).query(({ ctx, input }) => exportTouchpointsCsv(ctx.db, ctx.org, input)),
  import: orgProcedure("journey.edit").input(importMapInput).mutation(({ ctx, input }) => importMapDocument(ctx.db, ctx.org, input)),
});
