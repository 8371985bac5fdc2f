// Words for the webhook screens: the events an endpoint can receive and a delivery's status.
import type { WebhookEvent } from "@/db/finding-constants";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent | "ping", string> = {
  "finding.created": "Finding created",
  "finding.status_changed": "Status changed",
  "finding.resolved": "Finding resolved",
  ping: "Test event",
};

export const eventLabel = (event: string) => WEBHOOK_EVENT_LABELS[event as WebhookEvent] ?? event;

export const DELIVERY_STATUS = {
  pending: { label: "Pending", tone: "amber" },
  delivered: { label: "Delivered", tone: "emerald" },
  failed: { label: "Failed", tone: "red" },
} as const;

export const deliveryStatus = (status: string) => DELIVERY_STATUS[status as keyof typeof DELIVERY_STATUS] ?? { label: status, tone: "slate" as const };
