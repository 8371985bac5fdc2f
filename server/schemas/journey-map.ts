import { z } from "zod";
import { MAP_STATUSES, STAGE_TEMPLATE_KEYS } from "@/db/journey-constants";
import { idSchema, orgScoped, versionSchema } from "./common";
import { cappedText, LIST_LIMITS, requiredText, TEXT_LIMITS } from "./limits";

export const mapFields = {
  name: requiredText(TEXT_LIMITS.mapName, "Give the map a name."),
  description: cappedText(TEXT_LIMITS.mapDescription).default(""),
  personaId: idSchema.nullable().default(null),
};

export const createMapInput = orgScoped.extend({
  ...mapFields,
  template: z.enum(STAGE_TEMPLATE_KEYS, "Pick a template.").default("purchase"),
});
export const updateMapInput = orgScoped.extend({
  mapId: idSchema,
  version: versionSchema,
  ...mapFields,
  status: z.enum(MAP_STATUSES, "Unknown status."),
  ownerUserId: idSchema.nullable(),
});
export const mapInput = orgScoped.extend({ mapId: idSchema });
export const mapHistoryInput = orgScoped.extend({
  mapId: idSchema,
  /** The last event id of the previous page. */
  cursor: idSchema.optional(),
  limit: z.number().int().min(1).max(LIST_LIMITS.page).default(50),
});
