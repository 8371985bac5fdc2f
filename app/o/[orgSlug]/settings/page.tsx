// Organization settings: its name, time zone, address and age.
import type { Metadata } from "next";
import { ROLE_LABELS } from "@/db/constants";
import { can } from "@/server/auth/permissions";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { formatDate } from "@/lib/format";
import { getOrg, type OrgPageProps } from "../_lib/org";
import { OrganizationTimeZone } from "./_components/organization-time-zone";
import { RenameOrganization } from "./_components/rename-organization";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationSettingsPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const org = await getOrg(orgSlug);
  const details = [
    { label: "Address", value: <span className="font-mono text-[13px]">/o/{org.slug}</span>, hint: "The address stays the same when the name changes, so shared links keep working." },
    { label: "Created", value: formatDate(org.createdAt) },
    { label: "Members", value: String(org.memberCount) },
    { label: "Your role", value: ROLE_LABELS[org.role] },
  ];

  return (
    <>
      <PageHeader title="Organization" description={`Settings for ${org.name}.`} />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Name" description={can(org.role, "organization.update") ? "Shown to everyone in the organization and on invitations." : "Only admins and owners can rename the organization."} />
          <CardBody>
            {can(org.role, "organization.update") ? (
              <RenameOrganization orgSlug={org.slug} name={org.name} />
            ) : (
              <p className="text-sm font-medium text-slate-900">{org.name}</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Time zone"
            description={
              can(org.role, "organization.update")
                ? "Days, weeks and months on every dashboard, in the API and the CLI are counted in this zone. Changing it re-counts every stored response into the new days."
                : "Days, weeks and months on every dashboard are counted in this zone. Only admins and owners can change it."
            }
          />
          <CardBody>
            {can(org.role, "organization.update") ? (
              <OrganizationTimeZone orgSlug={org.slug} timeZone={org.timeZone} />
            ) : (
              <p className="text-sm font-medium text-slate-900">{org.timeZone}</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Details" />
          <dl className="divide-y divide-slate-100">
            {details.map((item) => (
              <div key={item.label} className="grid gap-1 px-5 py-3.5 sm:grid-cols-[12rem_1fr]">
                <dt className="text-sm text-slate-500">{item.label}</dt>
                <dd className="text-sm text-slate-900">
                  {item.value}
                  {item.hint && <p className="mt-1 text-xs text-slate-500">{item.hint}</p>}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
