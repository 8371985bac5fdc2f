// Every kind of background job the app runs, with its handler. A handler runs in its job's
// organization: it receives the organization id and calls services, which open withOrg.
import { ALERT_CHECK_INTERVAL_MS } from "@/db/alert-constants";
import { ALERT_CHECK_JOB } from "../services/alerts";
import { checkAlerts } from "../services/alert-checks";
import { appMailer } from "../mail/mailer";
import { sendQueuedEmail } from "../services/findings/email-job";
import { EMAIL_JOB } from "../services/findings/notify";
import { checkSlas, SLA_CHECK_INTERVAL_MS, SLA_CHECK_JOB } from "../services/findings/sla-check";
import { deliverWebhook, WEBHOOK_JOB } from "../services/webhooks";
import type { JobDefinition } from "./runner";

export const JOB_DEFINITIONS: JobDefinition[] = [
  {
    kind: ALERT_CHECK_JOB,
    everyMs: ALERT_CHECK_INTERVAL_MS,
    run: async ({ db, orgId, now }) => void (await checkAlerts(db, { orgId, now: now() })),
  },
  {
    kind: SLA_CHECK_JOB,
    everyMs: SLA_CHECK_INTERVAL_MS,
    run: async ({ db, orgId, now }) => void (await checkSlas(db, { orgId, now: now() })),
  },
  {
    kind: WEBHOOK_JOB,
    run: async ({ db, orgId, job, now }) =>
      deliverWebhook(db, { orgId, deliveryId: String(job.payload.deliveryId), now: now(), finalAttempt: job.attempts >= job.maxAttempts }),
  },
  {
    kind: EMAIL_JOB,
    run: async ({ job }) => void (await sendQueuedEmail(appMailer(), job.payload)),
  },
];
