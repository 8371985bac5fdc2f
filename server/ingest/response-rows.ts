// One export row → one survey response, through a confirmed mapping. Compiled once per file
// (column positions, the touchpoint lookup, the time zone), then applied to every row; each
// problem names its line and column, so a person can fix the file in a spreadsheet.
import { createHash } from "node:crypto";
import type { Channel } from "@/db/journey-constants";
import { RESPONSE_LIMITS, SCORE_METRICS, type ScoreMetric } from "@/db/survey-constants";
import type { ColumnMapping } from "../schemas/survey-mapping";
import { DomainError } from "../services/errors";
import type { CsvRecord } from "./csv-records";
import { columnLetter, type ExportColumn, type ExportHeader } from "./export-layouts";
import { clip, parseScore } from "./scores";
import { parseTimestamp } from "./timestamps";
import { channelFromText, touchpointLookup, type TouchpointRef } from "./vocabulary";

export interface ResponseRow {
  externalId: string;
  touchpointId: string;
  submittedAt: Date;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  comment: string | null;
  channel: Channel | null;
  segment: Record<string, string>;
}

export interface RowError {
  line: number;
  /** "C (Q1)": the spreadsheet letter and the column's name; null for the row as a whole. */
  column: string | null;
  message: string;
}

export type RowResult = { ok: true; row: ResponseRow } | { ok: false; errors: RowError[] };

export interface RowReaderOptions {
  touchpoints: readonly TouchpointRef[];
  /** The survey's zone, for times the export writes without one. */
  surveyTimeZone: string;
}

export function compileRowReader(header: ExportHeader, mapping: ColumnMapping, options: RowReaderOptions): (record: CsvRecord) => RowResult {
  const byName = new Map(header.columns.map((c) => [c.name.toLowerCase(), c]));
  const missing: string[] = [];
  const column = (name: string | null): ExportColumn | null => {
    if (name === null) return null;
    const found = byName.get(name.toLowerCase());
    if (!found) missing.push(name);
    return found ?? null;
  };
  const idColumn = column(mapping.responseId);
  const timeColumn = column(mapping.submittedAt.column);
  const scoreColumns = SCORE_METRICS.map((metric) => [metric, column(mapping[metric])] as const).filter(
    (entry): entry is readonly [ScoreMetric, ExportColumn] => entry[1] !== null,
  );
  const commentColumn = column(mapping.comment);
  const channelColumn = column(mapping.channel);
  const touchpointColumn = mapping.touchpoint.kind === "column" ? column(mapping.touchpoint.column) : null;
  const segmentColumns = mapping.segments.map((s) => [s.key, column(s.column)] as const);
  if (missing.length > 0) {
    const message = `This file has no column ${missing.map((m) => `"${m}"`).join(", ")}, which the mapping uses. Check the mapping.`;
    throw new DomainError("VALIDATION", message, { mapping: [message] });
  }

  const lookup = touchpointLookup(options.touchpoints);
  let fixedTouchpointId: string | null = null;
  if (mapping.touchpoint.kind === "fixed") {
    fixedTouchpointId = lookup.get(mapping.touchpoint.touchpointKey.toLowerCase()) ?? null;
    if (!fixedTouchpointId) {
      const message = `There is no touchpoint with the key "${mapping.touchpoint.touchpointKey}".`;
      throw new DomainError("VALIDATION", message, { touchpoint: [message] });
    }
  }
  const timeZone = mapping.submittedAt.timeZone ?? timeColumn!.timeZone ?? options.surveyTimeZone;
  const width = header.columns.length;
  const where = (c: ExportColumn) => `${columnLetter(c.index)} (${clip(c.name, 60)})`;

  return (record) => {
    const { line, fields } = record;
    const errors: RowError[] = [];
    const fail = (c: ExportColumn | null, message: string) => errors.push({ line, column: c ? where(c) : null, message });
    // Trailing empty cells (a spreadsheet's stray commas) are harmless; missing or extra values are not.
    if (fields.length < width || (fields.length > width && fields.slice(width).some((f) => f.trim() !== ""))) {
      fail(null, `This row has ${fields.length} values; the header has ${width} columns.`);
      return { ok: false, errors };
    }
    const cell = (c: ExportColumn) => fields[c.index]!.trim();

    let externalId: string;
    if (idColumn) {
      externalId = cell(idColumn);
      if (!externalId) fail(idColumn, "The response id is empty.");
      else if (externalId.length > RESPONSE_LIMITS.externalIdLength) fail(idColumn, `The response id is longer than ${RESPONSE_LIMITS.externalIdLength} characters.`);
    } else externalId = contentId(fields);

    let submittedAt = new Date(Number.NaN);
    const rawTime = cell(timeColumn!);
    if (!rawTime) fail(timeColumn, "The date is empty.");
    else {
      const parsed = parseTimestamp(rawTime, { order: mapping.submittedAt.dateOrder, timeZone });
      if (parsed.ok) submittedAt = parsed.value;
      else fail(timeColumn, parsed.message);
    }

    const scores: Record<ScoreMetric, number | null> = { csat: null, nps: null, ces: null };
    for (const [metric, c] of scoreColumns) {
      const parsed = parseScore(metric, cell(c));
      if (parsed.ok) scores[metric] = parsed.value;
      else fail(c, parsed.message);
    }
    if (errors.length === 0 && scores.csat === null && scores.nps === null && scores.ces === null) {
      fail(null, "This response has no CSAT, NPS or CES answer.");
    }

    let comment: string | null = null;
    if (commentColumn) {
      // Kept as written (line breaks included), trimmed; spreadsheet formulas are defused on export, not here.
      comment = fields[commentColumn.index]!.trim() || null;
      if (comment && comment.length > RESPONSE_LIMITS.commentLength) {
        fail(commentColumn, `The comment is ${comment.length.toLocaleString("en-US")} characters; at most ${RESPONSE_LIMITS.commentLength.toLocaleString("en-US")} are kept.`);
      }
    }

    let channel: Channel | null = null;
    if (channelColumn && cell(channelColumn)) {
      channel = channelFromText(cell(channelColumn)) ?? null;
      if (!channel) fail(channelColumn, `"${clip(cell(channelColumn))}" is not a channel (web, mobile app, chat, phone, email, text, social, store, mail, other).`);
    }

    let touchpointId = fixedTouchpointId ?? "";
    if (touchpointColumn) {
      const value = cell(touchpointColumn);
      const found = value ? lookup.get(value.toLowerCase()) : undefined;
      if (found) touchpointId = found;
      else fail(touchpointColumn, value ? `Unknown touchpoint "${clip(value)}": no touchpoint has this key, name or alias.` : "The touchpoint is empty.");
    }

    const segment: Record<string, string> = {};
    for (const [key, c] of segmentColumns) {
      const value = cell(c!);
      if (!value) continue;
      if (value.length > RESPONSE_LIMITS.segmentValueLength) fail(c, `Longer than ${RESPONSE_LIMITS.segmentValueLength} characters.`);
      else segment[key] = value;
    }

    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, row: { externalId, touchpointId, submittedAt, ...scores, comment, channel, segment } };
  };
}

/**
 * For files without a response id (Google Forms has none): the same row always gets the same
 * id, so uploading the file again inserts nothing new.
 */
export function contentId(fields: readonly string[]): string {
  return `row-${createHash("sha256").update(fields.map((f) => f.trim()).join("\u001f")).digest("base64url").slice(0, 32)}`;
}
