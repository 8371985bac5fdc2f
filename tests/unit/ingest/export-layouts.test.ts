// The header layouts of real survey-tool exports (fixtures in tests/fixtures/exports, written
// the way each tool writes them): which tool, how many header rows, each column's name,
// question and stated time zone — and the headers that are broken.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { columnLetter, detectExportHeader } from "@/server/ingest/export-layouts";
import { openExport } from "@/server/ingest/open-export";

async function open(file: string) {
  async function* bytes() {
    yield new Uint8Array(fs.readFileSync(`tests/fixtures/exports/${file}`));
  }
  const opened = await openExport(bytes());
  const rows = [];
  for await (const row of opened.rows) rows.push(row);
  return { ...opened, rows };
}

const column = (header: { columns: { name: string; question: string | null; timeZone: string | null }[] }, name: string) =>
  header.columns.find((c) => c.name === name);

describe("survey-tool exports", () => {
  it("Qualtrics: three header rows, question texts, the zone from ImportId", async () => {
    const { header, rows } = await open("qualtrics.csv");
    expect(header.layout).toBe("qualtrics");
    expect(header.headerRows).toBe(3);
    expect(column(header, "Q2")).toMatchObject({ question: "How likely are you to recommend Acme Outfitters to a friend or colleague?", timeZone: null });
    expect(column(header, "RecordedDate")).toMatchObject({ question: "Recorded Date", timeZone: "America/Denver" });
    expect(rows.map((r) => [r.line, r.fields[8]])).toEqual([[4, "R_3kF9aB2cD4eF6gH"], [5, "R_1aB2cD3eF4gH5iJ"], [7, "R_9zY8xW7vU6tS5rQ"]]);
    expect(rows[1]!.fields[20]).toBe("It came two days late\nand nobody told me.");
  });

  it("SurveyMonkey: two header rows; a multi-column question names each answer", async () => {
    const { header, rows } = await open("surveymonkey.csv");
    expect(header.layout).toBe("surveymonkey");
    expect(header.headerRows).toBe(2);
    expect(header.columns.map((c) => c.name)).toEqual([
      "Respondent ID",
      "Collector ID",
      "Start Date",
      "End Date",
      "IP Address",
      "Email Address",
      "First Name",
      "Last Name",
      "Custom Data 1",
      "How satisfied were you with our phone support?",
      "How likely is it that you would recommend Acme Outfitters to a friend or colleague?",
      "Which channel did you use? — Phone",
      "Which channel did you use? — Chat",
      "Which channel did you use? — Email",
      "Anything else you would like to tell us?",
    ]);
    expect(column(header, "Which channel did you use? — Chat")!.question).toBe("Which channel did you use?");
    expect(rows).toHaveLength(3);
    expect(rows[0]!.line).toBe(3);
  });

  it("Google Forms and Typeform: one header row, recognised by their own columns", async () => {
    const forms = await open("google-forms.csv");
    expect(forms.header).toMatchObject({ layout: "google_forms", headerRows: 1 });
    expect(forms.rows).toHaveLength(3);
    const typeform = await open("typeform.csv");
    expect(typeform.header).toMatchObject({ layout: "typeform", headerRows: 1 });
    expect(column(typeform.header, "Submit Date (UTC)")!.timeZone).toBe("UTC");
    expect(column(typeform.header, "persona")!.timeZone).toBeNull();
  });

  it("plain CSV: one header row, names as written", async () => {
    const { header, rows, delimiter, encoding } = await open("plain.csv");
    expect(header.layout).toBe("plain");
    expect(header.columns.map((c) => c.name).slice(0, 4)).toEqual(["response_id", "touchpoint", "submitted_at", "csat"]);
    expect(rows[1]!.fields[6]).toBe('Coupon code "SAVE10" rejected');
    expect([delimiter, encoding]).toEqual([",", "utf-8"]);
  });

  it("names blank and duplicate headers so a mapping can tell them apart, and says so", () => {
    const header = detectExportHeader([["id", "", "Comment", "comment"], ["1", "x", "a", "b"]]);
    expect(header.columns.map((c) => c.name)).toEqual(["id", "Column B", "Comment", "comment (2)"]);
    expect(header.notes).toEqual([
      'Column B has no name in the header; it is called "Column B".',
      'The header "comment" appears more than once; column D is called "comment (2)".',
    ]);
  });

  it("refuses an empty file and a file whose first row is data", async () => {
    expect(() => detectExportHeader([])).toThrow("The file is empty: there is no header row and no response.");
    expect(() => detectExportHeader([["r-1", "2026-03-04", "5", "9"]])).toThrow(/The first row holds values, not column names/);
    async function* nothing() {}
    await expect(openExport(nothing())).rejects.toThrow("The file is empty.");
  });

  it("spells columns as a spreadsheet does", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});
