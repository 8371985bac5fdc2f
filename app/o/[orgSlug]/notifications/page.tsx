// Notifications: mentions, fired alerts and findings of the member in this organization, newest first.
import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { PageHeader } from "@/app/_components/ui/page-header";
import { can } from "@/server/auth/permissions";
import { getOrg, type OrgPageProps } from "../_lib/org";
import { EmailPreferences } from "./_components/email-preferences";
import { NotificationList } from "./_components/notification-list";

export const metadata: Metadata = { title: "Notifications" };

/** The most the API returns at once. */
const LIMIT = 100;

export default async function NotificationsPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const [org, api] = await Promise.all([getOrg(orgSlug), serverApi()]);
  const path = `/o/${orgSlug}/notifications`;
  const [notifications, emailChoices] = await Promise.all([orPageError(api.notification.list({ orgSlug, limit: LIMIT }), path), orPageError(api.notification.emailPreferences({ orgSlug }), path)]);
  return (
    <>
      <PageHeader title="Notifications" description="Mentions in comments, alerts on your team's touchpoints, and findings assigned to you, sent to your team or near their SLA. Open one to go to it." />
      <div className="space-y-6">
        <NotificationList orgSlug={orgSlug} limit={LIMIT} initial={notifications} canMakeFindings={can(org.role, "finding.edit")} />
        <EmailPreferences orgSlug={orgSlug} initial={emailChoices} />
      </div>
    </>
  );
}
