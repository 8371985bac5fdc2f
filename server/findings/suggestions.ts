// Suggested findings: unhappy customers who describe the same obstacle at the same touchpoint.
// Comments of low-score responses are grouped per touchpoint by the wording they share — a
// two-word phrase when enough of them use it (more specific), else one word — greedily, the
// largest group first, so each comment lands in one suggestion. Pure: the service loads the
// comments and the dismissed phrases, this groups.
import { eng } from "stopword";
import type { ScoreMetric } from "@/db/survey-constants";

/** What counts as unhappy: CSAT 1–2, NPS 0–6 (a detractor), CES 1–3 (hard to get done). */
export const LOW_SCORE: Record<ScoreMetric, number> = { csat: 2, nps: 6, ces: 3 };

/** A suggestion needs this many comments sharing the wording. */
export const MIN_GROUP = 3;
/** A phrase wins over its words when at least this share of the best single word's comments use it. */
const PHRASE_PREFERENCE = 0.6;

export interface LowScoreComment {
  responseId: string;
  touchpointId: string;
  comment: string;
}

export interface Suggestion {
  touchpointId: string;
  /** The shared wording, lower case: "printing label", "hold". */
  phrase: string;
  responseIds: string[];
  /** The comment most of them wrote (or the first), to show what it is about. */
  example: string;
}

const STOPWORDS = new Set([...eng, "im", "ive", "dont", "didnt", "doesnt", "wasnt", "cant", "couldnt", "got", "get", "just", "really", "one", "also"]);

/** Content words: lower case, accents and apostrophes dropped, stopwords and short words out. */
export function contentWords(text: string): string[] {
  const plain = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/['’]/g, "");
  return plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

/** The terms a comment offers: its content words and the pairs of neighbouring content words. */
function termsOf(text: string): { words: Set<string>; phrases: Set<string> } {
  const words = contentWords(text);
  const phrases = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) phrases.add(`${words[i]} ${words[i + 1]}`);
  return { words: new Set(words), phrases };
}

/** The text written most often (ties: alphabetically first); "" for none. */
export function mostCommonComment(texts: string[]): string {
  if (texts.length === 0) return "";
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

function bestTerm(pool: { terms: Set<string> }[]): [string, number] | null {
  const counts = new Map<string, number>();
  for (const item of pool) for (const term of item.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  // Ties go to the alphabetically first term, so the same comments always give the same suggestions.
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return sorted[0] ?? null;
}

function groupTouchpoint(touchpointId: string, comments: LowScoreComment[], dismissed: Set<string>): Suggestion[] {
  let pool = comments.map((c) => {
    const { words, phrases } = termsOf(c.comment);
    return { ...c, words, phrases };
  });
  const suggestions: Suggestion[] = [];
  for (;;) {
    const usable = (terms: Set<string>) => new Set([...terms].filter((t) => !dismissed.has(t)));
    const word = bestTerm(pool.map((c) => ({ terms: usable(c.words) })));
    const phrase = bestTerm(pool.map((c) => ({ terms: usable(c.phrases) })));
    const choice = phrase && phrase[1] >= MIN_GROUP && (!word || phrase[1] >= PHRASE_PREFERENCE * word[1]) ? phrase : word;
    if (!choice || choice[1] < MIN_GROUP) break;
    const [term] = choice;
    const isPhrase = term.includes(" ");
    const members = pool.filter((c) => (isPhrase ? c.phrases : c.words).has(term));
    suggestions.push({ touchpointId, phrase: term, responseIds: members.map((m) => m.responseId), example: mostCommonComment(members.map((m) => m.comment)) });
    const taken = new Set(members.map((m) => m.responseId));
    pool = pool.filter((c) => !taken.has(c.responseId));
  }
  return suggestions;
}

/**
 * Suggestions for every touchpoint, largest first. `dismissed` holds "touchpointId|phrase"
 * keys a manager turned down: that wording is not offered again for that touchpoint.
 */
export function suggestFindings(comments: LowScoreComment[], dismissed: ReadonlySet<string> = new Set()): Suggestion[] {
  const byTouchpoint = new Map<string, LowScoreComment[]>();
  for (const c of comments) {
    const list = byTouchpoint.get(c.touchpointId);
    if (list) list.push(c);
    else byTouchpoint.set(c.touchpointId, [c]);
  }
  const all: Suggestion[] = [];
  for (const [touchpointId, list] of byTouchpoint) {
    const mine = new Set([...dismissed].filter((key) => key.startsWith(`${touchpointId}|`)).map((key) => key.slice(touchpointId.length + 1)));
    all.push(...groupTouchpoint(touchpointId, list, mine));
  }
  return all.sort((a, b) => b.responseIds.length - a.responseIds.length || a.touchpointId.localeCompare(b.touchpointId) || a.phrase.localeCompare(b.phrase));
}
