// Inputs of threshold alerts: which touchpoint, which figure, below or above what, over how
// many days and with at least how many answers. The threshold's range depends on the figure.
import { z } from "zod";
import { ALERT_COMPARISONS, ALERT_LIMITS, ALERT_METRICS, ALERT_METRIC_LABELS, ALERT_METRIC_RANGES } from "@/db/alert-constants";
import { idSchema, orgScoped, versionSchema } from "./common";

const alertFieldsShape = {
  touchpointId: idSchema,
  metric: z.enum(ALERT_METRICS, "Choose CSAT %, NPS, CES mean or CSAT mean."),
  comparison: z.enum(ALERT_COMPARISONS, "Choose below or above."),
  threshold: z.number("Enter a number.").finite("Enter a number."),
  windowDays: z
    .number("Enter a number of days.")
    .int("Whole days only.")
    .min(ALERT_LIMITS.minWindowDays, `At least ${ALERT_LIMITS.minWindowDays} day.`)
    .max(ALERT_LIMITS.maxWindowDays, `At most ${ALERT_LIMITS.maxWindowDays} days.`),
  minimumAnswers: z
    .number("Enter a number of answers.")
    .int("A whole number.")
    .min(1, "At least 1 answer.")
    .max(ALERT_LIMITS.maxMinimumAnswers, `At most ${ALERT_LIMITS.maxMinimumAnswers.toLocaleString("en")} answers.`),
};

/** The threshold must be a value the figure can take (CSAT % 0–100, NPS −100–100, …). */
function thresholdInRange(fields: { metric: (typeof ALERT_METRICS)[number]; threshold: number }, ctx: z.RefinementCtx) {
  const { min, max } = ALERT_METRIC_RANGES[fields.metric];
  if (fields.threshold < min || fields.threshold > max) {
    ctx.addIssue({ code: "custom", path: ["threshold"], message: `${ALERT_METRIC_LABELS[fields.metric]} runs from ${min} to ${max}.` });
  }
}

export const alertFieldsSchema = z.object(alertFieldsShape).superRefine(thresholdInRange);
export type AlertFields = z.infer<typeof alertFieldsSchema>;

export const createAlertInput = orgScoped.extend(alertFieldsShape).superRefine(thresholdInRange);
export const updateAlertInput = orgScoped.extend({ alertId: idSchema, version: versionSchema, ...alertFieldsShape }).superRefine(thresholdInRange);
export const alertInput = orgScoped.extend({ alertId: idSchema });
