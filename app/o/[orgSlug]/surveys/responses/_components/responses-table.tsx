"use client";
// One row per response: when (in the organization's zone), where in the journey, the scores,
// the comment, where it came from and who answered. On narrow screens the columns that do
// not fit follow under the touchpoint. People who may file findings tick responses and add
// them to a finding as evidence (the selection lives on this page only).
import { AddToFindingBar, useResponseSelection } from "@/app/o/[orgSlug]/findings/_components/add-to-finding";
import { Badge } from "@/app/_components/ui/badge";
import { CHANNEL_LABELS, type Channel } from "@/db/journey-constants";
import type { ResponseRowView } from "@/server/services/responses";

type Tone = "emerald" | "amber" | "red";

/** Green for good, amber for middling, red for bad — per each scale's usual bands. */
const TONES: Record<"csat" | "nps" | "ces", (score: number) => Tone> = {
  csat: (s) => (s >= 4 ? "emerald" : s === 3 ? "amber" : "red"),
  nps: (s) => (s >= 9 ? "emerald" : s >= 7 ? "amber" : "red"),
  ces: (s) => (s >= 5 ? "emerald" : s === 4 ? "amber" : "red"),
};

const channelLabel = (channel: string | null) => (channel ? (CHANNEL_LABELS[channel as Channel] ?? channel) : null);
const segmentText = (segment: Record<string, string>) =>
  Object.entries(segment)
    .map(([key, value]) => `${key.replace(/_/g, " ")}: ${value}`)
    .join(" · ");

/** Lets the rows be selected and added to a finding; touchpointIds maps a touchpoint's key to its id. */
export interface EvidencePicking {
  orgSlug: string;
  touchpointIds: Record<string, string>;
}

export function ResponsesTable({ responses, timeZone, picking }: { responses: ResponseRowView[]; timeZone: string; picking?: EvidencePicking }) {
  const { selected, isSelected, toggle, clear } = useResponseSelection();
  const touchpointIdOf = (r: ResponseRowView) => (r.touchpointKey && picking?.touchpointIds[r.touchpointKey]) || null;
  const day = new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium" });
  const time = new Intl.DateTimeFormat("en-US", { timeZone, timeStyle: "short" });
  const when = (d: Date) => `${day.format(d)}, ${time.format(d)}`;
  return (
    <>
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50/60 text-xs font-medium text-slate-500">
            <tr>
              {picking && (
                <th scope="col" className="w-10 py-2.5 pr-1 pl-4 font-medium sm:pl-5">
                  <span className="sr-only">Select</span>
                </th>
              )}
              <th scope="col" className="hidden py-2.5 pr-3 pl-5 font-medium sm:table-cell">Submitted</th>
              <th scope="col" className="px-3 py-2.5 font-medium">Touchpoint</th>
              <th scope="col" className="px-3 py-2.5 font-medium">Scores</th>
              <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">Comment</th>
              <th scope="col" className="hidden px-3 py-2.5 font-medium lg:table-cell">Survey</th>
              <th scope="col" className="hidden py-2.5 pr-5 pl-3 font-medium xl:table-cell">Segment</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {responses.map((r) => (
              <tr key={r.id} className={picking && isSelected(r.id) ? "bg-indigo-50/60" : undefined}>
                {picking && (
                  <td className="py-3 pr-1 pl-4 sm:pl-5">
                    <input type="checkbox" checked={isSelected(r.id)} onChange={() => toggle({ id: r.id, touchpointId: touchpointIdOf(r) })} aria-label={`Select the response of ${when(r.submittedAt)}${r.touchpointName ? ` about ${r.touchpointName}` : ""}`} className="size-4 rounded border-slate-300" />
                  </td>
                )}
                <td className="hidden py-3 pr-3 pl-5 whitespace-nowrap text-slate-600 sm:table-cell">
                  <time dateTime={r.submittedAt.toISOString()}>
                    <span className="block">{day.format(r.submittedAt)}</span>
                    <span className="block text-xs text-slate-500">{time.format(r.submittedAt)}</span>
                  </time>
                </td>
                <td className="min-w-40 px-3 py-3">
                  <span className="block font-medium text-slate-900">{r.touchpointName ?? <span className="text-slate-400">Deleted touchpoint</span>}</span>
                  {r.stageName && <span className="block text-xs text-slate-500">{r.stageName}</span>}
                  <span className="mt-1 block text-xs text-slate-500 sm:hidden">
                    <time dateTime={r.submittedAt.toISOString()}>{when(r.submittedAt)}</time>
                  </span>
                  <div className="mt-1.5 text-slate-700 md:hidden">
                    <Comment text={r.comment} />
                  </div>
                  <span className="mt-1 block text-xs text-slate-500 lg:hidden">{[r.surveyName, channelLabel(r.channel)].filter(Boolean).join(" · ")}</span>
                  <span className="mt-0.5 block text-xs text-slate-500 xl:hidden">{segmentText(r.segment)}</span>
                </td>
                <td className="px-3 py-3">
                  <span className="flex flex-col items-start gap-1 sm:flex-row sm:flex-wrap">
                    <Score metric="csat" label="CSAT" value={r.csat} />
                    <Score metric="nps" label="NPS" value={r.nps} />
                    <Score metric="ces" label="CES" value={r.ces} />
                  </span>
                </td>
                <td className="hidden min-w-64 px-3 py-3 text-slate-700 md:table-cell">
                  <Comment text={r.comment} />
                </td>
                <td className="hidden px-3 py-3 lg:table-cell">
                  <span className="block text-slate-700">{r.surveyName}</span>
                  {r.channel && <span className="block text-xs text-slate-500">{channelLabel(r.channel)}</span>}
                </td>
                <td className="hidden py-3 pr-5 pl-3 text-xs text-slate-600 xl:table-cell">
                  {Object.keys(r.segment).length === 0 ? (
                    <span className="text-slate-400">–</span>
                  ) : (
                    Object.entries(r.segment).map(([key, value]) => (
                      <span key={key} className="block whitespace-nowrap">
                        <span className="text-slate-500">{key.replace(/_/g, " ")}</span> {value}
                      </span>
                    ))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {picking && <AddToFindingBar orgSlug={picking.orgSlug} selected={selected} onClear={clear} />}
    </>
  );
}

function Score({ metric, label, value }: { metric: "csat" | "nps" | "ces"; label: string; value: number | null }) {
  if (value === null) return null;
  return (
    <Badge tone={TONES[metric](value)} className="whitespace-nowrap">
      {label} {value}
    </Badge>
  );
}

function Comment({ text }: { text: string | null }) {
  if (!text) return <span className="text-slate-400">No comment</span>;
  return <p className="line-clamp-3 break-words whitespace-pre-line">{text}</p>;
}
