// Surveys: the feedback sources responses are imported into. The column mapping saved on a
// survey has its own schema (survey-mapping.ts); these are the survey's own fields.
import { z } from "zod";
import { idSchema, orgScoped, versionSchema } from "./common";
import { requiredText, TEXT_LIMITS } from "./limits";

/** An IANA name's shape; the server checks the runtime knows it (server/ingest/timestamps.ts isTimeZone). */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone.")
  .max(64, "At most 64 characters.")
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, "A time zone name such as Europe/Paris or UTC.");

export const surveyFields = {
  name: requiredText(TEXT_LIMITS.surveyName, "Give the survey a name."),
  /** Where responses go when the file names no touchpoint. */
  defaultTouchpointId: idSchema.nullable().default(null),
  timeZone: timeZoneSchema.default("UTC"),
};

export const createSurveyInput = orgScoped.extend(surveyFields);
export const updateSurveyInput = orgScoped.extend({ surveyId: idSchema, version: versionSchema, ...surveyFields });
export const surveyInput = orgScoped.extend({ surveyId: idSchema });

export type SurveyFields = z.infer<z.ZodObject<typeof surveyFields>>;

/** The upload route's query: which survey, and what to do with the file. */
export const importUploadQuery = z.object({
  survey: idSchema,
  /** preview: read the first megabyte and propose a mapping; dry-run: validate everything, store nothing; import: store. */
  mode: z.enum(["preview", "dry-run", "import"], "mode is preview, dry-run or import."),
  fileName: z.string().trim().max(255, "At most 255 characters.").optional(),
  skipInvalid: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
  /** The browser sent a slice of a longer file (preview only). */
  truncated: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
});

/** The confirmed mapping travels in this header (URI-encoded JSON), since the body is the file. */
export const MAPPING_HEADER = "x-waymark-mapping";
