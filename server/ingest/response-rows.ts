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
  const timeOptions = { order: mapping.submittedAt.dateOrder, timeZone };
  // A file has a handful of channel spellings and a million rows: each is read once.
  const channels = new Map<string, Channel | null>();
  const channelOf = (raw: string): Channel | null => {
    let channel = channels.get(raw);
    if (channel === undefined) {
      channel = channelFromText(raw) ?? null;
      if (channels.size < 10_000) channels.set(raw, channel);
    }
    return channel;
  };

  // One function per file, none per row: a million rows must not make a million closures.
  const fail = (errors: RowError[], line: number, c: ExportColumn | null, message: string) => errors.push({ line, column: c ? where(c) : null, message });
  return (record) => {
    const { line, fields } = record;
    const errors: RowError[] = [];
    // Trailing empty cells (a spreadsheet's stray commas) are harmless; missing or extra values are not.
    if (fields.length < width || (fields.length > width && fields.slice(width).some((f) => f.trim() !== ""))) {
      fail(errors, line, null, `This row has ${fields.length} values; the header has ${width} columns.`);
      return { ok: false, errors };
    }

    let externalId: string;
    if (idColumn) {
      externalId = fields[idColumn.index]!.trim();
      if (!externalId) fail(errors, line, idColumn, "The response id is empty.");
      else if (externalId.length > RESPONSE_LIMITS.externalIdLength) fail(errors, line, idColumn, `The response id is longer than ${RESPONSE_LIMITS.externalIdLength} characters.`);
    } else externalId = contentId(fields);

    let submittedAt = new Date(Number.NaN);
    const rawTime = fields[timeColumn!.index]!.trim();
    if (!rawTime) fail(errors, line, timeColumn, "The date is empty.");
    else {
      const parsed = parseTimestamp(rawTime, timeOptions);
      if (parsed.ok) submittedAt = parsed.value;
      else fail(errors, line, timeColumn, parsed.message);
    }

    let csat: number | null = null;
    let nps: number | null = null;
    let ces: number | null = null;
    for (const [metric, c] of scoreColumns) {
      const parsed = parseScore(metric, fields[c.index]!.trim());
      if (!parsed.ok) fail(errors, line, c, parsed.message);
      else if (metric === "csat") csat = parsed.value;
      else if (metric === "nps") nps = parsed.value;
      else ces = parsed.value;
    }
    if (errors.length === 0 && csat === null && nps === null && ces === null) {
      fail(errors, line, null, "This response has no CSAT, NPS or CES answer.");
    }

    let comment: string | null = null;
    if (commentColumn) {
      // Kept as written (line breaks included), trimmed; spreadsheet formulas are defused on export, not here.
      comment = fields[commentColumn.index]!.trim() || null;
      if (comment && comment.length > RESPONSE_LIMITS.commentLength) {
        fail(errors, line, commentColumn, `The comment is ${comment.length.toLocaleString("en-US")} characters; at most ${RESPONSE_LIMITS.commentLength.toLocaleString("en-US")} are kept.`);
      }
    }

    let channel: Channel | null = null;
    const rawChannel = channelColumn ? fields[channelColumn.index]!.trim() : "";
    if (rawChannel) {
      channel = channelOf(rawChannel);
      if (!channel) fail(errors, line, channelColumn, `"${clip(rawChannel)}" is not a channel (web, mobile app, chat, phone, email, text, social, store, mail, other).`);
    }

    let touchpointId = fixedTouchpointId ?? "";
    if (touchpointColumn) {
      const value = fields[touchpointColumn.index]!.trim();
      const found = value ? lookup.get(value.toLowerCase()) : undefined;
      if (found) touchpointId = found;
      else fail(errors, line, touchpointColumn, value ? `Unknown touchpoint "${clip(value)}": no touchpoint has this key, name or alias.` : "The touchpoint is empty.");
    }

    const segment: Record<string, string> = {};
    for (const [key, c] of segmentColumns) {
      const value = fields[c!.index]!.trim();
      if (!value) continue;
      if (value.length > RESPONSE_LIMITS.segmentValueLength) fail(errors, line, c, `Longer than ${RESPONSE_LIMITS.segmentValueLength} characters.`);
      else segment[key] = value;
    }

    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, row: { externalId, touchpointId, submittedAt, csat, nps, ces, comment, channel, segment } };
  };
}

/**
 * For files without a response id (Google Forms has none): the same row always gets the same
 * id, so uploading the file again inserts nothing new.
 */
export function contentId(fields: readonly string[]): string {
  return `row-${createHash("sha256").update(fields.map((f) => f.trim()).join("\u001f")).digest("base64url").slice(0, 32)}`;
}
