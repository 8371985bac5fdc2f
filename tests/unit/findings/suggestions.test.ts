// Grouping unhappy comments into suggested findings, on comments whose groups were worked out by hand.
import { describe, expect, it } from "vitest";
import { contentWords, suggestFindings, type LowScoreComment } from "@/server/findings/suggestions";

let n = 0;
const c = (touchpointId: string, comment: string): LowScoreComment => ({ responseId: `r${++n}`, touchpointId, comment });

describe("contentWords", () => {
  it("keeps the words that carry meaning", () => {
    expect(contentWords("I couldn't print the return LABEL — no printer!")).toEqual(["print", "return", "label", "printer"]);
    expect(contentWords("Café crème")).toEqual(["cafe", "creme"]);
  });
});

describe("suggestFindings", () => {
  it("groups by a shared phrase, keeps touchpoints apart, and needs three comments", () => {
    n = 0;
    const comments = [
      c("returns", "Returning meant printing a label and I have no printer."), // r1
      c("returns", "No printer at home, so no return label."), // r2
      c("returns", "Why do I need a printer to send it back?"), // r3
      c("returns", "The refund took three weeks."), // r4
      c("returns", "Refund took three weeks again"), // r5
      c("phone", "On hold for 40 minutes."), // r6
      c("phone", "The hold music never ended"), // r7
      c("phone", "Put on hold twice"), // r8
      c("phone", "Agent was rude."), // r9
    ];
    expect(suggestFindings(comments)).toEqual([
      { touchpointId: "phone", phrase: "hold", responseIds: ["r6", "r7", "r8"], example: "On hold for 40 minutes." },
      { touchpointId: "returns", phrase: "printer", responseIds: ["r1", "r2", "r3"], example: "No printer at home, so no return label." },
    ]);
  });

  it("prefers a two-word phrase when most of the word's comments share it", () => {
    n = 0;
    const comments = [
      c("setup", "Instructions missing step 4"),
      c("setup", "The instructions are missing pages"),
      c("setup", "Instructions missing entirely"),
      c("setup", "Instructions were confusing"),
    ];
    // "instructions" is in 4 comments, "instructions missing" in 3 (3 ≥ 0.6 × 4): the phrase wins; the fourth stays alone.
    expect(suggestFindings(comments)).toEqual([{ touchpointId: "setup", phrase: "instructions missing", responseIds: ["r1", "r2", "r3"], example: "Instructions missing entirely" }]);
  });

  it("does not offer wording a manager dismissed for that touchpoint", () => {
    n = 0;
    const comments = ["Late parcel", "Another late parcel", "late parcel, again"].map((text) => c("delivery", text));
    expect(suggestFindings(comments).map((s) => s.phrase)).toEqual(["late parcel"]);
    // Then the single words, tied at three comments: the alphabetically first.
    expect(suggestFindings(comments, new Set(["delivery|late parcel"])).map((s) => s.phrase)).toEqual(["late"]);
    expect(suggestFindings(comments, new Set(["delivery|late parcel", "delivery|late"])).map((s) => s.phrase)).toEqual(["parcel"]);
    expect(suggestFindings(comments, new Set(["elsewhere|late parcel"])).map((s) => s.phrase)).toEqual(["late parcel"]);
  });

  it("gives nothing for no comments", () => {
    expect(suggestFindings([])).toEqual([]);
  });
});
