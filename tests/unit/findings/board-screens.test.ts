// The findings screens' pure pieces: the board's default view per role and its address, the
// SLA clock's wording, and the history read as sentences. Expected texts are written by hand.
import { describe, expect, it } from "vitest";
import { boardFiltersFromQuery, boardHref, sameFilters } from "@/app/o/[orgSlug]/findings/_lib/board-query";
import { formatSpan, slaText } from "@/app/o/[orgSlug]/findings/_components/finding-badges";
import { actorOf, historyAction } from "@/app/o/[orgSlug]/findings/_lib/history-sentence";

const HOUR = 3_600_000;
const names = {
  teams: new Map([["t-ship", "Shipping"]]),
  people: new Map([["u-maya", "Maya Manager"]]),
  rules: new Map([["r-1", "Packaging words to Shipping"]]),
};

describe("the board's address", () => {
  it("opens members and viewers on their team's queue, managers and above on all findings", () => {
    const empty = new URLSearchParams();
    expect(boardFiltersFromQuery(empty, "member").filters).toEqual({ myTeams: true, sort: "sla" });
    expect(boardFiltersFromQuery(empty, "viewer").filters).toEqual({ myTeams: true, sort: "sla" });
    expect(boardFiltersFromQuery(empty, "manager").filters).toEqual({});
    expect(boardFiltersFromQuery(empty, "owner").filters).toEqual({});
  });

  it("keeps an explicit choice: all findings for a member, filters as given", () => {
    expect(boardFiltersFromQuery(new URLSearchParams("all=yes"), "member").filters).toEqual({});
    expect(boardFiltersFromQuery(new URLSearchParams("severity=high&assignee=me"), "member").filters).toEqual({ severity: "high", assignee: "me" });
  });

  it("reports a filter it cannot read and falls back to the default", () => {
    const read = boardFiltersFromQuery(new URLSearchParams("severity=urgent"), "manager");
    expect(read.filters).toEqual({});
    expect(read.error).toBe("Pick a severity.");
  });

  it("writes all findings as ?all=yes so the default does not take over, and compares filters by meaning", () => {
    expect(boardHref("/o/acme/findings", {})).toBe("/o/acme/findings?all=yes");
    expect(boardHref("/o/acme/findings", { myTeams: true, sort: "sla" })).toBe("/o/acme/findings?sort=sla&myTeams=yes");
    expect(sameFilters({ sort: "sla", myTeams: true }, { myTeams: true, sort: "sla" })).toBe(true);
    expect(sameFilters({ myTeams: true }, { myTeams: true, sort: "sla" })).toBe(false);
  });
});

describe("the SLA clock's words", () => {
  it("rounds to minutes, hours under two days, then days", () => {
    expect(formatSpan(20 * 60_000)).toBe("20 min");
    expect(formatSpan(10_000)).toBe("1 min");
    expect(formatSpan(3 * HOUR)).toBe("3 h");
    expect(formatSpan(47 * HOUR)).toBe("47 h");
    expect(formatSpan(72 * HOUR)).toBe("3 d");
  });

  it("says which target runs and whether it is overdue", () => {
    const dueAt = new Date("2026-01-05T12:00:00Z");
    expect(slaText({ target: "first_response", state: "on_track", remainingMs: 3 * HOUR, dueAt })).toBe("First response due in 3 h");
    expect(slaText({ target: "resolution", state: "due_soon", remainingMs: 5 * 24 * HOUR, dueAt })).toBe("Resolution due in 5 d");
    expect(slaText({ target: "first_response", state: "breached", remainingMs: -5 * HOUR, dueAt })).toBe("First response overdue by 5 h");
  });
});

describe("the history as sentences", () => {
  const event = (kind: string, detail: Record<string, unknown>, actorKind = "user", actorName: string | null = "Maya Manager") => ({ kind, detail, actorKind, actorName });

  it("names the actor: a person, an API key, or Waymark itself", () => {
    expect(actorOf(event("status", {}))).toBe("Maya Manager");
    expect(actorOf(event("status", {}, "api_key", null))).toBe("An API key");
    expect(actorOf(event("status", {}, "system", null))).toBe("Waymark");
  });

  it("tells each kind of change", () => {
    expect(historyAction(event("status", { from: "triaged", to: "in_progress" }), names)).toBe("moved it to In progress");
    expect(historyAction(event("status", { from: "new", to: "wont_fix", reason: "Supplier contract ends in May" }), names)).toBe("moved it to Won't fix: “Supplier contract ends in May”");
    expect(historyAction(event("routed", { routedBy: "rule", ruleId: "r-1", teamId: "t-ship" }), names)).toBe("routed it to Shipping by the rule “Packaging words to Shipping”");
    expect(historyAction(event("routed", { routedBy: "owning_team", ruleId: null, teamId: "t-ship" }), names)).toBe("routed it to Shipping, the touchpoint's owner");
    expect(historyAction(event("routed", { routedBy: "none", ruleId: null, teamId: null }), names)).toBe("found no team to route it to");
    expect(historyAction(event("assignee", { from: null, to: "u-maya" }), names)).toBe("assigned it to Maya Manager");
    expect(historyAction(event("assignee", { from: "u-maya", to: null }), names)).toBe("unassigned it");
    expect(historyAction(event("severity", { from: "high", to: "critical" }), names)).toBe("set severity to Critical");
    expect(historyAction(event("due", { from: null, to: "2026-03-12T00:00:00.000Z" }), names)).toBe("set the due date to 12 Mar 2026");
    expect(historyAction(event("labels", { from: [], to: ["packaging", "damage"] }), names)).toBe("set labels to packaging, damage");
    expect(historyAction(event("created", { evidence: 12 }), names)).toBe("created it with 12 responses as evidence");
    expect(historyAction(event("merged", { from: "x", number: 7 }), names)).toBe("merged F-7 into it, with its evidence");
  });

  it("survives names that are gone", () => {
    expect(historyAction(event("team", { to: "t-gone" }), names)).toBe("handed it to a team that no longer exists");
    expect(historyAction(event("routed", { routedBy: "rule", ruleId: "r-gone", teamId: "t-ship" }), names)).toBe("routed it to Shipping by the rule “a deleted rule”");
  });
});
