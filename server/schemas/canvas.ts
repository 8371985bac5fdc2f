// Inputs of the map canvas: stages, touchpoints, and the obstacles and opportunities on them.
import { z } from "zod";
import { CHANNELS, INSIGHT_KINDS, SEVERITIES } from "@/db/journey-constants";
import { idSchema, orgScoped, versionSchema } from "./common";
import { cappedText, requiredText, TEXT_LIMITS } from "./limits";

export const stageFields = {
  name: requiredText(TEXT_LIMITS.stageName, "Give the stage a name."),
  description: cappedText(TEXT_LIMITS.stageDescription).default(""),
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
  .max(TEXT_LIMITS.touchpointKey, `At most ${TEXT_LIMITS.touchpointKey} characters.`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Letters, digits, dots, dashes and underscores; start with a letter or digit.");

export const emotionSchema = z.number().int("A whole number from −2 to +2.").min(-2, "From −2 to +2.").max(2, "From −2 to +2.");

export const touchpointFields = {
  name: requiredText(TEXT_LIMITS.touchpointName, "Give the touchpoint a name."),
  key: touchpointKeySchema,
  channel: z.enum(CHANNELS, "Pick a channel."),
  description: cappedText(TEXT_LIMITS.touchpointDescription).default(""),
  teamId: idSchema.nullable().default(null),
  customerAction: cappedText(TEXT_LIMITS.customerAction).default(""),
  expectedEmotion: emotionSchema.nullable().default(null),
  notes: cappedText(TEXT_LIMITS.touchpointNotes).default(""),
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
  title: requiredText(TEXT_LIMITS.insightTitle, "Give it a title."),
  description: cappedText(TEXT_LIMITS.insightDescription).default(""),
  severity: z.enum(SEVERITIES, "Pick a severity."),
};
export const createObstacleInput = orgScoped.extend({ touchpointId: idSchema, ...obstacleFields });
export const updateObstacleInput = orgScoped.extend({ obstacleId: idSchema, version: versionSchema, ...obstacleFields });
export const deleteObstacleInput = orgScoped.extend({ obstacleId: idSchema });
