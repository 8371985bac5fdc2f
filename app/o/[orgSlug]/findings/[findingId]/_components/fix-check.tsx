// Impact and "Did the fix work?": the figures the server computed from the responses (the
// dashboards' definitions), written out with their sample sizes, never typed in by anyone.
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Finding = inferRouterOutputs<AppRouter>["finding"]["get"];
type Check = NonNullable<Finding["fixCheck"]>;
type Estimate = Check["before"]["figures"]["csatPct"];

const METRIC_LABELS = { csatPct: "CSAT % (share answering 4–5)", csatMean: "CSAT mean", nps: "NPS", cesMean: "CES mean (1–7, higher is easier)" } as const;

const VERDICTS: Record<Check["verdict"], { label: string; tone: "emerald" | "slate" | "red" | "amber"; text: string }> = {
  improved: { label: "Improved", tone: "emerald", text: "The touchpoint scores significantly better since the fix." },
  no_change: { label: "No measurable change", tone: "amber", text: "No significant change since the fix: worth a second look." },
  worse: { label: "Worse", tone: "red", text: "The touchpoint scores significantly worse since the fix." },
  measuring: { label: "Measuring", tone: "slate", text: "Too early to tell: the verdict waits for 14 days or 30 answers since the fix." },
  no_data: { label: "No data", tone: "slate", text: "Nobody answered a survey about this touchpoint around the fix." },
};

function figure(e: Estimate, unit: string) {
  if (e.value === null) return "no answers";
  const interval = e.interval ? ` (95% interval ${e.interval.low.toFixed(0)}–${e.interval.high.toFixed(0)})` : "";
  return `${e.value.toFixed(unit === "%" ? 0 : 1)}${unit}, n = ${e.n}${e.lowSample ? ", low sample" : ""}${interval}`;
}

export function ImpactCard({ impact }: { impact: Finding["impact"] }) {
  const rows: [string, string][] = [
    ["Responses affected", impact.responsesAffected.toLocaleString("en-US")],
    ["NPS detractors at the touchpoint", impact.detractorShare === null ? "no NPS answers" : `${impact.detractorShare.toFixed(0)}%`],
    ["Gap to the journey's CSAT %", impact.gapToJourney === null ? "no CSAT answers" : `${impact.gapToJourney > 0 ? "+" : ""}${impact.gapToJourney.toFixed(1)} points`],
  ];
  return (
    <Card>
      <CardHeader title="Impact" description="Last 90 days: unhappy responses at its touchpoint plus linked evidence from elsewhere." />
      <CardBody>
        <dl className="space-y-1.5 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-3">
              <dt className="text-slate-500">{label}</dt>
              <dd className="font-medium text-slate-900 tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </CardBody>
    </Card>
  );
}

export function FixCheckCard({ check }: { check: Finding["fixCheck"] }) {
  if (!check) return null;
  const verdict = VERDICTS[check.verdict];
  const metric = check.metric ?? "csatPct";
  const unit = metric === "csatPct" ? "%" : "";
  const change = check.change[metric];
  return (
    <Card>
      <CardHeader title="Did the fix work?" description={`The touchpoint's ${METRIC_LABELS[metric]} in the 28 days before the resolution and since.`} />
      <CardBody className="space-y-2 text-sm text-slate-700">
        <Badge tone={verdict.tone}>{verdict.label}</Badge>
        <p>{verdict.text}</p>
        <dl className="space-y-1">
          <div className="flex justify-between gap-3">
            <dt className="text-slate-500">Before ({check.before.from} – {check.before.to})</dt>
            <dd className="text-right tabular-nums">{figure(check.before.figures[metric], unit)}</dd>
          </div>
          <div className="flex justify-between gap-3">
            <dt className="text-slate-500">Since ({check.after.from} – {check.after.to})</dt>
            <dd className="text-right tabular-nums">{figure(check.after.figures[metric], unit)}</dd>
          </div>
          {change.change !== null && (
            <div className="flex justify-between gap-3">
              <dt className="text-slate-500">Change</dt>
              <dd className="text-right font-medium tabular-nums">
                {change.change > 0 ? "+" : ""}
                {change.change.toFixed(1)}
                {unit === "%" ? " points" : ""} · {change.significant ? "significant (95%)" : "not significant"}
              </dd>
            </div>
          )}
        </dl>
      </CardBody>
    </Card>
  );
}
