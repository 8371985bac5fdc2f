// Finding "@Name" mentions of members in a comment: whole names, any case, the longest name
// winning over a shorter one it starts with, names with characters a regex would misread.
import { describe, expect, it } from "vitest";
import { mentionedMembers } from "@/server/services/comments";

const members = [
  { userId: "ann", name: "Ann" },
  { userId: "ann-lee", name: "Ann Lee" },
  { userId: "bob", name: "Bob Stone" },
  { userId: "dot", name: "J. R. (Jo)" },
  { userId: "zoe", name: "Zoë Ångström" },
  { userId: "blank", name: "   " },
];
const ids = (body: string) => mentionedMembers(body, members).map((m) => m.userId).sort();

describe("mentionedMembers", () => {
  it("finds a member named after an @, in any case", () => {
    expect(ids("@Bob Stone please look")).toEqual(["bob"]);
    expect(ids("thanks @bob stone!")).toEqual(["bob"]);
    expect(ids("(@BOB STONE)")).toEqual(["bob"]);
  });

  it("prefers the longest name, and still finds the shorter one mentioned separately", () => {
    expect(ids("@Ann Lee can you check")).toEqual(["ann-lee"]);
    expect(ids("@Ann Lee and @Ann")).toEqual(["ann", "ann-lee"]);
    expect(ids("@Ann, not Lee")).toEqual(["ann"]);
  });

  it("needs the whole name: a longer word is someone else", () => {
    expect(ids("@Annabel will do it")).toEqual([]);
    expect(ids("@Bob Stonehenge")).toEqual([]);
    expect(ids("@Zoë Ångströms")).toEqual([]);
  });

  it("needs the @ right before the name", () => {
    expect(ids("Bob Stone said so")).toEqual([]);
    expect(ids("@ Bob Stone")).toEqual([]);
  });

  it("does not take an email address for a mention", () => {
    expect(ids("mail ann@bob stone.example")).toEqual([]);
    expect(ids("write to x.@Ann")).toEqual([]);
  });

  it("treats regex characters in names literally, and matches names beyond ASCII", () => {
    expect(ids("@J. R. (Jo) over to you")).toEqual(["dot"]);
    expect(ids("@J? R. (Jo)")).toEqual([]);
    expect(ids("merci @zoë ångström")).toEqual(["zoe"]);
  });

  it("lists each member once, and never someone with a blank name", () => {
    expect(ids("@Bob Stone @Bob Stone @bob stone")).toEqual(["bob"]);
    expect(ids("@    @")).toEqual([]);
    expect(mentionedMembers("@Bob Stone", [])).toEqual([]);
  });
});
