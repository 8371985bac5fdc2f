import { z } from "zod";
import { orgScoped, orgSlugSchema } from "./common";

export const organizationNameSchema = z.string().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters.");

export const createOrganizationInput = z.object({
  name: organizationNameSchema,
  /** Optional: derived from the name when left empty. */
  slug: z.union([orgSlugSchema, z.literal("").transform(() => undefined)]).optional(),
});

export const updateOrganizationInput = orgScoped.extend({ name: organizationNameSchema });
