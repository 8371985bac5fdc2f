// Reading delimited text as records with their line numbers, through csv-parse (streaming,
// RFC 4180 quoting, quoted line breaks). Which delimiter a file uses — comma, semicolon (a
// European Excel) or tab (TSV, Excel's UTF-16 "Unicode text") — is decided from its first lines.
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { DomainError } from "../services/errors";

export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const DELIMITER_LABELS: Record<Delimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** A row larger than this (a never-closed quote swallowing the file) stops the import instead of filling memory. */
export const MAX_RECORD_CHARS = 1_000_000;

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
    let rows: string[][];
    try {
      rows = parseSync(sample, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to_line: 30 }) as string[][];
    } catch {
      continue; // a quoted field cut by the sample's end
    }
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
 * Records of the text, streamed. Rows of different lengths are returned as they are (the
 * caller names the ragged line); broken quoting stops the file with an error naming its line.
 */
export async function* readCsvRecords(text: AsyncIterable<string> | Iterable<string>, delimiter: Delimiter): AsyncGenerator<CsvRecord> {
  const parser = Readable.from(text).pipe(
    parse({
      delimiter,
      // Any line ending, even mixed in one file (rows pasted together from different exports).
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      // Empty lines come through as [""] and are skipped below, counting their line: cheaper
      // than csv-parse's per-record `info` (measured: 5% of an import's time).
      skip_empty_lines: false,
      bom: true,
      max_record_size: MAX_RECORD_CHARS,
    }),
  );
  // csv-parse counts a quoted CRLF as two lines, so lines are counted here instead.
  let line = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (record.length === 1 && record[0] === "") {
        line++;
        continue;
      }
      yield { line, fields: record };
      line += breaksIn(record) + 1;
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvSyntaxError(error);
    throw error;
  } finally {
    parser.destroy();
  }
}

function csvSyntaxError(error: CsvError): DomainError {
  const line = (error as CsvError & { lines?: number }).lines;
  const where = line ? `Line ${line}: ` : "";
  const what =
    error.code === "CSV_QUOTE_NOT_CLOSED"
      ? "a quoted field is never closed (a missing closing quote)."
      : error.code === "CSV_INVALID_CLOSING_QUOTE"
        ? "a quote closes a field but more text follows it in the same field."
        : error.code === "CSV_MAX_RECORD_SIZE"
          ? "a row is larger than the limit."
          : `the file is not valid CSV (${error.message}).`;
  const message = `${where}${what}`;
  return new DomainError("VALIDATION", message, { file: [message] });
}
