// Background jobs (admins): what the job runner did for this organization lately — alert
// checks now, webhooks and emails later — with attempts and the last error of a failing job.
import type { Metadata } from "next";
import { PERMISSIONS, can } from "@/server/auth/permissions";
import { ROLE_LABELS } from "@/db/constants";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { ClockIcon, LockIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { RelativeTime } from "@/app/_components/ui/relative-time";
import { getOrg, type OrgPageProps } from "../../_lib/org";

export const metadata: Metadata = { title: "Background jobs" };

const DESCRIPTION = "Work Waymark does in the background for this organization, such as checking alerts. A job that fails is retried with growing pauses; its last error shows here.";

const KIND_LABELS: Record<string, string> = { "alert.check": "Alert check" };

const STATUS_TONES = { queued: "slate", running: "indigo", succeeded: "emerald", failed: "red" } as const;
const STATUS_LABELS = { queued: "Queued", running: "Running", succeeded: "Done", failed: "Failed" } as const;

export default async function JobsPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const org = await getOrg(orgSlug);
  if (!can(org.role, "job.read")) {
    const required = ROLE_LABELS[PERMISSIONS["job.read"]].toLowerCase();
    return (
      <>
        <PageHeader title="Background jobs" description={DESCRIPTION} />
        <Card>
          <EmptyState
            icon={<LockIcon className="size-5" />}
            title="Background jobs are for admins and owners"
            description={`Your role in ${org.name} is ${ROLE_LABELS[org.role].toLowerCase()}; this page needs the ${required} role or higher.`}
            className="py-12"
          />
        </Card>
      </>
    );
  }
  const api = await serverApi();
  const { items, counts } = await orPageError(api.job.list({ orgSlug, limit: 50 }), `/o/${org.slug}/settings/jobs`);
  const now = new Date();

  return (
    <>
      <PageHeader title="Background jobs" description={DESCRIPTION} />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {(["queued", "running", "succeeded", "failed"] as const).map((status) => (
          <div key={status} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
            <dt className="text-xs font-medium text-slate-500">{STATUS_LABELS[status]}</dt>
            <dd className={status === "failed" && counts.failed > 0 ? "text-xl font-semibold text-red-700" : "text-xl font-semibold text-slate-900"}>{counts[status]}</dd>
          </div>
        ))}
      </dl>
      <Card>
        <CardHeader title="Recent jobs" description="The newest 50." />
        {items.length === 0 ? (
          <EmptyState icon={<ClockIcon className="size-5" />} title="No jobs yet" description="Jobs appear once there is background work, for example when someone sets an alert." className="py-12" />
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((job) => (
              <li key={job.id} className="flex flex-wrap items-start gap-x-4 gap-y-1 px-5 py-3">
                <div className="min-w-0 flex-1 basis-56">
                  <div className="flex items-center gap-2">
                    <p className="text-sm font-medium text-slate-900">{KIND_LABELS[job.kind] ?? job.kind}</p>
                    <Badge tone={STATUS_TONES[job.status]}>{STATUS_LABELS[job.status]}</Badge>
                  </div>
                  {job.lastError && <p className="mt-1 font-mono text-xs break-words text-red-700">{job.lastError}</p>}
                </div>
                <div className="text-xs text-slate-500 sm:text-right">
                  <p>
                    Attempt {job.attempts} of {job.maxAttempts}
                  </p>
                  <p>
                    {job.status === "queued" ? (
                      <>
                        Runs <RelativeTime date={job.runAt} now={now} />
                      </>
                    ) : job.finishedAt ? (
                      <>
                        Finished <RelativeTime date={job.finishedAt} now={now} />
                      </>
                    ) : job.startedAt ? (
                      <>
                        Started <RelativeTime date={job.startedAt} now={now} />
                      </>
                    ) : null}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
