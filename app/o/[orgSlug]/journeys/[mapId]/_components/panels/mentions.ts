// "@Full Name" mentions in comment bodies: finding them to highlight (the same rule the
// server uses to notify: a member's name after "@", as a whole word, longest name first)
// and the half-typed "@Ma" the composer offers completions for.

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface BodyPart {
  text: string;
  mention: boolean;
}

/** The body cut into plain text and mentions of the given member names. */
export function splitMentions(body: string, names: readonly string[]): BodyPart[] {
  const alternatives = [...new Set(names.map((name) => name.trim()).filter(Boolean))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (alternatives.length === 0) return [{ text: body, mention: false }];
  const pattern = new RegExp(`@(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index), mention: false });
    parts.push({ text: match[0], mention: true });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), mention: false });
  return parts;
}

/** The "@…" being typed just before the caret: where its "@" is and the text after it. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  // An "@" at the start or after a space (not an email address), then at most a few words.
  const match = /(?:^|\s)@([^\s@][^@\n]{0,40}|)$/u.exec(before);
  if (!match) return null;
  const query = match[1] ?? "";
  if (query.split(" ").length > 4) return null;
  return { start: before.length - query.length - 1, query };
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
