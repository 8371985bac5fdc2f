// The one rule for "@Full Name" mentions in comments, used by the browser to highlight them
// and by the server to notify the people mentioned, so the two cannot disagree:
// - a mention starts with "@" at the start of the text or after a character that cannot be
//   part of an email address's local part ("ann@Bob Stone" is an address-like token, not a
//   mention; "(@Bob Stone)" and "hi,@Bob Stone" are mentions);
// - then a member's full name, in any case, ending where a letter or digit cannot continue it;
// - the longest name wins at each "@" ("@Ann Lee" is Ann Lee, not Ann), and a name that is
//   not followed by a word boundary falls back to a shorter one that is ("@Ann Leeway" is Ann).
// Members who share a name are all mentioned by it: the text cannot tell them apart.

/** Where a mention may start: an "@" not after a letter, a digit or `._%+-` (what precedes the "@" of an email address). */
export const MENTION_START = String.raw`(?<![\p{L}\p{N}._%+-])@`;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const normalize = (name: string) => name.trim().toLowerCase();

export interface MentionSpan {
  /** Index of the "@". */
  start: number;
  /** Index just past the name. */
  end: number;
  /** The name as the member list spells it, lower-cased and trimmed. */
  name: string;
}

/** Every mention of one of `names` in the body, in order. Blank names are ignored. */
export function findMentions(body: string, names: readonly string[]): MentionSpan[] {
  const alternatives = [...new Set(names.map(normalize).filter(Boolean))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (alternatives.length === 0) return [];
  const pattern = new RegExp(`${MENTION_START}(${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  return [...body.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length, name: match[1]!.toLowerCase() }));
}

export interface BodyPart {
  text: string;
  mention: boolean;
}

/** The body cut into plain text and mentions, for highlighting. */
export function splitMentions(body: string, names: readonly string[]): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const { start, end } of findMentions(body, names)) {
    if (start > last) parts.push({ text: body.slice(last, start), mention: false });
    parts.push({ text: body.slice(start, end), mention: true });
    last = end;
  }
  if (last < body.length || parts.length === 0) parts.push({ text: body.slice(last), mention: false });
  return parts;
}

/** The members the body mentions, each once, in the order of the member list. */
export function mentionedMembers<T extends { name: string }>(body: string, members: readonly T[]): T[] {
  const mentioned = new Set(findMentions(body, members.map((member) => member.name)).map((span) => span.name));
  return members.filter((member) => mentioned.has(normalize(member.name)));
}
