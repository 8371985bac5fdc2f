// The public API's findings bodies and query (GET/POST /api/v1/findings, GET/PATCH
// /api/v1/findings/<id>): the same fields and limits as the app's forms, in REST's spelling.
import { z } from "zod";
import { FINDING_STATUSES } from "@/db/finding-constants";
import { SEVERITIES } from "@/db/journey-constants";
import { idSchema, versionSchema } from "./common";
import { FINDING_LIMITS, updateFindingInput } from "./findings";
import { cappedText, requiredText } from "./limits";

export const REST_FINDINGS_PAGE = { default: 50, max: 200 } as const;
export const REST_FINDINGS_BODY_LIMIT = 256 * 1024;

const statusSchema = z.enum(FINDING_STATUSES, `Unknown status; use ${FINDING_STATUSES.join(", ")}.`);

export const restFindingsQuerySchema = z.strictObject({
  /** Comma-separated statuses. */
  status: z
    .string()
    .max(200)
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(statusSchema))
    .optional(),
  team: idSchema.optional(),
  touchpoint: idSchema.optional(),
  updatedSince: z.iso.datetime({ offset: true, message: "Use an ISO 8601 time, e.g. 2026-11-30T09:00:00Z." }).optional(),
  cursor: cappedText(100).optional(),
  limit: z.coerce.number("Use a whole number.").int("Use a whole number.").min(1, "At least 1.").max(REST_FINDINGS_PAGE.max, `At most ${REST_FINDINGS_PAGE.max}.`).default(REST_FINDINGS_PAGE.default),
});

export const restCreateFindingSchema = z.strictObject({
  title: requiredText(FINDING_LIMITS.title, "Give the finding a title."),
  description: cappedText(FINDING_LIMITS.description).default(""),
  /** The touchpoint's id or key. */
  touchpoint: cappedText(100).optional(),
  severity: z.enum(SEVERITIES, `Unknown severity; use ${SEVERITIES.join(", ")}.`).optional(),
  labels: updateFindingInput.shape.labels.unwrap().default([]),
  responseIds: z.array(idSchema).max(100, "At most 100 responses at once.").default([]),
});

const { orgSlug: _org, findingId: _id, version: _version, ...editable } = updateFindingInput.shape;

export const restPatchFindingSchema = z
  .strictObject({
    version: versionSchema,
    ...editable,
    status: statusSchema.optional(),
    reason: cappedText(FINDING_LIMITS.declineReason).optional(),
    duplicateOfId: idSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 1, { message: "Send at least one field to change besides version.", path: ["version"] });
