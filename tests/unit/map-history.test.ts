// The map-history sentences: one for every MapAction with the data its service records, and
// vaguer sentences (never a crash) when data is missing, malformed or from an unknown action.
import { describe, expect, it } from "vitest";
import { listOf } from "@/lib/format";
import { dayLabel, describeMapEvent, groupByDay } from "@/lib/map-history";
import type { MapAction } from "@/server/services/map-history";

const say = (action: string, data: unknown, actorName: string | null = "Maya Manager") => {
  const { actor, summary } = describeMapEvent({ action, data, actorName });
  return `${actor} ${summary}`;
};

// The data each service records today (server/services/*), one example per action.
const recorded: Record<MapAction, [data: Record<string, unknown>, sentence: string]> = {
  "map.created": [{ name: "Onboarding", template: "purchase" }, "Maya Manager created the map “Onboarding” from the Purchase journey template"],
  "map.imported": [{ name: "Onboarding (copy)", from: "Onboarding" }, "Maya Manager imported this map from a file, as “Onboarding (copy)” (exported as “Onboarding”)"],
  "map.updated": [{ name: "Onboarding", changed: ["status"], status: "active" }, "Maya Manager set its status to Active"],
  "stage.created": [{ name: "Delivery" }, "Maya Manager added the stage “Delivery”"],
  "stage.updated": [{ name: "After sale", previousName: "Post-purchase" }, "Maya Manager renamed the stage “Post-purchase” to “After sale”"],
  "stage.moved": [{ name: "Purchase" }, "Maya Manager moved the stage “Purchase”"],
  "stage.deleted": [{ name: "Return", touchpoints: 3 }, "Maya Manager deleted the stage “Return” with its 3 touchpoints"],
  "touchpoint.created": [{ name: "Checkout", stage: "Purchase" }, "Maya Manager added the touchpoint “Checkout” to Purchase"],
  "touchpoint.updated": [{ name: "Checkout", changed: ["channel", "teamId"] }, "Maya Manager changed the channel and owning team of the touchpoint “Checkout”"],
  "touchpoint.moved": [{ name: "Delivery", stage: "Post-purchase", fromStage: "Purchase" }, "Maya Manager moved “Delivery” to Post-purchase (from Purchase)"],
  "touchpoint.deleted": [{ name: "Fax order" }, "Maya Manager deleted the touchpoint “Fax order”"],
  "obstacle.created": [{ kind: "obstacle", title: "Long hold times", touchpoint: "Call centre" }, "Maya Manager added the obstacle “Long hold times” to “Call centre”"],
  "obstacle.updated": [{ kind: "opportunity", title: "Call-back option" }, "Maya Manager updated the opportunity “Call-back option”"],
  "obstacle.deleted": [{ kind: "obstacle", title: "Long hold times" }, "Maya Manager deleted the obstacle “Long hold times”"],
  "comment.created": [{ about: "Call centre", mentions: ["Olivia Owner", "Victor Viewer"] }, "Maya Manager commented on “Call centre”, mentioning Olivia Owner and Victor Viewer"],
  "share_link.created": [{}, "Maya Manager created a read-only share link"],
  "share_link.revoked": [{}, "Maya Manager revoked a read-only share link"],
};

describe("describeMapEvent", () => {
  it.each(Object.entries(recorded))("%s reads as a sentence", (action, [data, sentence]) => {
    expect(say(action, data)).toBe(sentence);
  });

  it("never falls back for a known action, even with no data at all", () => {
    for (const action of Object.keys(recorded)) {
      for (const data of [{}, null, undefined, "oops", 42, []]) {
        const { summary } = describeMapEvent({ action, data, actorName: "Ann" });
        expect(summary, `${action} ${JSON.stringify(data)}`).not.toBe("changed the map");
        expect(summary).not.toMatch(/undefined|null|“”|\s{2}|^\s|\s$/);
      }
    }
  });

  it("says 'Someone' for a departed actor and stays vague for an unknown action", () => {
    expect(say("stage.created", { name: "Delivery" }, null)).toBe("Someone added the stage “Delivery”");
    expect(say("map.exploded", { name: "x" })).toBe("Maya Manager changed the map");
    expect(say("toString", {})).toBe("Maya Manager changed the map");
    expect(say("__proto__", {})).toBe("Maya Manager changed the map");
  });

  it("tells a move between stages from a reorder within one", () => {
    expect(say("touchpoint.moved", { name: "Delivery", stage: "Post-purchase" })).toBe("Maya Manager reordered “Delivery” within Post-purchase");
    expect(say("touchpoint.moved", { name: "Delivery" })).toBe("Maya Manager moved “Delivery”");
  });

  it("lists what changed on the map", () => {
    expect(say("map.updated", { name: "Retail", changed: ["name", "description", "personaId"] })).toBe(
      "Maya Manager renamed the map to “Retail” and changed the description and the persona",
    );
    expect(say("map.updated", { name: "Retail", changed: ["ownerUserId", "status"], status: "archived" })).toBe(
      "Maya Manager set its status to Archived and changed the owner",
    );
    expect(say("map.updated", { name: "Retail", changed: [] })).toBe("Maya Manager updated the map’s details");
    expect(say("map.updated", { changed: ["status"], status: "bogus" })).toBe("Maya Manager changed its status");
  });

  it("names a renamed touchpoint by both names", () => {
    expect(say("touchpoint.updated", { name: "Pay", previousName: "Checkout", changed: ["name"] })).toBe("Maya Manager renamed the touchpoint “Checkout” to “Pay”");
    expect(say("touchpoint.updated", { name: "Pay", previousName: "Checkout", changed: ["name", "notes"] })).toBe(
      "Maya Manager renamed the touchpoint “Checkout” to “Pay” and changed its notes",
    );
    expect(say("touchpoint.updated", { name: "Pay", changed: [] })).toBe("Maya Manager updated the touchpoint “Pay”");
  });

  it("covers the edges of the other sentences", () => {
    expect(say("map.created", { name: "Retail", template: "blank" })).toBe("Maya Manager created the map “Retail”");
    expect(say("map.created", { name: "Retail", template: "demo" })).toBe("Maya Manager created the map “Retail”");
    expect(say("map.imported", { name: "Retail", from: "Retail" })).toBe("Maya Manager imported this map from a file");
    expect(say("stage.deleted", { name: "Return", touchpoints: 1 })).toBe("Maya Manager deleted the stage “Return” with its 1 touchpoint");
    expect(say("stage.deleted", { name: "Return", touchpoints: 0 })).toBe("Maya Manager deleted the stage “Return”");
    expect(say("obstacle.created", { kind: "weird", title: "X" })).toBe("Maya Manager added the insight “X”");
    expect(say("comment.created", { about: "Retail", mentions: [] })).toBe("Maya Manager commented on “Retail”");
    expect(say("comment.created", { mentions: "nope" })).toBe("Maya Manager commented on the map");
  });
});

describe("listOf", () => {
  it("joins with commas and a final 'and'", () => {
    expect(listOf([])).toBe("");
    expect(listOf(["a"])).toBe("a");
    expect(listOf(["a", "b"])).toBe("a and b");
    expect(listOf(["a", "b", "c"])).toBe("a, b and c");
  });
});

describe("groupByDay", () => {
  const now = new Date(2025, 5, 12, 15, 0);
  const at = (day: number, hour: number) => ({ id: `${day}-${hour}`, createdAt: new Date(2025, 5, day, hour) });

  it("keeps the given order and labels today, yesterday and older days", () => {
    const groups = groupByDay([at(12, 14), at(12, 9), at(11, 23), at(3, 10), at(3, 8)], now);
    expect(groups.map((g) => [g.label, g.events.map((e) => e.id)])).toEqual([
      ["Today", ["12-14", "12-9"]],
      ["Yesterday", ["11-23"]],
      ["Tuesday 3 June", ["3-10", "3-8"]],
    ]);
  });

  it("adds the year for another year, and handles month boundaries", () => {
    expect(dayLabel(new Date(2024, 11, 31, 12), now)).toBe("31 December 2024");
    expect(dayLabel(new Date(2025, 4, 31, 12), new Date(2025, 5, 1, 8))).toBe("Yesterday");
    expect(groupByDay([], now)).toEqual([]);
  });
});
