// Notifications: where the member was mentioned in this organization, newest first.
import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { PageHeader } from "@/app/_components/ui/page-header";
import type { OrgPageProps } from "../_lib/org";
import { NotificationList } from "./_components/notification-list";

export const metadata: Metadata = { title: "Notifications" };

/** The most the API returns at once. */
const LIMIT = 100;

export default async function NotificationsPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const api = await serverApi();
  const notifications = await orPageError(api.notification.list({ orgSlug, limit: LIMIT }), `/o/${orgSlug}/notifications`);
  return (
    <>
      <PageHeader title="Notifications" description="Comments on journey maps in which someone mentioned you. Open one to read it in place on the map." />
      <NotificationList orgSlug={orgSlug} limit={LIMIT} initial={notifications} />
    </>
  );
}
