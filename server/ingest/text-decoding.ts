// Which text encoding an uploaded file is in, and decoding it as a stream. Survey exports
// arrive as UTF-8 (with or without a BOM), UTF-16 as Excel's "Unicode text" writes it, or
// Windows-1252 from older Excel on Windows. The platform's TextDecoder does the decoding;
// this module only decides which one, from the first bytes.
import { DomainError } from "../services/errors";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start (the decoder drops it). */
  bomLength: number;
}

export const ENCODING_LABELS: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little-endian)",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Windows-1252 (Western European)",
};

/** Bytes worth reading before deciding. */
export const SNIFF_BYTES = 64 * 1024;

export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };

  // UTF-16 without a BOM: text in the Latin range leaves every other byte zero.
  let zeroEven = 0;
  let zeroOdd = 0;
  const sample = Math.min(head.length, 4096);
  for (let i = 0; i < sample; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) zeroEven++;
    else zeroOdd++;
  }
  if (sample >= 4 && zeroOdd > sample * 0.3 && zeroEven === 0) return { encoding: "utf-16le", bomLength: 0 };
  if (sample >= 4 && zeroEven > sample * 0.3 && zeroOdd === 0) return { encoding: "utf-16be", bomLength: 0 };
  if (zeroEven + zeroOdd > 0) throw notText();

  return { encoding: isUtf8(head) ? "utf-8" : "windows-1252", bomLength: 0 };
}

/** Valid UTF-8, allowing the sample to end in the middle of a character. */
function isUtf8(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Step back over a trailing, possibly cut, multi-byte sequence.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back]!;
    if (byte >= 0xc0) {
      end -= back;
      break;
    }
    if (byte < 0x80) break;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export function notText(): DomainError {
  return new DomainError("VALIDATION", "This file is not a CSV or TSV text file (it contains binary data).", {
    file: ["This file is not a CSV or TSV text file (it contains binary data)."],
  });
}

/**
 * Decodes byte chunks to text. UTF-8 is decoded strictly: a byte that is not UTF-8 further
 * into a file that began as UTF-8 is an error, not a silent replacement character.
 */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, guess: EncodingGuess): AsyncGenerator<string> {
  // The decoder drops the byte-order mark itself (ignoreBOM: false).
  const decoder = new TextDecoder(guess.encoding, { fatal: guess.encoding === "utf-8", ignoreBOM: false });
  let offset = 0;
  for await (const bytes of chunks) {
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw invalidBytes(guess.encoding, offset);
    }
    offset += bytes.length;
    if (text.includes("\u0000")) throw notText();
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw invalidBytes(guess.encoding, offset);
  }
  if (rest) yield rest;
}

function invalidBytes(encoding: TextEncoding, near: number): DomainError {
  const message = `The file is not valid ${ENCODING_LABELS[encoding]} (bad bytes near byte ${near.toLocaleString("en-US")}). Save it again as UTF-8 and retry.`;
  return new DomainError("VALIDATION", message, { file: [message] });
}
