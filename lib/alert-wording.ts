// How an alert is written for people — its rule and its figure — in the alerts list, the
// notification and the activity log alike.
import { ALERT_METRIC_LABELS, type AlertComparison, type AlertMetric } from "@/db/alert-constants";
import { plural } from "./format";

/** CSAT % and NPS as whole numbers, means with one decimal. */
export function formatAlertValue(metric: AlertMetric, value: number | null): string {
  if (value === null) return "no answers";
  if (metric === "csatPct") return `${Math.round(value)}%`;
  if (metric === "nps") return value > 0 ? `+${Math.round(value)}` : `${Math.round(value)}`;
  return value.toFixed(1);
}

export function alertRuleText(rule: { metric: AlertMetric; comparison: AlertComparison; threshold: number; windowDays: number; minimumAnswers?: number }): string {
  const days = rule.windowDays === 1 ? "today" : `over ${rule.windowDays} days`;
  const minimum = rule.minimumAnswers ? ` with at least ${plural(rule.minimumAnswers, "answer")}` : "";
  return `${ALERT_METRIC_LABELS[rule.metric]} ${rule.comparison} ${formatAlertValue(rule.metric, rule.threshold)} ${days}${minimum}`;
}

/** "CSAT % is 62% (41 answers): below 70% over 7 days". */
export function alertFiredText(data: { metric: AlertMetric; comparison: AlertComparison; threshold: number; windowDays: number; value: number | null; n: number }): string {
  return `${ALERT_METRIC_LABELS[data.metric]} is ${formatAlertValue(data.metric, data.value)} (${plural(data.n, "answer")}): ${data.comparison} ${formatAlertValue(data.metric, data.threshold)} ${data.windowDays === 1 ? "today" : `over ${data.windowDays} days`}`;
}
