import { kebabCase } from "@/lib/slug";
import { z } from "zod";
import { orgScoped, orgSlugSchema } from "./common";
import { TEXT_LIMITS } from "./limits";
import { timeZoneSchema } from "./survey";

export const organizationNameSchema = z
  .string()
  .trim()
  .min(2, "At least 2 characters.")
  .max(TEXT_LIMITS.organizationName, `At most ${TEXT_LIMITS.organizationName} characters.`);

export const createOrganizationInput = z.object({
  name: organizationNameSchema,
  /** Optional: derived from the name when left empty. */
  slug: z.union([orgSlugSchema, z.literal("").transform(() => undefined)]).optional(),
});

export const updateOrganizationInput = orgScoped.extend({ name: organizationNameSchema });

/** The organization's time zone: days, weeks and months of every screen, the API and the CLI. */
export const setTimeZoneInput = orgScoped.extend({ timeZone: timeZoneSchema });

/**
 * The address derived from an organization's name. Shared by the server (which also
 * resolves collisions) and the form that previews it.
 */
export function slugify(name: string): string {
  // "Smith & Sons" reads better as smith-and-sons than smith-sons in a URL.
  const base = kebabCase(name.replace(/&/g, " and "), 40);
  return base.length >= 2 ? base : `org-${base || "new"}`;
}
