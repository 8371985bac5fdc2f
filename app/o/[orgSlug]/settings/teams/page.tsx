// Teams: who owns which part of the customer experience.
import type { Metadata } from "next";
import { can } from "@/server/auth/permissions";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { PlusIcon, TeamsIcon } from "@/app/_components/icons";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getOrg, type OrgPageProps } from "../../_lib/org";
import { CreateTeam } from "./_components/create-team";
import { TeamCard } from "./_components/team-card";

export const metadata: Metadata = { title: "Teams" };

type TeamsPageProps = OrgPageProps & { searchParams: Promise<{ new?: string }> };

export default async function TeamsPage({ params, searchParams }: TeamsPageProps) {
  const { orgSlug } = await params;
  const [org, api, query] = await Promise.all([getOrg(orgSlug), serverApi(), searchParams]);
  const path = `/o/${org.slug}/settings/teams`;
  const [teams, members] = await Promise.all([orPageError(api.team.list({ orgSlug }), path), orPageError(api.member.list({ orgSlug }), path)]);
  const canManage = can(org.role, "team.manage");
  const creating = canManage && query.new !== undefined;

  return (
    <>
      <PageHeader
        title="Teams"
        description={
          canManage
            ? "Teams own touchpoints of your journeys and receive the findings about them. Keep them close to how your company is organized."
            : "Teams own touchpoints of your journeys and receive the findings about them. Managers and above can change them."
        }
        actions={
          canManage &&
          !creating && (
            <ButtonLink href={`${path}?new`}>
              <PlusIcon /> New team
            </ButtonLink>
          )
        }
      />
      {creating && <CreateTeam orgSlug={org.slug} closeHref={path} />}
      {teams.length === 0 ? (
        <Card>
          <EmptyState icon={<TeamsIcon className="size-5" />} title="No teams yet" description="Create a team for each group that owns part of the experience: shipping, customer service, the web shop…" />
        </Card>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {teams.map((team) => (
            // The version in the key remounts an edited card once the refreshed team arrives.
            <TeamCard key={`${team.id}:${team.version}`} orgSlug={org.slug} team={team} orgMembers={members} canManage={canManage} />
          ))}
        </div>
      )}
    </>
  );
}
