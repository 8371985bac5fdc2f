// Building blocks shared by the input schemas of every domain.
import { z } from "zod";
import { ROLES } from "@/db/constants";

export const orgSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters.")
  .max(48, "At most 48 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lowercase letters, digits and single dashes only.");

/** Every org-scoped input carries the organization from the URL. */
export const orgScoped = z.object({ orgSlug: orgSlugSchema });

export const idSchema = z.uuid("Not a valid id.");
export const roleSchema = z.enum(ROLES, "Unknown role.");
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")).pipe(z.string().max(254));
export const versionSchema = z.number().int().positive();
