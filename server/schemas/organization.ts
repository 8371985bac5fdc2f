import { z } from "zod";
import { orgScoped, orgSlugSchema } from "./common";

export const organizationNameSchema = z.string().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters.");

export const createOrganizationInput = z.object({
  name: organizationNameSchema,
  /** Optional: derived from the name when left empty. */
  slug: z.union([orgSlugSchema, z.literal("").transform(() => undefined)]).optional(),
});

export const updateOrganizationInput = orgScoped.extend({ name: organizationNameSchema });

/**
 * The address derived from an organization's name. Shared by the server (which also
 * resolves collisions) and the form that previews it.
 */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base.length >= 2 ? base : `org-${base || "new"}`;
}
