// One row per response: when (in the organization's zone), where in the journey, the scores,
// the comment and who answered. On a phone the survey, channel and segment move under the comment.
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

export function ResponsesTable({ responses, timeZone }: { responses: ResponseRowView[]; timeZone: string }) {
  const when = new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50/60 text-xs font-medium text-slate-500">
          <tr>
            <th scope="col" className="hidden px-3 py-2.5 font-medium sm:table-cell sm:px-5">Submitted</th>
            <th scope="col" className="px-3 py-2.5 font-medium sm:px-3">Touchpoint</th>
            <th scope="col" className="px-3 py-2.5 font-medium">Scores</th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">Comment</th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium lg:table-cell">Survey</th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium xl:table-cell">Channel</th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium lg:table-cell sm:pr-5">Segment</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {responses.map((r) => (
            <tr key={r.id}>
              <td className="hidden px-3 py-3 whitespace-nowrap text-slate-600 sm:table-cell sm:px-5">
                <time dateTime={r.submittedAt.toISOString()}>{when.format(r.submittedAt)}</time>
              </td>
              <td className="px-3 py-3">
                <span className="block font-medium text-slate-900">{r.touchpointName ?? <span className="text-slate-400">Deleted touchpoint</span>}</span>
                {r.stageName && <span className="block text-xs text-slate-500">{r.stageName}</span>}
                {/* Narrow screens: the columns that do not fit follow under the touchpoint. */}
                <span className="mt-1 block text-xs text-slate-500 sm:hidden">
                  <time dateTime={r.submittedAt.toISOString()}>{when.format(r.submittedAt)}</time>
                </span>
                <div className="mt-1.5 text-slate-700 md:hidden">
                  <Comment text={r.comment} />
                </div>
                <span className="mt-1 block text-xs text-slate-500 lg:hidden">
                  {[r.surveyName, ...Object.entries(r.segment).map(([k, v]) => `${k.replace(/_/g, " ")}: ${v}`)].filter(Boolean).join(" · ")}
                </span>
              </td>
              <td className="px-3 py-3">
                <span className="flex flex-wrap gap-1">
                  <Score metric="csat" label="CSAT" value={r.csat} />
                  <Score metric="nps" label="NPS" value={r.nps} />
                  <Score metric="ces" label="CES" value={r.ces} />
                </span>
              </td>
              <td className="hidden max-w-md px-3 py-3 text-slate-700 md:table-cell">
                <Comment text={r.comment} />
              </td>
              <td className="hidden px-3 py-3 text-slate-600 lg:table-cell">{r.surveyName}</td>
              <td className="hidden px-3 py-3 text-slate-600 xl:table-cell">{r.channel ? CHANNEL_LABELS[r.channel as Channel] ?? r.channel : "–"}</td>
              <td className="hidden px-3 py-3 text-xs text-slate-600 lg:table-cell sm:pr-5">
                <Segment segment={r.segment} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Score({ metric, label, value }: { metric: "csat" | "nps" | "ces"; label: string; value: number | null }) {
  if (value === null) return null;
  return (
    <Badge tone={TONES[metric](value)}>
      {label} {value}
    </Badge>
  );
}

function Comment({ text }: { text: string | null }) {
  if (!text) return <span className="text-slate-400">No comment</span>;
  return <p className="line-clamp-3 break-words whitespace-pre-line" title={text.length > 200 ? text.slice(0, 2000) : undefined}>{text}</p>;
}

function Segment({ segment }: { segment: Record<string, string> }) {
  const entries = Object.entries(segment);
  if (entries.length === 0) return <span className="text-slate-400">–</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-slate-500">{key.replace(/_/g, " ")}</dt>
          <dd className="text-slate-700">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
