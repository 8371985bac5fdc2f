// Telling people about findings: an in-app notification for each recipient (never the person
// who made the change), and an email job for those whose preference — or the kind's default —
// asks for email. Written in the change's transaction: a rolled-back change notifies nobody,
// and the email job commits with the notification it describes.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { EMAIL_BY_DEFAULT, type FindingNotificationKind } from "@/db/finding-constants";
import { memberships, notificationPreferences, notifications, teamMembers, users } from "@/db/schema";
import { enqueueJob } from "@/server/jobs/queue";
import { appOrigin } from "@/server/mail/mailer";
import type { Actor } from "../context";

export const EMAIL_JOB = "email.send";

export interface FindingNotice {
  kind: FindingNotificationKind;
  finding: { id: string; number: number; title: string };
  /** What happened, as a sentence: "Delivery slots vanish was routed to Shipping." */
  summary: string;
}

export async function teamMemberIds(tx: Tx, orgId: string, teamId: string | null): Promise<string[]> {
  if (!teamId) return [];
  const rows = await tx.select({ userId: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.organizationId, orgId), eq(teamMembers.teamId, teamId)));
  return rows.map((r) => r.userId);
}

export async function managerIds(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), inArray(memberships.role, ["owner", "admin", "manager"])));
  return rows.map((r) => r.userId);
}

export async function notifyAboutFinding(tx: Tx, orgId: string, actor: Actor, recipients: string[], notice: FindingNotice): Promise<number> {
  const actorUserId = actor.kind === "user" ? actor.userId : null;
  const ids = [...new Set(recipients)].filter((id) => id !== actorUserId);
  if (ids.length === 0) return 0;
  const data = { number: notice.finding.number, title: notice.finding.title, summary: notice.summary };
  await tx.insert(notifications).values(ids.map((recipientUserId) => ({ organizationId: orgId, recipientUserId, actorUserId, kind: notice.kind, findingId: notice.finding.id, data })));

  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids));
  const choices = await tx
    .select({ userId: notificationPreferences.userId, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.organizationId, orgId), eq(notificationPreferences.kind, notice.kind), inArray(notificationPreferences.userId, ids)));
  const wants = new Map(choices.map((c) => [c.userId, c.email]));
  const origin = appOrigin();
  for (const person of people) {
    if (!(wants.get(person.id) ?? EMAIL_BY_DEFAULT[notice.kind])) continue;
    const link = origin ? `\n\nOpen it: ${origin}/findings/${notice.finding.id}` : "";
    await enqueueJob(tx, {
      orgId,
      kind: EMAIL_JOB,
      payload: { to: person.email, subject: `F-${notice.finding.number} ${notice.finding.title}`, text: `${notice.summary}${link}\n\nYou get this email because of your Waymark notification settings.` },
    });
  }
  return ids.length;
}
