// A finding's history as sentences a person reads: "Maya moved it to In progress". The events
// keep ids (teams, people, rules); the page passes their current names.
import { FINDING_STATUS_LABELS, type FindingStatus } from "@/db/finding-constants";
import { SEVERITY_LABELS, type Severity } from "@/db/journey-constants";
import { formatDate } from "@/lib/format";

export interface HistoryEvent {
  kind: string;
  detail: unknown;
  actorKind: string;
  actorName: string | null;
}

export interface HistoryNames {
  teams: Map<string, string>;
  people: Map<string, string>;
  rules: Map<string, string>;
}

export function actorOf(event: Pick<HistoryEvent, "actorKind" | "actorName">) {
  if (event.actorKind === "api_key") return "An API key";
  if (event.actorKind === "system") return "Waymark";
  return event.actorName ?? "Someone";
}

const str = (value: unknown) => (typeof value === "string" ? value : null);

/** What happened, after the actor: "moved it to In progress". */
export function historyAction(event: HistoryEvent, names: HistoryNames): string {
  const d = (event.detail ?? {}) as Record<string, unknown>;
  const to = str(d.to);
  const team = (id: unknown) => names.teams.get(str(id) ?? "") ?? "a team that no longer exists";
  const person = (id: unknown) => names.people.get(str(id) ?? "") ?? "a former member";
  switch (event.kind) {
    case "created":
      return typeof d.evidence === "number" && d.evidence > 0 ? `created it with ${d.evidence} ${d.evidence === 1 ? "response" : "responses"} as evidence` : "created it";
    case "routed":
      if (d.routedBy === "rule") return `routed it to ${team(d.teamId)} by the rule “${names.rules.get(str(d.ruleId) ?? "") ?? "a deleted rule"}”`;
      if (d.routedBy === "owning_team") return `routed it to ${team(d.teamId)}, the touchpoint's owner`;
      return "found no team to route it to";
    case "status": {
      const label = FINDING_STATUS_LABELS[to as FindingStatus] ?? to;
      if (to === "wont_fix" && str(d.reason)) return `moved it to ${label}: “${str(d.reason)}”`;
      return `moved it to ${label}`;
    }
    case "team":
      return to ? `handed it to ${team(to)}` : "removed its team";
    case "assignee":
      return to ? `assigned it to ${person(to)}` : "unassigned it";
    case "severity":
      return `set severity to ${SEVERITY_LABELS[to as Severity] ?? to}`;
    case "due":
      return d.to ? `set the due date to ${formatDate(new Date(String(d.to)))}` : "removed the due date";
    case "snoozed":
      return d.to ? `snoozed it until ${formatDate(new Date(String(d.to)))}` : "woke it from snooze";
    case "labels": {
      const labels = Array.isArray(d.to) ? (d.to as string[]) : [];
      return labels.length ? `set labels to ${labels.join(", ")}` : "removed its labels";
    }
    case "edited":
      return "edited the title or description";
    case "evidence": {
      const n = typeof d.added === "number" ? d.added : typeof d.removed === "number" ? d.removed : null;
      const what = n === null ? "evidence" : `${n} ${n === 1 ? "response" : "responses"}`;
      return typeof d.removed === "number" ? `removed ${what} from its evidence` : `added ${what} as evidence`;
    }
    case "merged":
      return `merged F-${String(d.number)} into it, with its evidence`;
    case "commented":
      return "commented";
    case "from_alert":
      return `raised it from the alert on ${str(d.touchpointName) ?? "a touchpoint"}`;
    default:
      return "changed it";
  }
}
