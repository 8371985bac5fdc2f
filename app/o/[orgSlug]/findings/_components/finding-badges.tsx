// The small marks a finding carries on its card and its page: severity, and the SLA clock
// ("First response due in 3 h"), amber once most of its time is spent and red when breached.
import { Badge } from "@/app/_components/ui/badge";
import { ClockIcon } from "@/app/_components/icons";
import { SEVERITY_LABELS, type Severity } from "@/db/journey-constants";
import { cn } from "@/lib/cn";
import type { BoardCard } from "../_lib/types";

const SEVERITY_TONES = { low: "slate", medium: "indigo", high: "amber", critical: "red" } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={SEVERITY_TONES[severity]}>{SEVERITY_LABELS[severity]}</Badge>;
}

const HOUR = 3_600_000;

/** "45 min", "3 h", "4 d": coarse on purpose, a clock on a card is read at a glance. */
export function formatSpan(ms: number) {
  const abs = Math.abs(ms);
  if (abs < HOUR) return `${Math.max(1, Math.round(abs / 60_000))} min`;
  if (abs < 48 * HOUR) return `${Math.round(abs / HOUR)} h`;
  return `${Math.round(abs / (24 * HOUR))} d`;
}

export function slaText(sla: NonNullable<BoardCard["sla"]>) {
  const what = sla.target === "first_response" ? "First response" : "Resolution";
  return sla.state === "breached" ? `${what} overdue by ${formatSpan(sla.remainingMs)}` : `${what} due in ${formatSpan(sla.remainingMs)}`;
}

const CLOCK_TONES = {
  on_track: "text-slate-500",
  due_soon: "text-amber-700 font-medium",
  breached: "text-red-700 font-medium",
} as const;

export function SlaClock({ sla, className }: { sla: BoardCard["sla"]; className?: string }) {
  if (!sla) return null;
  return (
    <p className={cn("flex items-center gap-1 text-xs", CLOCK_TONES[sla.state], className)} data-sla-state={sla.state} title={`Due ${new Date(sla.dueAt).toLocaleString("en-GB")}`}>
      <ClockIcon className="size-3.5 shrink-0" />
      {slaText(sla)}
    </p>
  );
}
