// Reading uploaded files as records: the encoding and delimiter are detected, quoted line
// breaks stay inside their field, every record knows its line, and broken files get an error
// that says where — never a crash or a silent wrong value.
import { describe, expect, it } from "vitest";
import { readCsvRecords, sniffDelimiter, type CsvRecord } from "@/server/ingest/csv-records";
import { decodeText, detectEncoding } from "@/server/ingest/text-decoding";

async function read(bytes: Uint8Array, chunkSize = 7): Promise<{ encoding: string; delimiter: string; records: CsvRecord[] }> {
  const guess = detectEncoding(bytes.subarray(0, 65536));
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const texts: string[] = [];
  for await (const text of decodeText(chunks(), guess)) texts.push(text);
  const delimiter = sniffDelimiter(texts.join("").slice(0, 65536));
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(texts, delimiter)) records.push(record);
  return { encoding: guess.encoding, delimiter, records };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string, bom = true) => {
  const body = Buffer.from(text, "utf16le");
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
};

describe("reading uploaded files", () => {
  it("reads UTF-8 with and without a BOM, cut into chunks anywhere (even inside a character)", async () => {
    const text = "id,comment\r\n1,Très bien — 👍\r\n";
    for (const bytes of [utf8(text), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])]) {
      for (const size of [1, 2, 3, 5, 1000]) {
        const { encoding, records } = await read(bytes, size);
        expect(encoding).toBe("utf-8");
        expect(records.map((r) => r.fields)).toEqual([["id", "comment"], ["1", "Très bien — 👍"]]);
      }
    }
  });

  it("reads Excel's UTF-16 'Unicode text' (BOM, tabs) and UTF-16 without a BOM", async () => {
    const text = "id\tscore\tcomment\r\n1\t5\tNaïve café\r\n";
    const withBom = await read(utf16le(text), 3);
    expect(withBom.encoding).toBe("utf-16le");
    expect(withBom.delimiter).toBe("\t");
    expect(withBom.records.map((r) => r.fields)).toEqual([["id", "score", "comment"], ["1", "5", "Naïve café"]]);
    const withoutBom = await read(utf16le(text, false));
    expect(withoutBom.encoding).toBe("utf-16le");
    expect(withoutBom.records[1]!.fields[2]).toBe("Naïve café");
  });

  it("reads Windows-1252 bytes (€, curly quotes, é) as the characters Excel meant", async () => {
    const bytes = new Uint8Array([...utf8("id;comment\r\n1;"), 0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a]);
    const { encoding, delimiter, records } = await read(bytes);
    expect(encoding).toBe("windows-1252");
    expect(delimiter).toBe(";");
    expect(records[1]!.fields).toEqual(["1", "€ “ok” café"]);
  });

  it("detects comma, semicolon and tab, even with the other characters inside fields", async () => {
    expect(sniffDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(sniffDelimiter("a;b;c\n1;\"2,5\";3\n4;5,5;6\n")).toBe(";");
    expect(sniffDelimiter("a\tb\n\"x, y; z\"\t2\n")).toBe("\t");
    expect(sniffDelimiter("only\none\ncolumn\n")).toBe(",");
    expect(sniffDelimiter("a,b\n1,\"cut off")).toBe(",");
  });

  it("keeps quoted line breaks in their field and numbers each record by its first line", async () => {
    const { records } = await read(utf8('id,comment\r\n1,"first line\r\nsecond line"\r\n\r\n2,"a\nb\nc"\n3,plain\n'));
    expect(records).toEqual([
      { line: 1, fields: ["id", "comment"] },
      { line: 2, fields: ["1", "first line\r\nsecond line"] },
      { line: 5, fields: ["2", "a\nb\nc"] },
      { line: 8, fields: ["3", "plain"] },
    ]);
  });

  it("reads a text that arrives in one large piece as it reads the same text cut small: quoted breaks, emoji and CRLF across any boundary", async () => {
    // Over 100 KB: the reader parses large pieces a slice at a time, so records straddle its slices.
    const lines = ["id,comment"];
    for (let i = 0; i < 2_000; i++) lines.push(i % 3 === 0 ? `${i},"line one 👍\r\nline two, ""quoted"" ${"x".repeat(i % 97)}"` : `${i},plain ${"é".repeat(i % 61)}`);
    const text = lines.join("\r\n") + "\r\n";
    const whole: CsvRecord[] = [];
    for await (const record of readCsvRecords([text], ",")) whole.push(record);
    const { records: small } = await read(utf8(text), 997);
    expect(whole).toHaveLength(2_001);
    expect(whole).toEqual(small);
    expect(whole[1999]).toEqual({ line: 2666, fields: ["1998", `line one 👍\r\nline two, "quoted" ${"x".repeat(1998 % 97)}`] });
    expect(whole[2000]).toEqual({ line: 2668, fields: ["1999", `plain ${"é".repeat(1999 % 61)}`] });
  });

  it("returns ragged rows as they are, for the caller to name", async () => {
    const { records } = await read(utf8("a,b,c\n1,2\n1,2,3,4\n"));
    expect(records.map((r) => [r.line, r.fields.length])).toEqual([[1, 3], [2, 2], [3, 4]]);
  });

  it("refuses binary data, bad UTF-8 further in, and a quote that is never closed, saying where", async () => {
    await expect(read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]))).rejects.toThrow(/not a CSV or TSV text file/);
    const lateBadByte = new Uint8Array([...utf8("id,comment\n" + "1,fine\n".repeat(20_000)), 0xff, 0xfe, 0x41, 0x0a]);
    await expect(read(lateBadByte, 65536)).rejects.toThrow(/not valid UTF-8 \(bad bytes near byte 1[0-9,]+\)/);
    await expect(read(utf8('id,comment\n1,"never closed\n2,x\n'))).rejects.toThrow(/^Line \d+: a quoted field is never closed/);
  });

  it("stops at a row past the size limit, even in a file without a single line break, instead of holding it all", async () => {
    const noBreaks = async function* () {
      for (let i = 0; i < 30; i++) yield "a,".repeat(25_000);
      throw new Error("read past the limit");
    };
    const records = async () => {
      for await (const record of readCsvRecords(noBreaks(), ",")) void record;
    };
    await expect(records()).rejects.toThrow("Line 1: a row is larger than the limit.");
  });
});
