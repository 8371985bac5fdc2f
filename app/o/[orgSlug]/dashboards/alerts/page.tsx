// Alerts: thresholds on touchpoints that notify the owning team when the figure crosses them.
// Everyone sees them and which are firing; managers and above set, change and delete them.
import type { Metadata } from "next";
import { PERMISSIONS, can } from "@/server/auth/permissions";
import { ROLE_LABELS } from "@/db/constants";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { BellIcon, PlusIcon } from "@/app/_components/icons";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getOrg, type OrgPageProps } from "../../_lib/org";
import { AlertList } from "./_components/alert-list";
import { CreateAlert } from "./_components/create-alert";

export const metadata: Metadata = { title: "Alerts" };

type AlertsPageProps = OrgPageProps & { searchParams: Promise<{ new?: string }> };

export default async function AlertsPage({ params, searchParams }: AlertsPageProps) {
  const { orgSlug } = await params;
  const [org, query] = await Promise.all([getOrg(orgSlug), searchParams]);
  const api = await serverApi();
  const path = `/o/${org.slug}/dashboards/alerts`;
  const canManage = can(org.role, "alert.manage");
  const [alerts, touchpoints] = await Promise.all([orPageError(api.alert.list({ orgSlug }), path), canManage ? orPageError(api.survey.touchpointChoices({ orgSlug }), path) : []]);
  const creating = canManage && query.new !== undefined;
  const firing = alerts.filter((a) => a.state === "firing");
  const manageRole = ROLE_LABELS[PERMISSIONS["alert.manage"]].toLowerCase();

  return (
    <>
      <PageHeader
        eyebrow="Dashboards"
        title="Alerts"
        description={`When a touchpoint's figure crosses its threshold, the team that owns the touchpoint is notified — once per crossing. Checked every few minutes in ${org.timeZone} days.`}
        actions={
          canManage &&
          !creating &&
          touchpoints.length > 0 && (
            <ButtonLink href={`${path}?new`}>
              <PlusIcon /> New alert
            </ButtonLink>
          )
        }
      />
      {creating && <CreateAlert orgSlug={org.slug} touchpoints={touchpoints} closeHref={path} />}
      {alerts.length === 0 ? (
        <Card>
          <EmptyState
            icon={<BellIcon className="size-5" />}
            title="No alerts yet"
            description={
              canManage
                ? touchpoints.length > 0
                  ? "Set one on a touchpoint that matters — for example CSAT % below 70 over 7 days with at least 30 answers."
                  : "Alerts watch touchpoints: map a journey with touchpoints first."
                : `Managers set alerts on touchpoints; your role is ${ROLE_LABELS[org.role].toLowerCase()}, and alerts need the ${manageRole} role or higher.`
            }
            className="py-12"
          />
        </Card>
      ) : (
        <div className="space-y-6">
          {firing.length > 0 && (
            <div role="status" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
              <span className="font-semibold">{firing.length === 1 ? "1 alert is firing" : `${firing.length} alerts are firing`}:</span> {firing.map((a) => a.touchpointName).join(", ")}.
            </div>
          )}
          <Card>
            <CardHeader title={`${alerts.length} ${alerts.length === 1 ? "alert" : "alerts"}`} description="Firing first." />
            <AlertList orgSlug={org.slug} alerts={alerts} touchpoints={touchpoints} canManage={canManage} canMakeFindings={can(org.role, "finding.edit")} />
          </Card>
        </div>
      )}
    </>
  );
}
