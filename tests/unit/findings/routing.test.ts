// Routing rules: each condition, their order, and the owning-team fallback.
import { describe, expect, it } from "vitest";
import { route, ruleMatches, type FindingFacts, type RoutingRule } from "@/server/findings/routing";

const facts = (overrides: Partial<FindingFacts> = {}): FindingFacts => ({
  stageId: "stage-post",
  touchpointId: "tp-delivery",
  channel: "web",
  severity: "medium",
  title: "Parcel arrived late",
  description: "",
  evidenceComments: [],
  evidenceCsat: [],
  owningTeamId: "team-cs",
  ...overrides,
});

describe("ruleMatches", () => {
  it.each<[string, Parameters<typeof ruleMatches>[0], Partial<FindingFacts>, boolean]>([
    ["no conditions match everything", {}, {}, true],
    ["stage in the list", { stageIds: ["stage-post", "stage-x"] }, {}, true],
    ["stage not in the list", { stageIds: ["stage-x"] }, {}, false],
    ["a stage condition needs a stage", { stageIds: ["stage-post"] }, { stageId: null }, false],
    ["touchpoint", { touchpointIds: ["tp-delivery"] }, {}, true],
    ["channel", { channels: ["phone"] }, {}, false],
    ["severity", { severities: ["high", "critical"] }, { severity: "critical" }, true],
    ["keyword in the title, any case", { keywords: ["LATE"] }, {}, true],
    ["keyword in an evidence comment", { keywords: ["box"] }, { evidenceComments: ["The box was crushed."] }, true],
    ["keywords are whole words", { keywords: ["ate"] }, {}, false],
    ["phrases match across punctuation", { keywords: ["arrived late"] }, { title: "Parcel arrived—late!" }, true],
    ["accents do not matter", { keywords: ["livraison"] }, { description: "Livraïson retardée" }, true],
    ["any of the keywords", { keywords: ["refund", "parcel"] }, {}, true],
    ["score: someone answered 2 or less", { maxCsat: 2 }, { evidenceCsat: [5, 2, 4] }, true],
    ["score: nobody that low", { maxCsat: 2 }, { evidenceCsat: [3, 4] }, false],
    ["score: no evidence, no match", { maxCsat: 2 }, {}, false],
    ["every condition must hold", { channels: ["web"], keywords: ["refund"] }, {}, false],
  ])("%s", (_, conditions, overrides, expected) => {
    expect(ruleMatches(conditions, facts(overrides))).toBe(expected);
  });
});

describe("route", () => {
  const rules: RoutingRule[] = [
    { id: "r1", name: "Delivery → Shipping", conditions: { keywords: ["delivery", "parcel"] }, teamId: "team-shipping", severity: "high" },
    { id: "r2", name: "Web → E-commerce", conditions: { channels: ["web"] }, teamId: "team-web", assigneeUserId: "user-ana" },
  ];

  it("the first matching rule wins, in order", () => {
    expect(route(rules, facts())).toEqual({ routedBy: "rule", ruleId: "r1", teamId: "team-shipping", assigneeUserId: null, severity: "high" });
    expect(route([...rules].reverse(), facts())).toEqual({ routedBy: "rule", ruleId: "r2", teamId: "team-web", assigneeUserId: "user-ana", severity: null });
  });

  it("falls back to the touchpoint's owning team", () => {
    expect(route(rules, facts({ title: "Hold music", channel: "phone" }))).toEqual({ routedBy: "owning_team", ruleId: null, teamId: "team-cs", assigneeUserId: null, severity: null });
  });

  it("routes nowhere without a rule or an owner", () => {
    expect(route([], facts({ owningTeamId: null })).routedBy).toBe("none");
  });
});
