// Members: who is in the organization, their roles, and inviting more people.
import type { Metadata } from "next";
import { can } from "@/server/auth/permissions";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getOrg, getViewer, type OrgPageProps } from "../../_lib/org";
import { InviteForm } from "./_components/invite-form";
import { MembersTable } from "./_components/members-table";
import { PendingInvitations } from "./_components/pending-invitations";
import { RoleGuide } from "./_components/role-guide";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const [{ user }, org, api] = await Promise.all([getViewer(orgSlug), getOrg(orgSlug), serverApi()]);
  const returnTo = `/o/${orgSlug}/settings/members`;
  const canInvite = can(org.role, "member.invite");
  const [members, invitations] = await Promise.all([
    orPageError(api.member.list({ orgSlug }), returnTo),
    canInvite ? orPageError(api.invitation.listPending({ orgSlug }), returnTo) : null,
  ]);

  return (
    <>
      <PageHeader
        title="Members"
        description={canInvite ? `Everyone with access to ${org.name}. Invite colleagues and decide what each of them may do.` : `Everyone with access to ${org.name}. Ask an admin to invite someone or change a role.`}
      />
      <div className="space-y-6">
          {canInvite && (
            <Card>
              <CardHeader title="Invite someone" description="They get a link to join with the role you choose." />
              <div className="px-5 py-4">
                <InviteForm orgSlug={org.slug} viewerRole={org.role} />
              </div>
            </Card>
          )}
          <Card>
            <CardHeader title={`Members · ${members.length}`} />
            <MembersTable orgSlug={org.slug} orgName={org.name} members={members} viewerId={user.id} viewerRole={org.role} />
          </Card>
          {invitations && (
            <Card>
              <CardHeader title={`Pending invitations · ${invitations.length}`} />
              <PendingInvitations orgSlug={org.slug} invitations={invitations} viewerRole={org.role} />
            </Card>
          )}
        <Card>
          <CardHeader title="What each role can do" description="Roles are ordered: each includes everything the roles below it can do." />
          <RoleGuide viewerRole={org.role} />
        </Card>
      </div>
    </>
  );
}
