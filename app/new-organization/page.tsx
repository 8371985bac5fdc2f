// Starting a new organization (also where people without one land after signing in).
import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { serverApi } from "@/server/trpc/server";
import { CenteredPage, Panel } from "@/app/_components/centered-page";
import { UserMenu } from "@/app/_components/shell/user-menu";
import { orPageError } from "@/app/_lib/page-data";
import { CreateOrganizationForm } from "./_components/create-organization-form";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  const { user } = await requireUser("/new-organization");
  const organizations = await orPageError((await serverApi()).account.organizations(), "/new-organization");
  const first = organizations[0];
  return (
    <CenteredPage aside={<UserMenu name={user.name} email={user.email} />}>
      <Panel
        title={first ? "Create another organization" : "Create your organization"}
        description="An organization holds your journeys, survey results, teams and findings. You will be its owner and can invite colleagues next."
      >
        <CreateOrganizationForm cancelHref={first ? `/o/${first.slug}` : undefined} />
      </Panel>
      {!first && <p className="mt-5 text-center text-sm text-slate-600">Joining a colleague’s organization instead? Open the invitation link they sent you.</p>}
    </CenteredPage>
  );
}
