import { z } from "zod";
import { MAP_STATUSES, STAGE_TEMPLATE_KEYS } from "@/db/journey-constants";
import { idSchema, orgScoped, versionSchema } from "./common";

export const mapFields = {
  name: z.string().trim().min(1, "Give the map a name.").max(120, "At most 120 characters."),
  description: z.string().trim().max(2000, "At most 2000 characters.").default(""),
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
  limit: z.number().int().min(1).max(100).default(50),
});
