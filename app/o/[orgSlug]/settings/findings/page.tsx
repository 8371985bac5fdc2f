// Settings → Findings: the routing rules that send new findings to a team, each team's SLA
// targets, and (for admins) who sees which findings. Managers and above.
import type { Metadata } from "next";
import { LockIcon } from "@/app/_components/icons";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { orPageError } from "@/app/_lib/page-data";
import { ROLE_LABELS } from "@/db/constants";
import { PERMISSIONS, can } from "@/server/auth/permissions";
import { serverApi } from "@/server/trpc/server";
import { getOrg, type OrgPageProps } from "../../_lib/org";
import { RoutingRules } from "./_components/routing-rules";
import { TeamSlas } from "./_components/team-slas";
import { VisibilitySetting } from "./_components/visibility-setting";

export const metadata: Metadata = { title: "Findings settings" };

const DESCRIPTION = "How new findings find their team, how long each team has to answer and fix them, and who sees them.";

export default async function FindingsSettingsPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const org = await getOrg(orgSlug);

  if (!can(org.role, "finding.manage")) {
    const required = ROLE_LABELS[PERMISSIONS["finding.manage"]].toLowerCase();
    return (
      <>
        <PageHeader title="Findings" description={DESCRIPTION} />
        <Card>
          <EmptyState
            icon={<LockIcon className="size-5" />}
            title="Findings settings are for managers and above"
            description={`Your role in ${org.name} is ${ROLE_LABELS[org.role].toLowerCase()}; these settings need the ${required} role or higher. Ask an admin if you need them.`}
            className="py-12"
          />
        </Card>
      </>
    );
  }

  const api = await serverApi();
  const path = `/o/${org.slug}/settings/findings`;
  const isAdmin = can(org.role, "organization.update");
  const [rules, teams, members, options, slas, visibility] = await Promise.all([
    orPageError(api.routingRule.list({ orgSlug }), path),
    orPageError(api.team.list({ orgSlug }), path),
    orPageError(api.member.list({ orgSlug }), path),
    orPageError(api.response.filterOptions({ orgSlug }), path),
    orPageError(api.teamSla.list({ orgSlug }), path),
    orPageError(api.finding.visibility({ orgSlug }), path),
  ]);
  const choices = { teams, people: members, stages: options.stages, touchpoints: options.touchpoints };

  return (
    <>
      <PageHeader title="Findings" description={DESCRIPTION} />
      <div className="space-y-6">
        <RoutingRules orgSlug={org.slug} rules={rules} choices={choices} />
        <TeamSlas orgSlug={org.slug} teams={teams} slas={slas} />
        {isAdmin && <VisibilitySetting orgSlug={org.slug} visibility={visibility.visibility} />}
      </div>
    </>
  );
}
