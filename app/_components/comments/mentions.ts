// The composer's half of "@Full Name" mentions: the half-typed "@Ma" it offers completions
// for, and which members match it. What counts as a mention once written (highlighting and
// notifying) is the shared rule in lib/mentions.ts; completions start where that rule does.
import { MENTION_START } from "@/lib/mentions";

// Where a mention may start, then at most a few words of a name being typed up to the caret.
const TYPING_MENTION = new RegExp(`${MENTION_START}([^\\s@][^@\\n]{0,40}|)$`, "u");

/** The "@…" being typed just before the caret: where its "@" is and the text after it. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = TYPING_MENTION.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? "";
  if (query.split(" ").length > 4) return null;
  return { start: match.index, query };
}

/** Members whose full name, or any word of it, starts with the query. */
export function matchMembers<T extends { name: string }>(members: readonly T[], query: string, limit = 6): T[] {
  const q = query.toLowerCase();
  return members
    .filter((member) => {
      const name = member.name.toLowerCase();
      return name.startsWith(q) || (!q.includes(" ") && name.split(/\s+/).some((word) => word.startsWith(q)));
    })
    .slice(0, limit);
}
