// Vocabulary of threshold alerts, shared by the database, the server and the browser. A leaf.

/** The satisfaction figures an alert can watch (as in server/metrics/satisfaction.ts). */
export const ALERT_METRICS = ["csatPct", "nps", "cesMean", "csatMean"] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

export const ALERT_METRIC_LABELS: Record<AlertMetric, string> = {
  csatPct: "CSAT %",
  nps: "NPS",
  cesMean: "CES mean",
  csatMean: "CSAT mean",
};

/** The range each metric's threshold must lie in. */
export const ALERT_METRIC_RANGES: Record<AlertMetric, { min: number; max: number }> = {
  csatPct: { min: 0, max: 100 },
  nps: { min: -100, max: 100 },
  cesMean: { min: 1, max: 7 },
  csatMean: { min: 1, max: 5 },
};

export const ALERT_COMPARISONS = ["below", "above"] as const;
export type AlertComparison = (typeof ALERT_COMPARISONS)[number];

export const ALERT_STATES = ["ok", "firing"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const ALERT_LIMITS = { minWindowDays: 1, maxWindowDays: 365, maxMinimumAnswers: 100_000, maxPerOrganization: 200 } as const;

/** How often each organization's alerts are checked. */
export const ALERT_CHECK_INTERVAL_MS = 5 * 60_000;
