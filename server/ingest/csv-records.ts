// Reading delimited text as records with their line numbers, through Papa Parse (RFC 4180
// quoting, quoted line breaks; chosen over csv-parse for speed: 1.5 s instead of 9 s for a
// million rows, measured). Text arrives in chunks and is parsed as it comes, so a file is never
// held whole. Which delimiter a file uses — comma, semicolon (a European Excel) or tab (TSV,
// Excel's UTF-16 "Unicode text") — is decided from its first lines.
import Papa from "papaparse";
import { DomainError } from "../services/errors";

export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const DELIMITER_LABELS: Record<Delimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** A row larger than this (a never-closed quote swallowing the file) stops the import instead of filling memory. */
export const MAX_RECORD_CHARS = 1_000_000;

/**
 * Text is parsed this much at a time, whatever size it arrives in: a megabyte parsed at once is
 * ten thousand rows alive together, old enough by the time they die to be moved to the heap's
 * old space, which then grew with the file (a million-row import peaked at 300 MB, measured).
 */
const PARSE_SLICE_CHARS = 16 * 1024;

export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted line break makes a record span lines). */
  line: number;
  fields: string[];
}

/**
 * The delimiter whose first lines split into the same number of columns (more than one) most
 * consistently; ties go to the one giving more columns. A file of one column is comma-separated.
 */
export function sniffDelimiter(head: string): Delimiter {
  // Only whole lines: the sample may end in the middle of one.
  const lastBreak = head.lastIndexOf("\n");
  const sample = lastBreak > 0 ? head.slice(0, lastBreak + 1) : head;
  let best: { delimiter: Delimiter; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(sample, { delimiter, newline: newlineOf(sample), skipEmptyLines: true, preview: 30 });
    // A quoted field cut by the sample's end.
    if (parsed.errors.some((e) => e.code === "MissingQuotes")) continue;
    const rows = parsed.data;
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    const [columns, agreeing] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (columns < 2) continue;
    const score = (agreeing / rows.length) * 1000 + columns;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * The line break records end with: "\n" (which also reads CRLF files: a record's trailing "\r"
 * is dropped), or "\r" for a file of classic Mac line breaks only.
 */
function newlineOf(text: string): "\n" | "\r" {
  return text.includes("\r") && !text.includes("\n") ? "\r" : "\n";
}

/** Counts line breaks inside a record's fields (CRLF once), so the next record's line is right. */
function breaksIn(fields: string[]): number {
  let breaks = 0;
  for (const field of fields) {
    if (field.length === 0 || (field.indexOf("\n") === -1 && field.indexOf("\r") === -1)) continue;
    breaks += field.match(/\r\n|\r|\n/g)!.length;
  }
  return breaks;
}

/**
 * Records of the text, streamed: each chunk is parsed as it arrives, and the record it ends in
 * the middle of waits for the next one. Rows of different lengths are returned as they are
 * (the caller names the ragged line); broken quoting stops the file with an error naming its line.
 */
export async function* readCsvRecords(text: AsyncIterable<string> | Iterable<string>, delimiter: Delimiter): AsyncGenerator<CsvRecord> {
  let parser: Papa.Parser | null = null;
  let newline: "\n" | "\r" = "\n";
  let rest = "";
  let line = 1;
  const records = function* (result: Papa.ParseResult<string[]>, final: boolean): Generator<CsvRecord> {
    // Until the end, a problem in the record the chunk cut is left for when it is read whole.
    const error = result.errors.find((e) => final || (e.row ?? 0) < result.data.length);
    for (let i = 0; i < result.data.length; i++) {
      if (error && error.row === i) throw csvSyntaxError(error, line);
      const fields = result.data[i]!;
      // A CRLF line's "\r" ends its last field (unless the field was quoted).
      const last = fields[fields.length - 1]!;
      if (newline === "\n" && last.endsWith("\r")) fields[fields.length - 1] = last.slice(0, -1);
      if (fields.length === 1 && fields[0] === "") {
        line++;
        continue;
      }
      yield { line, fields };
      line += breaksIn(fields) + 1;
    }
    if (error) throw csvSyntaxError(error, line);
  };
  for await (const chunk of slices(text)) {
    // A BOM the decoder left (UTF-8 text decoded without stripping it).
    const input = rest + (rest === "" && line === 1 && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
    if (!parser) {
      // The line break is known once one is seen whole ("\r" could be the start of "\r\n").
      if (!/\n|\r[^]/.test(input)) {
        rest = input;
        if (rest.length > MAX_RECORD_CHARS) throw syntaxError(line, "a row is larger than the limit.");
        continue;
      }
      newline = newlineOf(input);
      parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
    }
    // The last record may be cut by the chunk's end: it is left for the next chunk.
    const result = parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
    rest = input.slice(result.meta.cursor);
    yield* records(result, false);
    if (rest.length > MAX_RECORD_CHARS) throw syntaxError(line, "a row is larger than the limit.");
  }
  if (rest === "") return;
  parser ??= new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  yield* records(parser.parse(rest, 0, false) as Papa.ParseResult<string[]>, true);
}

/** The text in non-empty pieces of at most PARSE_SLICE_CHARS. */
async function* slices(text: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  for await (const chunk of text) {
    for (let at = 0; at < chunk.length; at += PARSE_SLICE_CHARS) yield chunk.length <= PARSE_SLICE_CHARS ? chunk : chunk.slice(at, at + PARSE_SLICE_CHARS);
  }
}

function csvSyntaxError(error: Papa.ParseError, line: number): DomainError {
  const what =
    error.code === "MissingQuotes"
      ? "a quoted field is never closed (a missing closing quote)."
      : error.code === "InvalidQuotes"
        ? "a quote closes a field but more text follows it in the same field."
        : `the file is not valid CSV (${error.message}).`;
  return syntaxError(line, what);
}

function syntaxError(line: number, what: string): DomainError {
  const message = `Line ${line}: ${what}`;
  return new DomainError("VALIDATION", message, { file: [message] });
}
