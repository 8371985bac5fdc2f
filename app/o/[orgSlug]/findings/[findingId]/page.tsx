// One finding: where it happened, who owns it and its clock, the responses that prove it,
// and everything that happened to it. Fields are edited in place from the version read.
import type { Metadata } from "next";
import Link from "next/link";
import { MessageIcon } from "@/app/_components/icons";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { FormAlert } from "@/app/_components/ui/field";
import { PageHeader } from "@/app/_components/ui/page-header";
import { RelativeTime } from "@/app/_components/ui/relative-time";
import { orPageError } from "@/app/_lib/page-data";
import { FINDING_SOURCES } from "@/db/finding-constants";
import { formatDate } from "@/lib/format";
import { OPEN_STATUSES } from "@/server/findings/workflow";
import { can } from "@/server/auth/permissions";
import { serverApi } from "@/server/trpc/server";
import { getOrg } from "../../_lib/org";
import { SeverityBadge, SlaClock } from "../_components/finding-badges";
import { actorOf, historyAction } from "../_lib/history-sentence";
import { FindingFields } from "./_components/finding-fields";
import { FindingComments } from "./_components/finding-comments";
import { FixCheckCard, ImpactCard } from "./_components/fix-check";
import { SnoozeControl } from "./_components/snooze-control";
import { StatusActions } from "./_components/status-actions";

export const metadata: Metadata = { title: "Finding" };

type Props = { params: Promise<{ orgSlug: string; findingId: string }> };

const SOURCE_LABELS: Record<(typeof FINDING_SOURCES)[number], string> = {
  manual: "Reported by hand",
  obstacle: "From an obstacle on the map",
  response: "From a survey response",
  alert: "From a dashboard alert",
  suggestion: "From suggested comments",
};

/** The responses explorer, narrowed to this response's touchpoint and words (it has no id filter). */
function responseHref(orgSlug: string, touchpointId: string | null, e: { comment: string | null; submittedAt: Date }) {
  const q = new URLSearchParams();
  if (touchpointId) q.set("touchpointId", touchpointId);
  if (e.comment) q.set("q", e.comment.slice(0, 60));
  else {
    const day = new Date(e.submittedAt).toISOString().slice(0, 10);
    q.set("from", day);
    q.set("to", day);
  }
  return `/o/${orgSlug}/surveys/responses?${q}`;
}

export default async function FindingPage({ params }: Props) {
  const { orgSlug, findingId } = await params;
  const [org, api] = await Promise.all([getOrg(orgSlug), serverApi()]);
  const path = `/o/${org.slug}/findings`;
  const [finding, teams, members, rules] = await Promise.all([
    orPageError(api.finding.get({ orgSlug, findingId }), path),
    orPageError(api.team.list({ orgSlug }), path),
    orPageError(api.member.list({ orgSlug }), path),
    orPageError(api.routingRule.list({ orgSlug }), path),
  ]);
  const canEdit = can(org.role, "finding.edit");
  const names = {
    teams: new Map(teams.map((t) => [t.id, t.name])),
    people: new Map(members.map((m) => [m.userId, m.name])),
    rules: new Map(rules.map((r) => [r.id, r.name])),
  };
  const rule = finding.routedByRuleId ? names.rules.get(finding.routedByRuleId) : null;
  const comments = finding.history.flatMap((event) => {
    const body = (event.detail as { body?: unknown } | null)?.body;
    return event.kind === "commented" && typeof body === "string" ? [{ id: event.id, authorName: event.actorName, createdAt: event.createdAt, body }] : [];
  });
  const place = [finding.mapName, finding.stageName, finding.touchpointName].filter(Boolean).join(" › ");

  return (
    <>
      <PageHeader
        eyebrow={`Findings · F-${finding.number}`}
        title={finding.title}
        description={
          finding.mapId && place ? (
            // Back to where the obstacle was found: the journey map it sits on.
            <Link href={`/o/${org.slug}/journeys/${finding.mapId}`} className="font-medium text-indigo-700 hover:text-indigo-900">
              {place}
            </Link>
          ) : (
            place || "Not tied to a touchpoint"
          )
        }
      />
      <div className="mb-4 flex flex-col gap-3 rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <StatusActions orgSlug={org.slug} finding={finding} status={finding.status} canEdit={canEdit} />
          {canEdit && OPEN_STATUSES.includes(finding.status) && <SnoozeControl orgSlug={org.slug} finding={finding} />}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SeverityBadge severity={finding.severity} />
          <SlaClock sla={finding.sla} />
        </div>
      </div>
      {finding.status === "wont_fix" && finding.declineReason && <FormAlert tone="info">{`Won't fix: ${finding.declineReason}`}</FormAlert>}
      {finding.duplicateOfId && (
        <FormAlert tone="info">
          This finding duplicates{" "}
          <Link href={`${path}/${finding.duplicateOfId}`} className="font-medium text-indigo-700 underline">
            another finding
          </Link>
          , which now carries its evidence.
        </FormAlert>
      )}
      <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-4">
          <FindingFields orgSlug={org.slug} finding={finding} teams={teams} people={members} canEdit={canEdit} />
          <Card>
            <CardHeader title={`Evidence (${finding.evidence.length})`} description="Survey responses that show the problem, lowest score first." />
            {finding.evidence.length === 0 ? (
              <EmptyState icon={<MessageIcon className="size-5" />} title="No responses linked yet" description="Suggested findings bring their comments along; responses can be added from the explorer." className="py-8" />
            ) : (
              <ul aria-label="Evidence" className="divide-y divide-slate-100">
                {finding.evidence.map((e) => (
                  <li key={e.id} className="px-5 py-3">
                    <p className="text-sm text-slate-800">{e.comment ? `“${e.comment}”` : <span className="text-slate-400 italic">No comment</span>}</p>
                    <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-500">
                      {e.csat !== null && <span>CSAT {e.csat}/5</span>}
                      {e.nps !== null && <span>NPS {e.nps}/10</span>}
                      {e.ces !== null && <span>CES {e.ces}/7</span>}
                      <span>{formatDate(new Date(e.submittedAt))}</span>
                      <Link href={responseHref(org.slug, finding.touchpointId, e)} className="font-medium text-indigo-700 hover:text-indigo-900">
                        Open in responses
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <FindingComments orgSlug={org.slug} findingId={finding.id} comments={comments} people={members} canComment={canEdit} />
        </div>
        <div className="space-y-4">
          <FixCheckCard check={finding.fixCheck} />
          <ImpactCard impact={finding.impact} />
          <Card>
            <CardHeader title="Routing" />
            <CardBody className="space-y-1.5 text-sm text-slate-700">
              <p>{SOURCE_LABELS[finding.source]}.</p>
              <p>
                {rule ? (
                  <>
                    Routed by the rule <strong className="font-medium">“{rule}”</strong>.
                  </>
                ) : finding.teamName ? (
                  "Routed to the touchpoint's owning team (no rule matched)."
                ) : (
                  "No rule matched and the touchpoint has no owner: choose a team."
                )}
              </p>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="History" />
            <ol aria-label="History" className="space-y-3 px-5 py-4">
              {finding.history.map((event) => (
                <li key={event.id} className="flex gap-3 text-sm">
                  <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-slate-300" />
                  <p className="text-slate-700">
                    <span className="font-medium text-slate-900">{actorOf(event)}</span> {historyAction(event, names)} ·{" "}
                    <RelativeTime date={new Date(event.createdAt)} className="text-slate-500" />
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
