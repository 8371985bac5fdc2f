// From a survey-tool export to responses, with no editing of the file: the proposed mapping
// (pinned per tool as a person would pick it) and the responses it produces, value by value.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExportHeader } from "@/server/ingest/export-layouts";
import { proposeMapping } from "@/server/ingest/mapping-proposal";
import { openExport } from "@/server/ingest/open-export";
import { compileRowReader, contentId, type RowResult } from "@/server/ingest/response-rows";
import type { CsvRecord } from "@/server/ingest/csv-records";
import type { ColumnMapping } from "@/server/schemas/survey-mapping";

const touchpoints = [
  { id: "tp-delivery", key: "delivery", name: "Delivery", aliases: ["shipping"] },
  { id: "tp-hold", key: "phone-hold", name: "Phone hold times" },
  { id: "tp-setup", key: "setup-instructions", name: "Set-up instructions" },
  { id: "tp-checkout", key: "checkout", name: "Checkout" },
];

async function load(file: string): Promise<{ header: ExportHeader; rows: CsvRecord[] }> {
  async function* bytes() {
    yield new Uint8Array(fs.readFileSync(`tests/fixtures/exports/${file}`));
  }
  const opened = await openExport(bytes());
  const rows: CsvRecord[] = [];
  for await (const row of opened.rows) rows.push(row);
  return { header: opened.header, rows };
}

async function importFile(file: string, defaultTouchpointKey?: string, surveyTimeZone = "UTC") {
  const { header, rows } = await load(file);
  const proposal = proposeMapping(header, rows.map((r) => r.fields), { touchpoints, defaultTouchpointKey });
  const read = proposal.mapping ? compileRowReader(header, proposal.mapping, { touchpoints, surveyTimeZone }) : null;
  return { proposal, results: read ? rows.map(read) : [], rows, header };
}

const rowsOf = (results: RowResult[]) => results.map((r) => (r.ok ? { ...r.row, submittedAt: r.row.submittedAt.toISOString() } : r.errors));

describe("Qualtrics", () => {
  it("maps by question wording and reads labels, in the zone the export states", async () => {
    const { proposal, results } = await importFile("qualtrics.csv");
    expect(proposal.mapping).toEqual({
      responseId: "ResponseId",
      submittedAt: { column: "RecordedDate", dateOrder: "ymd", timeZone: null },
      csat: "Q1",
      nps: "Q2",
      ces: "Q3",
      comment: "Q4",
      channel: null,
      touchpoint: { kind: "column", column: "touchpoint" },
      segments: [{ key: "userlanguage", column: "UserLanguage" }],
    });
    expect(rowsOf(results)).toEqual([
      { externalId: "R_3kF9aB2cD4eF6gH", touchpointId: "tp-delivery", submittedAt: "2026-03-04T16:15:03.000Z", csat: 5, nps: 10, ces: 7, comment: "Fast, and the box was intact.", channel: null, segment: { userlanguage: "EN" } },
      { externalId: "R_1aB2cD3eF4gH5iJ", touchpointId: "tp-delivery", submittedAt: "2026-03-06T00:44:52.000Z", csat: 2, nps: 4, ces: 2, comment: "It came two days late\nand nobody told me.", channel: null, segment: { userlanguage: "EN" } },
      { externalId: "R_9zY8xW7vU6tS5rQ", touchpointId: "tp-delivery", submittedAt: "2026-03-06T15:02:31.000Z", csat: 4, nps: 8, ces: 5, comment: null, channel: null, segment: { userlanguage: "EN" } },
    ]);
  });
});

describe("SurveyMonkey", () => {
  it("maps the respondent id, the end date (US order), labels, the channel and the custom data touchpoint", async () => {
    const { proposal, results } = await importFile("surveymonkey.csv", undefined, "America/New_York");
    expect(proposal.mapping).toMatchObject({
      responseId: "Respondent ID",
      submittedAt: { column: "End Date", dateOrder: "mdy", timeZone: null },
      csat: "How satisfied were you with our phone support?",
      nps: "How likely is it that you would recommend Acme Outfitters to a friend or colleague?",
      ces: null,
      comment: "Anything else you would like to tell us?",
      touchpoint: { kind: "column", column: "Custom Data 1" },
    });
    // 03/15/2026 has a day over 12: the order is decided, nothing to warn about.
    expect(proposal.warnings).toEqual([]);
    expect(rowsOf(results).map((r) => (Array.isArray(r) ? r : [r.externalId, r.submittedAt, r.csat, r.nps, r.touchpointId]))).toEqual([
      ["114402937561", "2026-03-04T15:24:12.000Z", 1, 0, "tp-hold"],
      ["114402937562", "2026-03-15T18:09:41.000Z", 3, 7, "tp-hold"],
      ["114402937563", "2026-03-16T13:03:10.000Z", 5, 10, "tp-hold"],
    ]);
  });
});

describe("Google Forms", () => {
  it("has no response id: each row's id comes from its content, and the touchpoint is the survey's default", async () => {
    const { proposal, results, rows } = await importFile("google-forms.csv", "setup-instructions");
    expect(proposal.mapping).toEqual({
      responseId: null,
      submittedAt: { column: "Timestamp", dateOrder: "ymd", timeZone: null },
      csat: "How satisfied are you with the set-up instructions?",
      nps: "How likely are you to recommend us to a friend?",
      ces: null,
      comment: "What could we do better?",
      channel: null,
      touchpoint: { kind: "fixed", touchpointKey: "setup-instructions" },
      segments: [
        { key: "age_range", column: "Age range" },
        { key: "region", column: "Region" },
      ],
    });
    expect(proposal.warnings[0]).toMatch(/No response id column/);
    const first = rowsOf(results)[0];
    expect(first).toEqual({
      externalId: contentId(rows[0]!.fields),
      touchpointId: "tp-setup",
      submittedAt: "2026-03-04T14:45:12.000Z",
      csat: 2,
      nps: 6,
      ces: null,
      comment: "The diagram for step 4 is wrong",
      channel: null,
      segment: { age_range: "35-44", region: "Europe" },
    });
    // Deterministic: the same row read again gets the same id; another row another.
    expect(contentId(rows[0]!.fields)).toBe(contentId([...rows[0]!.fields]));
    expect(contentId(rows[1]!.fields)).not.toBe(contentId(rows[0]!.fields));
  });

  it("asks for the touchpoint when the file names none and the survey has no default", async () => {
    const { proposal } = await importFile("google-forms.csv");
    expect(proposal.mapping).toBeNull();
    expect(proposal.draft.touchpoint).toBeNull();
    expect(proposal.draft.csat).toBe("How satisfied are you with the set-up instructions?");
    expect(proposal.reasons.touchpoint).toMatch(/choose the touchpoint/);
  });
});

describe("Typeform", () => {
  it("maps the # token, Submit Date (UTC) and the three scores", async () => {
    const { proposal, results } = await importFile("typeform.csv", "checkout", "Asia/Tokyo");
    expect(proposal.mapping).toMatchObject({
      responseId: "#",
      submittedAt: { column: "Submit Date (UTC)", dateOrder: "ymd", timeZone: null },
      csat: "How satisfied are you with checkout?",
      nps: "How likely are you to recommend Acme Outfitters?",
      ces: "How easy was it to pay?",
      comment: "Anything else?",
      segments: [{ key: "persona", column: "persona" }],
    });
    // The export says UTC, so the survey's zone (Tokyo) does not apply.
    expect(rowsOf(results).map((r) => (Array.isArray(r) ? r : [r.externalId, r.submittedAt, r.csat, r.nps, r.ces, r.comment]))).toEqual([
      ["a1b2c3d4e5f6g7h8", "2026-03-04T10:02:45.000Z", 4, 9, 6, null],
      ["b2c3d4e5f6g7h8i9", "2026-03-05T20:13:30.000Z", 2, 5, 3, "The coupon field kept clearing itself"],
      ["c3d4e5f6g7h8i9j0", "2026-03-06T07:46:12.000Z", 5, 10, 7, "Smooth!"],
    ]);
  });
});

describe("plain CSV", () => {
  it("maps columns named for what they hold", async () => {
    const { proposal, results } = await importFile("plain.csv");
    expect(proposal.mapping).toEqual({
      responseId: "response_id",
      submittedAt: { column: "submitted_at", dateOrder: "ymd", timeZone: null },
      csat: "csat",
      nps: "nps",
      ces: "ces",
      comment: "comment",
      channel: "channel",
      touchpoint: { kind: "column", column: "touchpoint" },
      segments: [
        { key: "age_band", column: "age_band" },
        { key: "region", column: "region" },
      ],
    });
    expect(rowsOf(results)[2]).toEqual({
      externalId: "r-1003",
      touchpointId: "tp-hold",
      submittedAt: "2026-03-05T08:15:00.000Z",
      csat: 1,
      nps: 0,
      ces: null,
      comment: "On hold forever",
      channel: "phone",
      segment: { age_band: "45-54", region: "North" },
    });
  });
});

describe("row errors", () => {
  const mapping: ColumnMapping = {
    responseId: "id",
    submittedAt: { column: "when", dateOrder: "mdy", timeZone: null },
    csat: "csat",
    nps: "nps",
    ces: null,
    comment: "comment",
    channel: "channel",
    touchpoint: { kind: "column", column: "touchpoint" },
    segments: [{ key: "region", column: "region" }],
  };
  const header: ExportHeader = {
    layout: "plain",
    headerRows: 1,
    notes: [],
    columns: ["id", "when", "csat", "nps", "comment", "channel", "touchpoint", "region"].map((name, index) => ({ index, name, question: null, timeZone: null })),
  };
  const read = compileRowReader(header, mapping, { touchpoints, surveyTimeZone: "UTC" });
  const errorsOf = (fields: string[], line = 7) => {
    const result = read({ line, fields });
    return result.ok ? [] : result.errors.map((e) => `${e.line} ${e.column ?? "-"}: ${e.message}`);
  };

  it("names the line and the column of every problem in a row", () => {
    expect(errorsOf(["r1", "13/45/2026", "6", "eleven", "ok", "fax", "warehouse", "North"])).toEqual([
      '7 B (when): "13/45/2026" is not a real date (read as month/day).',
      "7 C (csat): CSAT must be between 1 and 5; got 6.",
      '7 D (nps): "eleven" is not a NPS answer (expected 0–10 or a standard label).',
      '7 F (channel): "fax" is not a channel (web, mobile app, chat, phone, email, text, social, store, mail, other).',
      '7 G (touchpoint): Unknown touchpoint "warehouse": no touchpoint has this key, name or alias.',
    ]);
  });

  it("refuses rows with no score, no id, no date, or the wrong number of values", () => {
    expect(errorsOf(["r1", "03/04/2026", "", "", "", "", "delivery", ""])).toEqual(["7 -: This response has no CSAT, NPS or CES answer."]);
    expect(errorsOf(["", "", "4", "", "", "", "delivery", ""])).toEqual(["7 A (id): The response id is empty.", "7 B (when): The date is empty."]);
    expect(errorsOf(["r1", "03/04/2026", "4"])).toEqual(["7 -: This row has 3 values; the header has 8 columns."]);
    expect(errorsOf(["r1", "03/04/2026", "4", "", "", "", "delivery", "", "", ""])).toEqual([]);
    expect(errorsOf(["r1", "03/04/2026", "4", "", "", "", "delivery", "", "extra"])).toEqual(["7 -: This row has 9 values; the header has 8 columns."]);
  });

  it("keeps a 10,000-character comment and formula-looking text as written; refuses longer", () => {
    const long = "x".repeat(10_000);
    const ok = read({ line: 2, fields: ["r1", "03/04/2026", "4", "", long, "", "Shipping", ""] });
    expect(ok.ok && ok.row.comment?.length).toBe(10_000);
    expect(ok.ok && ok.row.touchpointId).toBe("tp-delivery");
    const formula = read({ line: 2, fields: ["r1", "03/04/2026", "4", "", '=HYPERLINK("http://evil.example")', "", "delivery", ""] });
    expect(formula.ok && formula.row.comment).toBe('=HYPERLINK("http://evil.example")');
    expect(errorsOf(["r1", "03/04/2026", "4", "", long + "y", "", "delivery", ""])).toEqual(["7 E (comment): The comment is 10,001 characters; at most 10,000 are kept."]);
  });

  it("refuses a mapping that names columns the file does not have, or an unknown fixed touchpoint", () => {
    expect(() => compileRowReader(header, { ...mapping, csat: "Satisfaction" }, { touchpoints, surveyTimeZone: "UTC" })).toThrow(
      'This file has no column "Satisfaction", which the mapping uses. Check the mapping.',
    );
    expect(() => compileRowReader(header, { ...mapping, touchpoint: { kind: "fixed", touchpointKey: "nowhere" } }, { touchpoints, surveyTimeZone: "UTC" })).toThrow(
      'There is no touchpoint with the key "nowhere".',
    );
  });
});

describe("what the proposal warns about", () => {
  const header = (names: string[]): ExportHeader => ({
    layout: "plain",
    headerRows: 1,
    notes: [],
    columns: names.map((name, index) => ({ index, name, question: null, timeZone: null })),
  });

  it("a date column where no day is over 12 is read month/day, and says so", () => {
    const proposal = proposeMapping(header(["id", "date", "csat", "touchpoint"]), [["1", "03/04/2026", "4", "delivery"], ["2", "05/06/2026", "5", "delivery"]], { touchpoints });
    expect(proposal.mapping?.submittedAt).toEqual({ column: "date", dateOrder: "mdy", timeZone: null });
    expect(proposal.warnings).toEqual([
      'No day in "date" is over 12, so month and day could be either way round: read as month/day. Change it if the file is day/month.',
    ]);
  });

  it("a day over 12 decides day/month for the whole column", () => {
    const proposal = proposeMapping(header(["id", "date", "csat", "touchpoint"]), [["1", "03/04/2026 10:00", "4", "delivery"], ["2", "25/06/2026 11:00", "5", "delivery"]], { touchpoints });
    expect(proposal.mapping?.submittedAt.dateOrder).toBe("dmy");
    expect(proposal.warnings).toEqual([]);
  });

  it("no score column leaves the mapping incomplete and says which question to pick", () => {
    const proposal = proposeMapping(header(["id", "date", "notes", "touchpoint"]), [["1", "2026-03-04", "fine", "delivery"]], { touchpoints });
    expect(proposal.mapping).toBeNull();
    expect(proposal.reasons.csat).toBe("No CSAT question found.");
  });
});
