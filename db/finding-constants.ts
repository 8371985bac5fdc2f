// Findings vocabulary shared by the schema, the services and the screens (a leaf module).

export const FINDING_STATUSES = ["new", "triaged", "in_progress", "resolved", "wont_fix", "duplicate"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  new: "New",
  triaged: "Triaged",
  in_progress: "In progress",
  resolved: "Resolved",
  wont_fix: "Won't fix",
  duplicate: "Duplicate",
};

/** Where a finding came from. */
export const FINDING_SOURCES = ["manual", "obstacle", "response", "alert", "suggestion"] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

/** Who sees which findings: everyone in the organization, or members only their own teams' (managers and above see all). */
export const FINDING_VISIBILITIES = ["organization", "team"] as const;
export type FindingVisibility = (typeof FINDING_VISIBILITIES)[number];

/**
 * The targets a team has until it sets its own, in hours: first response, then resolution.
 * A day for a first answer is what customers expect; resolution scales with severity.
 */
export const DEFAULT_SLA_HOURS = {
  critical: { firstResponse: 4, resolution: 48 },
  high: { firstResponse: 24, resolution: 5 * 24 },
  medium: { firstResponse: 24, resolution: 14 * 24 },
  low: { firstResponse: 72, resolution: 30 * 24 },
} as const;

/** What people are notified of about findings (in the app always; by email as each person chooses). */
export const FINDING_NOTIFICATION_KINDS = ["finding_assigned", "finding_team", "finding_sla", "finding_mention"] as const;
export type FindingNotificationKind = (typeof FINDING_NOTIFICATION_KINDS)[number];

export const FINDING_NOTIFICATION_LABELS: Record<FindingNotificationKind, string> = {
  finding_assigned: "A finding is assigned to me",
  finding_team: "My team gets a finding",
  finding_sla: "A finding is about to breach or has breached its SLA",
  finding_mention: "Someone mentions me in a comment on a finding",
};

/** Email unless the person said otherwise: the ones that need action by a person. */
export const EMAIL_BY_DEFAULT: Record<FindingNotificationKind, boolean> = { finding_assigned: true, finding_team: false, finding_sla: true, finding_mention: true };

/** What outgoing webhooks can announce. */
export const WEBHOOK_EVENTS = ["finding.created", "finding.status_changed", "finding.resolved"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
