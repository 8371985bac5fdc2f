// The email job: sends one queued email through the app's mailer. A failure (SMTP down) is
// thrown, so the job runner retries it with back-off and shows the last error to admins.
import type { Mailer } from "@/server/mail/mailer";

export interface EmailPayload {
  to: string;
  subject: string;
  text: string;
}

function isEmailPayload(value: Record<string, unknown>): value is Record<string, unknown> & EmailPayload {
  return typeof value.to === "string" && typeof value.subject === "string" && typeof value.text === "string";
}

export async function sendQueuedEmail(mailer: Mailer, payload: Record<string, unknown>) {
  if (!isEmailPayload(payload)) throw new Error("The email job's payload lacks to, subject or text.");
  return mailer.send({ to: payload.to, subject: payload.subject, text: payload.text });
}
