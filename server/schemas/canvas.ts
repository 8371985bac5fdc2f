// Inputs of the map canvas: stages, touchpoints, and the obstacles and opportunities on them.
import { z } from "zod";
import { CHANNELS, INSIGHT_KINDS, SEVERITIES } from "@/db/journey-constants";
import { idSchema, orgScoped, versionSchema } from "./common";

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

export const stageFields = {
  name: z.string().trim().min(1, "Give the stage a name.").max(60, "At most 60 characters."),
  description: text(500).default(""),
};
export const createStageInput = orgScoped.extend({
  mapId: idSchema,
  ...stageFields,
  /** The stage it should follow; null to make it the first; left out to add it at the end. */
  afterStageId: idSchema.nullable().optional(),
});
export const updateStageInput = orgScoped.extend({ stageId: idSchema, version: versionSchema, ...stageFields });
export const moveStageInput = orgScoped.extend({
  stageId: idSchema,
  /** The stage it should follow; null to make it the first. */
  afterStageId: idSchema.nullable(),
});
export const deleteStageInput = orgScoped.extend({ stageId: idSchema });

/** Letters, digits, dots, dashes and underscores: it appears in CSV exports and survey imports. */
export const touchpointKeySchema = z
  .string()
  .trim()
  .min(2, "At least 2 characters.")
  .max(60, "At most 60 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Letters, digits, dots, dashes and underscores; start with a letter or digit.");

export const emotionSchema = z.number().int("A whole number from −2 to +2.").min(-2, "From −2 to +2.").max(2, "From −2 to +2.");

export const touchpointFields = {
  name: z.string().trim().min(1, "Give the touchpoint a name.").max(80, "At most 80 characters."),
  key: touchpointKeySchema,
  channel: z.enum(CHANNELS, "Pick a channel."),
  description: text(1000).default(""),
  teamId: idSchema.nullable().default(null),
  customerAction: text(300).default(""),
  expectedEmotion: emotionSchema.nullable().default(null),
  notes: text(2000).default(""),
};
export const createTouchpointInput = orgScoped.extend({
  stageId: idSchema,
  ...touchpointFields,
  /** Optional on create: a key is derived from the name when left out. */
  key: touchpointKeySchema.optional(),
});
export const updateTouchpointInput = orgScoped.extend({ touchpointId: idSchema, version: versionSchema, ...touchpointFields });
export const moveTouchpointInput = orgScoped.extend({
  touchpointId: idSchema,
  stageId: idSchema,
  /** The touchpoint it should follow in that stage; null to make it the first. */
  afterTouchpointId: idSchema.nullable(),
});
export const deleteTouchpointInput = orgScoped.extend({ touchpointId: idSchema });

export const obstacleFields = {
  kind: z.enum(INSIGHT_KINDS, "Obstacle or opportunity."),
  title: z.string().trim().min(1, "Give it a title.").max(140, "At most 140 characters."),
  description: text(2000).default(""),
  severity: z.enum(SEVERITIES, "Pick a severity."),
};
export const createObstacleInput = orgScoped.extend({ touchpointId: idSchema, ...obstacleFields });
export const updateObstacleInput = orgScoped.extend({ obstacleId: idSchema, version: versionSchema, ...obstacleFields });
export const deleteObstacleInput = orgScoped.extend({ obstacleId: idSchema });
