// Opening an uploaded export as a stream of responses' records: detect the encoding from the
// first bytes, the delimiter from the first text, the tool's header layout from the first
// records — reading ahead only that far, so a 200 MB file is never held in memory.
import { readCsvRecords, sniffDelimiter, type CsvRecord, type Delimiter } from "./csv-records";
import { detectExportHeader, type ExportHeader } from "./export-layouts";
import { decodeText, detectEncoding, SNIFF_BYTES, type TextEncoding } from "./text-decoding";
import { DomainError } from "../services/errors";

export interface OpenedExport {
  encoding: TextEncoding;
  delimiter: Delimiter;
  header: ExportHeader;
  /** The records after the header rows, streamed, each with its line. */
  rows: AsyncIterableIterator<CsvRecord>;
}

/** Reads from an iterator until `enough` says so, returning what was read and the rest of the stream. */
async function readAhead<T>(source: AsyncIterator<T>, enough: (taken: T[]) => boolean): Promise<{ taken: T[]; rest: AsyncIterable<T> }> {
  const taken: T[] = [];
  let done = false;
  while (!enough(taken)) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
  }
  async function* rest() {
    yield* taken;
    if (done) return;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  }
  return { taken, rest: rest() };
}

export async function openExport(bytes: AsyncIterable<Uint8Array>): Promise<OpenedExport> {
  const byteAhead = await readAhead(bytes[Symbol.asyncIterator](), (chunks) => chunks.reduce((n, c) => n + c.length, 0) >= SNIFF_BYTES);
  const head = concat(byteAhead.taken).subarray(0, SNIFF_BYTES);
  if (head.length === 0) throw fileError("The file is empty.");
  const guess = detectEncoding(head);

  const textAhead = await readAhead(decodeText(byteAhead.rest, guess)[Symbol.asyncIterator](), (texts) => texts.reduce((n, t) => n + t.length, 0) >= SNIFF_BYTES);
  const delimiter = sniffDelimiter(textAhead.taken.join("").slice(0, SNIFF_BYTES));

  const records = readCsvRecords(textAhead.rest, delimiter);
  // Three records cover every layout's header rows; the header decides how many to skip.
  const firstRecords: CsvRecord[] = [];
  while (firstRecords.length < 4) {
    const next = await records.next();
    if (next.done) break;
    firstRecords.push(next.value);
  }
  const header = detectExportHeader(firstRecords.map((record) => record.fields));
  return { encoding: guess.encoding, delimiter, header, rows: prepend(firstRecords.slice(header.headerRows), records) };
}

/**
 * Items already read from an iterator, then the iterator's own — without a generator in
 * between, as each one costs every item a few promises (a second per million rows, measured).
 */
export function prepend<T>(items: readonly T[], rest: AsyncIterator<T>): AsyncIterableIterator<T> {
  let at = 0;
  return {
    next: () => (at < items.length ? Promise.resolve({ value: items[at++]!, done: false }) : rest.next()),
    return: async (value?: unknown) => (await rest.return?.(value)) ?? { value: undefined, done: true },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function fileError(message: string): DomainError {
  return new DomainError("VALIDATION", message, { file: [message] });
}
