// How the columns of a survey export become responses: which column holds the response id,
// the time, each score, the comment, the channel, the touchpoint and the segment attributes.
// Saved on the survey so the next export of the same tool imports without questions.
import { z } from "zod";
import { RESPONSE_LIMITS } from "@/db/survey-constants";
import { touchpointKeySchema } from "./canvas";

const columnName = z.string().trim().min(1, "Choose a column.").max(300, "At most 300 characters.");

export const segmentKeySchema = z
  .string()
  .trim()
  .min(1, "Give the segment a key.")
  .max(RESPONSE_LIMITS.segmentKeyLength, `At most ${RESPONSE_LIMITS.segmentKeyLength} characters.`)
  .regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "Lowercase letters, digits and single underscores (e.g. age_band).");

export const columnMappingSchema = z
  .object({
    /** null: the file has no response id; each row gets one derived from its content. */
    responseId: columnName.nullable(),
    submittedAt: z.object({
      column: columnName,
      dateOrder: z.enum(["ymd", "mdy", "dmy"]),
      /** The zone of times written without one; null: the zone the export states, else the survey's. */
      timeZone: z.string().max(64).nullable(),
    }),
    csat: columnName.nullable(),
    nps: columnName.nullable(),
    ces: columnName.nullable(),
    comment: columnName.nullable(),
    channel: columnName.nullable(),
    touchpoint: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("column"), column: columnName }),
      z.object({ kind: z.literal("fixed"), touchpointKey: touchpointKeySchema }),
    ]),
    segments: z
      .array(z.object({ key: segmentKeySchema, column: columnName }))
      .max(RESPONSE_LIMITS.segmentKeys, `At most ${RESPONSE_LIMITS.segmentKeys} segment columns.`),
  })
  .refine((m) => m.csat || m.nps || m.ces, { message: "Choose at least one score column (CSAT, NPS or CES).", path: ["csat"] })
  .refine((m) => new Set(m.segments.map((s) => s.key)).size === m.segments.length, { message: "Two segments share a key.", path: ["segments"] });

export type ColumnMapping = z.infer<typeof columnMappingSchema>;
