// The @mention rule (lib/mentions.ts) on its edge cases, through both of its faces: the
// members the server notifies and the parts the browser highlights, which must always agree.
// Then the composer's completions, which must start where the rule does.
import { describe, expect, it } from "vitest";
import { findMentions, mentionedMembers, splitMentions } from "@/lib/mentions";
import { matchMembers, mentionQuery } from "@/app/_components/comments/mentions";

const members = [
  { userId: "ann", name: "Ann" },
  { userId: "ann-lee", name: "Ann Lee" },
  { userId: "bob", name: "Bob" },
  { userId: "bob-stone", name: "Bob Stone" },
  { userId: "dot", name: "J. R. (Jo)" },
  { userId: "zoe", name: "Zoë Ångström" },
  { userId: "blank", name: "   " },
];
const names = members.map((m) => m.name);
const ids = (body: string) => mentionedMembers(body, members).map((m) => m.userId).sort();
const highlighted = (body: string) => splitMentions(body, names).filter((part) => part.mention).map((part) => part.text);

describe("the mention rule", () => {
  it.each<[string, string[], string[]]>([
    // Start of text, after a space, after punctuation; any case.
    ["@Bob Stone please look", ["bob-stone"], ["@Bob Stone"]],
    ["thanks @bob stone!", ["bob-stone"], ["@bob stone"]],
    ["(@BOB STONE)", ["bob-stone"], ["@BOB STONE"]],
    ["hi,@Bob Stone", ["bob-stone"], ["@Bob Stone"]],
    ["line one\n@Ann", ["ann"], ["@Ann"]],
    // A name that prefixes another: the longest wins, and the shorter is found on its own.
    ["@Bob Stone and @Bob", ["bob", "bob-stone"], ["@Bob Stone", "@Bob"]],
    ["@Ann Lee can you check", ["ann-lee"], ["@Ann Lee"]],
    ["@Ann, not Lee", ["ann"], ["@Ann"]],
    // The long name is not followed by a word boundary: the shorter one is what was meant.
    ["@Ann Leeway", ["ann"], ["@Ann"]],
    // Punctuation right after the name.
    ["@Bob Stone: see the checkout. @Ann Lee? @Bob!", ["ann-lee", "bob", "bob-stone"], ["@Bob Stone", "@Ann Lee", "@Bob"]],
    // Email addresses and address-like tokens are not mentions.
    ["mail ann@Bob Stone", [], []],
    ["write to bob@example.test", [], []],
    ["write to x.@Ann or x_@Ann? no: x-@Ann, x+@Ann, x%@Ann, x9@Ann", [], []],
    // Whole names only; the @ right before the name.
    ["@Annabel will do it", [], []],
    ["@Bob Stonehenge", ["bob"], ["@Bob"]],
    ["@Zoë Ångströms", [], []],
    ["Bob Stone said so", [], []],
    ["@ Bob Stone", [], []],
    // Unknown names.
    ["@Carol and @Dave Smith", [], []],
    // Regex characters are literal; letters beyond ASCII.
    ["@J. R. (Jo) over to you", ["dot"], ["@J. R. (Jo)"]],
    ["@J? R. (Jo)", [], []],
    ["merci @zoë ångström", ["zoe"], ["@zoë ångström"]],
    // Each member once; blank names never.
    ["@Bob Stone @Bob Stone @bob stone", ["bob-stone"], ["@Bob Stone", "@Bob Stone", "@bob stone"]],
    ["@    @", [], []],
  ])("%j → notifies %j, highlights %j", (body, notified, marks) => {
    expect(ids(body)).toEqual(notified);
    expect(highlighted(body)).toEqual(marks);
    // Both faces of the rule agree: the highlighted names are exactly the notified members' names.
    const highlightedNames = new Set(marks.map((mark) => mark.slice(1).toLowerCase()));
    expect(mentionedMembers(body, members).map((m) => m.name.toLowerCase()).sort()).toEqual([...highlightedNames].sort());
  });

  it("keeps the whole body when cutting it into parts", () => {
    for (const body of ["", "plain", "@Bob", "a @Bob Stone b @Ann Lee", "mail ann@Bob Stone"]) {
      expect(splitMentions(body, names).map((part) => part.text).join("")).toBe(body);
    }
    expect(splitMentions("", names)).toEqual([{ text: "", mention: false }]);
    expect(splitMentions("@Bob", [])).toEqual([{ text: "@Bob", mention: false }]);
  });

  it("mentions every member who has the name, since the text cannot tell them apart", () => {
    const twins = [
      { userId: "sam-1", name: "Sam Lee" },
      { userId: "sam-2", name: "sam lee" },
    ];
    expect(mentionedMembers("@Sam Lee", twins).map((m) => m.userId)).toEqual(["sam-1", "sam-2"]);
    expect(mentionedMembers("@Sam Lee", [])).toEqual([]);
  });

  it("reports where each mention is", () => {
    expect(findMentions("hi @Bob Stone, @ann", names)).toEqual([
      { start: 3, end: 13, name: "bob stone" },
      { start: 15, end: 19, name: "ann" },
    ]);
  });
});

describe("the composer's completions", () => {
  const at = (text: string) => mentionQuery(text, text.length);

  it("start where a mention may start", () => {
    expect(at("@")).toEqual({ start: 0, query: "" });
    expect(at("hi @Bo")).toEqual({ start: 3, query: "Bo" });
    expect(at("(@Bob St")).toEqual({ start: 1, query: "Bob St" });
    expect(at("hi,@An")).toEqual({ start: 3, query: "An" });
  });

  it("are not offered inside an email address, nor for a long run of words", () => {
    expect(at("mail ann@Bo")).toBeNull();
    expect(at("x.@An")).toBeNull();
    expect(at("no mention here")).toBeNull();
    expect(at("@one two three four five")).toBeNull();
  });

  it("only look before the caret", () => {
    expect(mentionQuery("hi @Bob and more", 7)).toEqual({ start: 3, query: "Bob" });
  });

  it("match a full name or any word of it", () => {
    expect(matchMembers(members, "bo").map((m) => m.userId)).toEqual(["bob", "bob-stone"]);
    expect(matchMembers(members, "sto").map((m) => m.userId)).toEqual(["bob-stone"]);
    expect(matchMembers(members, "bob s").map((m) => m.userId)).toEqual(["bob-stone"]);
  });
});
