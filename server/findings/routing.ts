// Routing rules: an ordered list of conditions that decides which team a new finding lands
// with (and optionally its assignee and severity). The first rule whose every condition holds
// wins; with none, the touchpoint's owning team does. Pure: the service loads the rules and
// the finding's context, this decides, and the finding records which rule routed it.
import type { Channel, Severity } from "@/db/journey-constants";

/** Every condition a rule may carry; a rule with no conditions matches everything. */
export interface RuleConditions {
  stageIds?: string[];
  touchpointIds?: string[];
  channels?: Channel[];
  severities?: Severity[];
  /** Any of these words or phrases in the title, the description or an evidence comment (case- and accent-insensitive, whole words). */
  keywords?: string[];
  /** The lowest evidence CSAT must be at most this (e.g. 2: "someone answered 1 or 2"). */
  maxCsat?: number;
}

export interface RoutingRule {
  id: string;
  name: string;
  conditions: RuleConditions;
  teamId: string;
  assigneeUserId?: string | null;
  severity?: Severity | null;
}

/** What the rules look at. */
export interface FindingFacts {
  stageId: string | null;
  touchpointId: string | null;
  channel: Channel | null;
  severity: Severity | null;
  title: string;
  description: string;
  evidenceComments: string[];
  /** CSAT answers of the linked evidence. */
  evidenceCsat: number[];
  /** The touchpoint's owning team, the fallback. */
  owningTeamId: string | null;
}

export type RoutingDecision =
  | { routedBy: "rule"; ruleId: string; teamId: string; assigneeUserId: string | null; severity: Severity | null }
  | { routedBy: "owning_team"; ruleId: null; teamId: string; assigneeUserId: null; severity: null }
  | { routedBy: "none"; ruleId: null; teamId: null; assigneeUserId: null; severity: null };

/** Lower case, accents removed, punctuation as spaces: "Délivery—late!" → " delivery late ". */
function normalize(text: string): string {
  const plain = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return ` ${plain.replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
}

function mentions(haystack: string, keyword: string): boolean {
  const needle = normalize(keyword);
  return needle.trim() !== "" && haystack.includes(needle);
}

const listHolds = <T>(allowed: T[] | undefined, value: T | null) => !allowed?.length || (value !== null && allowed.includes(value));

export function ruleMatches(conditions: RuleConditions, facts: FindingFacts): boolean {
  if (!listHolds(conditions.stageIds, facts.stageId)) return false;
  if (!listHolds(conditions.touchpointIds, facts.touchpointId)) return false;
  if (!listHolds(conditions.channels, facts.channel)) return false;
  if (!listHolds(conditions.severities, facts.severity)) return false;
  if (conditions.keywords?.length) {
    const text = [facts.title, facts.description, ...facts.evidenceComments].map(normalize).join("");
    if (!conditions.keywords.some((keyword) => mentions(text, keyword))) return false;
  }
  if (conditions.maxCsat !== undefined) {
    if (!facts.evidenceCsat.length || Math.min(...facts.evidenceCsat) > conditions.maxCsat) return false;
  }
  return true;
}

/** The first matching rule in order decides; then the touchpoint's owning team; else nobody. */
export function route(rules: readonly RoutingRule[], facts: FindingFacts): RoutingDecision {
  const rule = rules.find((r) => ruleMatches(r.conditions, facts));
  if (rule) return { routedBy: "rule", ruleId: rule.id, teamId: rule.teamId, assigneeUserId: rule.assigneeUserId ?? null, severity: rule.severity ?? null };
  if (facts.owningTeamId) return { routedBy: "owning_team", ruleId: null, teamId: facts.owningTeamId, assigneeUserId: null, severity: null };
  return { routedBy: "none", ruleId: null, teamId: null, assigneeUserId: null, severity: null };
}
