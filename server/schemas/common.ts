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
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")).pipe(z.string().max(254, "At most 254 characters."));
export const versionSchema = z.number().int().positive();

/** Field name → messages from validation issues (zod or any standard schema), for forms. */
export function fieldErrorsFromIssues(issues: readonly { path?: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path?.length ? String(issue.path[0]) : "_form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
