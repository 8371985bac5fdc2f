// The JSON document a journey map is exported as and imported from: self-contained, by
// names rather than ids (teams are matched by name in the importing organization), so it
// can be re-imported as a copy here or in another organization.
import { z } from "zod";
import { MAP_STATUSES } from "@/db/journey-constants";
import { orgScoped } from "./common";
import { cappedText, LIST_LIMITS, TEXT_LIMITS } from "./limits";
import { obstacleFields, stageFields, touchpointFields } from "./canvas";
import { mapFields } from "./journey-map";
import { personaFields } from "./persona";

export const MAP_DOCUMENT_FORMAT = "waymark.journey-map";
export const MAP_DOCUMENT_VERSION = 1;

const { teamId: _teamId, ...touchpointContent } = touchpointFields;

/** The per-list caps still allow millions of rows in one file; a map on a wall has far fewer. */
const MAX_TOUCHPOINTS = LIST_LIMITS.touchpointsPerMap;
const MAX_INSIGHTS = LIST_LIMITS.insightsPerMap;
const atMostItems = (max: number) => `At most ${max} items.`;

export const mapDocumentSchema = z
  .object({
    format: z.literal(MAP_DOCUMENT_FORMAT, "This is not a Waymark journey map export."),
    version: z.literal(MAP_DOCUMENT_VERSION, "This export comes from a newer version of Waymark."),
    exportedAt: cappedText(TEXT_LIMITS.token).optional(),
    map: z.object({ name: mapFields.name, description: mapFields.description, status: z.enum(MAP_STATUSES, "Unknown status.") }),
    persona: z.object(personaFields).nullable(),
    stages: z
      .array(
        z.object({
          ...stageFields,
          touchpoints: z
            .array(
              z.object({
                ...touchpointContent,
                /** The owning team's name; null when none. */
                team: cappedText(TEXT_LIMITS.teamName).nullable(),
                obstacles: z.array(z.object(obstacleFields)).max(LIST_LIMITS.insightsPerTouchpoint, atMostItems(LIST_LIMITS.insightsPerTouchpoint)),
              }),
            )
            .max(LIST_LIMITS.touchpointsPerStage, atMostItems(LIST_LIMITS.touchpointsPerStage)),
        }),
      )
      .max(LIST_LIMITS.stagesPerMap, atMostItems(LIST_LIMITS.stagesPerMap)),
  })
  .check((ctx) => {
    const touchpoints = ctx.value.stages.flatMap((stage) => stage.touchpoints);
    if (touchpoints.length > MAX_TOUCHPOINTS) {
      ctx.issues.push({ code: "custom", input: ctx.value, message: `A map can hold at most ${MAX_TOUCHPOINTS} touchpoints; this file has ${touchpoints.length}.` });
    }
    const insights = touchpoints.reduce((n, tp) => n + tp.obstacles.length, 0);
    if (insights > MAX_INSIGHTS) {
      ctx.issues.push({ code: "custom", input: ctx.value, message: `A map can hold at most ${MAX_INSIGHTS} obstacles and opportunities; this file has ${insights}.` });
    }
  });
export type MapDocument = z.infer<typeof mapDocumentSchema>;

export const importMapInput = orgScoped.extend({ document: mapDocumentSchema });
