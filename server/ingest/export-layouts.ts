// The header rows of survey-tool exports. Qualtrics writes three (column ids, question texts,
// ImportId JSON with the time zone), SurveyMonkey two (question, sub-answer), Google Forms
// and Typeform one with their own telltale columns; anything else is one plain header row.
// The result names every column once, so a saved mapping can refer to columns by name.
import type { ExportLayout } from "@/db/survey-constants";
import { DomainError } from "../services/errors";

export interface ExportColumn {
  /** Position in the row (0-based). */
  index: number;
  /** Unique within the file: the tool's column id, or the header text. */
  name: string;
  /** The question as respondents read it, when the export carries it apart from the name. */
  question: string | null;
  /** The zone the export states for this column's timestamps (Qualtrics' ImportId, Typeform's "(UTC)"). */
  timeZone: string | null;
}

export interface ExportHeader {
  layout: ExportLayout;
  /** Records before the first response. */
  headerRows: number;
  columns: ExportColumn[];
  /** Things the person importing should know (renamed duplicate or blank headers). */
  notes: string[];
}

/** Spreadsheet letters for a 0-based column: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const has = (row: readonly string[] | undefined, ...names: string[]) =>
  !!row && names.every((name) => row.some((cell) => cell.trim().toLowerCase() === name.toLowerCase()));

/** Reads the layout from the file's first records (five are plenty). */
export function detectExportHeader(first: readonly (readonly string[])[]): ExportHeader {
  const [row0, row1, row2] = first;
  if (!row0 || row0.every((cell) => cell.trim() === "")) throw headerError("The file is empty: there is no header row and no response.");

  if (has(row0, "ResponseId") || (has(row0, "StartDate", "EndDate") && (has(row0, "Status") || has(row0, "Finished")))) {
    const importIds = row2?.filter((cell) => cell.trim().startsWith('{"ImportId"')).length ?? 0;
    const threeRows = importIds >= Math.max(1, Math.floor(row0.length / 2));
    return build("qualtrics", threeRows ? 3 : 2, row0, (i) => ({
      question: row1?.[i]?.trim() || null,
      timeZone: threeRows ? importIdTimeZone(row2?.[i]) : null,
    }));
  }

  if (has(row0, "Respondent ID", "Collector ID")) {
    // Row 0 names a question once, over all of its answer columns (the cells after it are
    // blank); row 1 names each answer of a multi-column question.
    let question = "";
    const names: string[] = [];
    const questions: string[] = [];
    const starts = row0.map((cell) => cell.trim() !== "");
    row0.forEach((cell, i) => {
      if (starts[i]) question = cell.trim();
      const multiColumn = !starts[i] || (i + 1 < row0.length && !starts[i + 1]);
      names.push(multiColumn ? `${question} — ${row1?.[i]?.trim() || columnLetter(i)}` : question);
      questions.push(question);
    });
    return build("surveymonkey", 2, names, (i) => ({ question: questions[i] ?? null, timeZone: null }));
  }

  if (row0[0]?.trim() === "Timestamp") return build("google_forms", 1, row0, () => ({ question: null, timeZone: null }));

  if (row0[0]?.trim() === "#" && row0.some((cell) => /^(submit|start) date \(utc\)$/i.test(cell.trim()))) {
    return build("typeform", 1, row0, (i) => ({ question: null, timeZone: /\(utc\)$/i.test(row0[i]!.trim()) ? "UTC" : null }));
  }

  if (looksLikeData(row0)) {
    throw headerError("The first row holds values, not column names. Add a header row naming each column and upload again.");
  }
  return build("plain", 1, row0, () => ({ question: null, timeZone: null }));
}

function build(
  layout: ExportLayout,
  headerRows: number,
  names: readonly string[],
  extra: (index: number) => Pick<ExportColumn, "question" | "timeZone">,
): ExportHeader {
  const notes: string[] = [];
  const seen = new Map<string, number>();
  const columns = names.map((raw, index) => {
    let name = raw.trim().replace(/\s+/g, " ");
    if (!name) {
      name = `Column ${columnLetter(index)}`;
      notes.push(`Column ${columnLetter(index)} has no name in the header; it is called "${name}".`);
    }
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > 1) {
      const renamed = `${name} (${count})`;
      notes.push(`The header "${name}" appears more than once; column ${columnLetter(index)} is called "${renamed}".`);
      name = renamed;
    }
    return { index, name, ...extra(index) };
  });
  return { layout, headerRows, columns, notes };
}

/** Qualtrics' third header row: {"ImportId":"startDate","timeZone":"America/Denver"}. */
function importIdTimeZone(cell: string | undefined): string | null {
  if (!cell?.trim().startsWith("{")) return null;
  try {
    const parsed = JSON.parse(cell) as { timeZone?: unknown };
    return typeof parsed.timeZone === "string" && parsed.timeZone ? parsed.timeZone : null;
  } catch {
    return null;
  }
}

/** A header row whose cells are mostly numbers or dates is a data row. */
function looksLikeData(row: readonly string[]): boolean {
  const filled = row.map((cell) => cell.trim()).filter(Boolean);
  const values = filled.filter((cell) => /^-?\d+([.,]\d+)?$/.test(cell) || /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(cell));
  return filled.length > 0 && values.length * 2 >= filled.length;
}

function headerError(message: string): DomainError {
  return new DomainError("VALIDATION", message, { file: [message] });
}
