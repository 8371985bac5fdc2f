// Proposing how an export's columns become responses, from the headers, the question texts
// and the first rows' values — what a CX analyst would pick by reading the file. The person
// importing confirms or edits it; each pick carries the reason it was made.
import { SCORE_METRICS, type ScoreMetric } from "@/db/survey-constants";
import { columnMappingSchema, type ColumnMapping } from "../schemas/survey-mapping";
import type { ExportColumn, ExportHeader } from "./export-layouts";
import { readsAsScore } from "./scores";
import { inferDateOrder, parseTimestamp } from "./timestamps";
import { channelFromText, normalizeWord, touchpointLookup, type TouchpointRef } from "./vocabulary";

/** A mapping with the parts the file did not reveal left empty, for the person to fill in. */
export type DraftMapping = Omit<ColumnMapping, "submittedAt" | "touchpoint"> & {
  submittedAt: ColumnMapping["submittedAt"] | null;
  touchpoint: ColumnMapping["touchpoint"] | null;
};

export interface MappingProposal {
  draft: DraftMapping;
  /** The draft when it is complete (a time, a touchpoint, at least one score), else null: the wizard asks. */
  mapping: ColumnMapping | null;
  /** Field → why that column was chosen, or why nothing was. */
  reasons: Record<string, string>;
  /** Shown with the mapping: a guessed day/month order, a derived response id. */
  warnings: string[];
}

interface ColumnProfile {
  column: ExportColumn;
  /** Name and question text, normalized, for matching wording. */
  words: string;
  values: string[];
  distinct: number;
  averageLength: number;
}

const fit = (profile: ColumnProfile, test: (value: string) => boolean) =>
  profile.values.length === 0 ? 0 : profile.values.filter(test).length / profile.values.length;

const ID_NAMES = ["responseid", "response id", "response_id", "respondent id", "#", "submission id", "external id", "externalid", "id", "token"];
const SCORE_WORDS: Record<ScoreMetric, RegExp> = {
  csat: /\bcsat\b|satisf/,
  nps: /\bnps\b|recommend|\blikely\b/,
  ces: /\bces\b|\beas(y|e|ier)\b|effort|difficult/,
};
const TIME_WORDS: [RegExp, number][] = [
  [/submit|recorded/, 4],
  [/end date|completed|timestamp|responded/, 3],
  [/\b(date|time|created)\b/, 1],
  [/start/, -2],
];
const COMMENT_WORDS = /comment|feedback|\bwhy\b|tell us|anything else|suggest|improve|better|verbatim|open ended|explain/;
const SEGMENT_WORDS = /\bage\b|age band|age range|region|country|persona|segment|gender|plan|tier|location|city|state|customer type|language|loyalty|membership/;
const PRIVATE_WORDS = /e ?mail|first name|last name|recipient|ip ?address|latitude|longitude|phone number|address/;

export function proposeMapping(
  header: ExportHeader,
  sample: readonly (readonly string[])[],
  options: { touchpoints: readonly TouchpointRef[]; defaultTouchpointKey?: string | null },
): MappingProposal {
  const profiles: ColumnProfile[] = header.columns.map((column) => {
    const values = sample.map((row) => row[column.index]?.trim() ?? "").filter(Boolean);
    return {
      column,
      words: normalizeWord(`${column.name} ${column.question ?? ""}`),
      values,
      distinct: new Set(values).size,
      averageLength: values.length ? values.reduce((n, v) => n + v.length, 0) / values.length : 0,
    };
  });
  const used = new Set<string>();
  const take = (profile: ColumnProfile | undefined) => {
    if (profile) used.add(profile.column.name);
    return profile?.column.name ?? null;
  };
  const free = () => profiles.filter((p) => !used.has(p.column.name));
  const reasons: Record<string, string> = {};
  const warnings: string[] = [];
  const label = (p: ColumnProfile) => `"${p.column.question ?? p.column.name}"`;

  // Response id: a known id header filled on every row (a repeated id is reported by line when importing).
  const idColumn = ID_NAMES.map((name) => free().find((p) => normalizeWord(p.column.name) === normalizeWord(name) || p.column.name.toLowerCase() === name)).find(
    (p) => p && p.values.length === sample.length,
  );
  const responseId = take(idColumn);
  if (idColumn) reasons.responseId = `${label(idColumn)}: an id on every row.`;
  else {
    reasons.responseId = "No response id column: each row gets an id made from its content, so uploading the same file again adds nothing.";
    warnings.push(reasons.responseId);
  }

  // Submission time: the best-named column whose values read as times.
  const timeCandidates = free()
    .filter((p) => p.values.length > 0 && fit(p, (v) => parseTimestamp(v, { order: "mdy", timeZone: "UTC" }).ok || parseTimestamp(v, { order: "dmy", timeZone: "UTC" }).ok) >= 0.9)
    .map((p) => ({ p, score: TIME_WORDS.reduce((s, [re, w]) => (re.test(p.words) ? s + w : s), 0) }))
    .sort((a, b) => b.score - a.score);
  const timeProfile = timeCandidates[0]?.p;
  let submittedAt: ColumnMapping["submittedAt"] | null = null;
  if (timeProfile) {
    const order = inferDateOrder(timeProfile.values);
    const dateOrder = "error" in order ? "mdy" : order.order;
    submittedAt = { column: take(timeProfile)!, dateOrder, timeZone: null };
    reasons.submittedAt = `${label(timeProfile)}: dates and times${timeProfile.column.timeZone ? ` (the export says ${timeProfile.column.timeZone})` : ""}.`;
    if ("error" in order) warnings.push(order.error);
    else if (order.order !== "ymd" && order.evidence === null) {
      warnings.push(`No day in ${label(timeProfile)} is over 12, so month and day could be either way round: read as month/day. Change it if the file is day/month.`);
    }
  } else reasons.submittedAt = "No column reads as dates and times: choose the one with when each response was submitted.";

  // Scores: wording first (the question says satisfied / recommend / easy), then values on the scale.
  const scores: Partial<Record<ScoreMetric, string | null>> = {};
  for (const metric of SCORE_METRICS) {
    const candidates = free()
      .filter((p) => p.values.length > 0 && SCORE_WORDS[metric].test(p.words))
      .map((p) => ({ p, fit: fit(p, (v) => readsAsScore(metric, v)) }))
      // The wording already says which score it is: most answers on the scale is enough, and
      // the odd bad value becomes a row error that names it, rather than no mapping at all.
      .filter((c) => c.fit >= 0.6)
      .sort((a, b) => b.fit - a.fit);
    const chosen = candidates[0]?.p;
    scores[metric] = take(chosen);
    reasons[metric] = chosen ? `${label(chosen)}: its wording and its answers fit the ${metric.toUpperCase()} scale.` : `No ${metric.toUpperCase()} question found.`;
  }

  // Channel and touchpoint: columns whose values name them.
  const channelProfile = free().find((p) => p.values.length > 0 && fit(p, (v) => channelFromText(v) !== undefined) >= 0.8);
  const channel = take(channelProfile);
  reasons.channel = channelProfile ? `${label(channelProfile)}: its values are channels.` : "No channel column.";

  const lookup = touchpointLookup(options.touchpoints);
  const touchpointProfile = free()
    .filter((p) => p.values.length > 0)
    .map((p) => ({ p, fit: fit(p, (v) => lookup.has(v.toLowerCase())) + (/touchpoint/.test(p.words) ? 0.5 : 0) }))
    .filter((c) => c.fit >= 0.8)
    .sort((a, b) => b.fit - a.fit)[0]?.p;
  let touchpoint: ColumnMapping["touchpoint"] | null = null;
  if (touchpointProfile) {
    touchpoint = { kind: "column", column: take(touchpointProfile)! };
    reasons.touchpoint = `${label(touchpointProfile)}: its values are touchpoints of your journey maps.`;
  } else if (options.defaultTouchpointKey) {
    touchpoint = { kind: "fixed", touchpointKey: options.defaultTouchpointKey };
    reasons.touchpoint = "No column names touchpoints: every response goes to the survey's default touchpoint.";
  } else reasons.touchpoint = "No column names touchpoints: choose the touchpoint these responses are about.";

  // Comment: the longest free text among comment-worded columns, else the longest free text.
  const texts = free().filter((p) => p.values.length > 0 && p.averageLength >= 8 && fit(p, (v) => !/^-?\d+([.,]\d+)?$/.test(v)) >= 0.9);
  const commentProfile =
    texts.filter((p) => COMMENT_WORDS.test(p.words)).sort((a, b) => b.averageLength - a.averageLength)[0] ??
    texts.filter((p) => p.averageLength >= 20 && !PRIVATE_WORDS.test(p.words)).sort((a, b) => b.averageLength - a.averageLength)[0];
  const comment = take(commentProfile);
  reasons.comment = commentProfile ? `${label(commentProfile)}: free-text answers.` : "No comment column.";

  // Segments: few distinct values, a segment-like name, never personal data.
  const segments = free()
    .filter((p) => SEGMENT_WORDS.test(p.words) && !PRIVATE_WORDS.test(p.words) && p.values.length > 0 && p.distinct <= 50)
    .slice(0, 20)
    .map((p) => ({ key: segmentKey(p.column.name), column: take(p)! }));
  const segmentKeys = new Set<string>();
  const uniqueSegments = segments.filter((s) => (segmentKeys.has(s.key) ? false : (segmentKeys.add(s.key), true)));
  reasons.segments = uniqueSegments.length ? `Respondent attributes: ${uniqueSegments.map((s) => s.column).join(", ")}.` : "No respondent attribute columns.";

  const draft: DraftMapping = {
    responseId,
    submittedAt,
    csat: scores.csat ?? null,
    nps: scores.nps ?? null,
    ces: scores.ces ?? null,
    comment,
    channel,
    touchpoint,
    segments: uniqueSegments,
  };
  const complete = columnMappingSchema.safeParse(draft);
  return { draft, mapping: complete.success ? complete.data : null, reasons, warnings };
}

/** "Age range" → "age_range"; what the dashboards' segment filters are keyed by. */
export function segmentKey(name: string): string {
  const key = normalizeWord(name).replace(/ /g, "_").slice(0, 40).replace(/_+$/, "");
  return key || "segment";
}
