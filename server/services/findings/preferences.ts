// Each person's choice of which finding notifications also come by email.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { EMAIL_BY_DEFAULT, FINDING_NOTIFICATION_KINDS, type FindingNotificationKind } from "@/db/finding-constants";
import { notificationPreferences } from "@/db/schema";
import { withOrg } from "@/db/tenancy";
import type { OrgContext } from "../context";

export async function emailPreferences(db: Db, ctx: OrgContext): Promise<Record<FindingNotificationKind, boolean>> {
  const rows = await withOrg(db, ctx.orgId, (tx) =>
    tx.select().from(notificationPreferences).where(and(eq(notificationPreferences.organizationId, ctx.orgId), eq(notificationPreferences.userId, ctx.userId))),
  );
  const chosen = new Map(rows.map((r) => [r.kind, r.email]));
  return Object.fromEntries(FINDING_NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? EMAIL_BY_DEFAULT[kind]])) as Record<FindingNotificationKind, boolean>;
}

export async function setEmailPreference(db: Db, ctx: OrgContext, input: { kind: FindingNotificationKind; email: boolean }) {
  await withOrg(db, ctx.orgId, (tx) =>
    tx
      .insert(notificationPreferences)
      .values({ organizationId: ctx.orgId, userId: ctx.userId, kind: input.kind, email: input.email })
      .onConflictDoUpdate({ target: [notificationPreferences.organizationId, notificationPreferences.userId, notificationPreferences.kind], set: { email: input.email, updatedAt: new Date() } }),
  );
  return emailPreferences(db, ctx);
}
