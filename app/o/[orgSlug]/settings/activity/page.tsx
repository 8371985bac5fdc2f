// Activity: who changed what in the organization, for managers and above.
import type { Metadata } from "next";
import { PERMISSIONS, can } from "@/server/auth/permissions";
import { ROLE_LABELS } from "@/db/constants";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { ClockIcon, LockIcon } from "@/app/_components/icons";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getOrg, type OrgPageProps } from "../../_lib/org";
import { ActivityFeed } from "./_components/activity-feed";

export const metadata: Metadata = { title: "Activity" };

const DESCRIPTION = "Every change to members, invitations, teams and settings, with who made it and when.";

export default async function ActivityPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const org = await getOrg(orgSlug);

  if (!can(org.role, "activity.read")) {
    const required = ROLE_LABELS[PERMISSIONS["activity.read"]].toLowerCase();
    return (
      <>
        <PageHeader title="Activity" description={DESCRIPTION} />
        <Card>
          <EmptyState
            icon={<LockIcon className="size-5" />}
            title="The activity log is for managers and above"
            description={`Your role in ${org.name} is ${ROLE_LABELS[org.role].toLowerCase()}; the log needs the ${required} role or higher. Ask an admin if you need it.`}
            className="py-12"
          />
        </Card>
      </>
    );
  }

  const api = await serverApi();
  const path = `/o/${org.slug}/settings/activity`;
  const [first, members] = await Promise.all([orPageError(api.activity.list({ orgSlug }), path), orPageError(api.member.list({ orgSlug }), path)]);
  const memberNames = Object.fromEntries(members.map((m) => [m.userId, m.name]));

  return (
    <>
      <PageHeader title="Activity" description={DESCRIPTION} />
      <Card>
        {first.events.length === 0 ? (
          <EmptyState icon={<ClockIcon className="size-5" />} title="Nothing has happened yet" description="Changes to members, teams and settings will be listed here." />
        ) : (
          <ActivityFeed orgSlug={org.slug} initial={first} memberNames={memberNames} />
        )}
      </Card>
    </>
  );
}
