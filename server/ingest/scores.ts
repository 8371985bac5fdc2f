// Reading a survey answer as a CSAT, NPS or CES score. Survey tools export either the number
// or the answer's label ("Very satisfied", "10 - Extremely likely", "Strongly agree"), so both
// are understood; anything else is an error that names the value and the scale.
import { SCORE_SCALES, type ScoreMetric } from "@/db/survey-constants";

export type ScoreResult = { ok: true; value: number | null } | { ok: false; message: string };

/** Labels of the standard answer scales, normalized (lower case, single spaces, no punctuation). */
const LABELS: Record<ScoreMetric, Record<string, number>> = {
  csat: {
    "very dissatisfied": 1,
    "extremely dissatisfied": 1,
    "completely dissatisfied": 1,
    dissatisfied: 2,
    "somewhat dissatisfied": 2,
    "neither satisfied nor dissatisfied": 3,
    "neither satisfied or dissatisfied": 3,
    neutral: 3,
    "somewhat satisfied": 4,
    satisfied: 4,
    "very satisfied": 5,
    "extremely satisfied": 5,
    "completely satisfied": 5,
  },
  nps: {
    "not at all likely": 0,
    "not likely at all": 0,
    "extremely likely": 10,
  },
  // CES 2.0: "The company made it easy for me to handle my issue", agreement on seven points
  // (higher is easier), and the seven-point ease scale that some tools use instead.
  ces: {
    "strongly disagree": 1,
    disagree: 2,
    "somewhat disagree": 3,
    "neither agree nor disagree": 4,
    "neither agree or disagree": 4,
    "somewhat agree": 5,
    agree: 6,
    "strongly agree": 7,
    "extremely difficult": 1,
    "very difficult": 2,
    "somewhat difficult": 3,
    "neither easy nor difficult": 4,
    "somewhat easy": 5,
    "very easy": 6,
    "extremely easy": 7,
  },
};

/** A bare number, as most exports write it ("4", "4.0", "4,0" from a European spreadsheet). */
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
/** "10 - Extremely likely", "5 = Very satisfied", "7 (Strongly agree)": the number leads its label. */
const NUMBER_THEN_LABEL = /^(\d{1,2})\s*(?:[-–—=:.)(]\s*|\s+)\p{L}/u;

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** An empty answer is "not answered" (null); a value outside the scale or an unknown label is an error. */
export function parseScore(metric: ScoreMetric, raw: string | null | undefined): ScoreResult {
  const text = raw?.trim() ?? "";
  if (text === "") return { ok: true, value: null };
  const scale = SCORE_SCALES[metric];
  let value: number | undefined;
  if (NUMBER.test(text)) {
    value = Number(text.replace(",", "."));
    if (!Number.isInteger(value)) return { ok: false, message: `${scale.label} must be a whole number; got ${clip(text)}.` };
  } else {
    const leading = NUMBER_THEN_LABEL.exec(text);
    value = leading ? Number(leading[1]) : LABELS[metric][normalize(text)];
  }
  if (value === undefined) {
    return { ok: false, message: `"${clip(text)}" is not a ${scale.label} answer (expected ${scale.min}–${scale.max} or a standard label).` };
  }
  if (value < scale.min || value > scale.max) {
    return { ok: false, message: `${scale.label} must be between ${scale.min} and ${scale.max}; got ${clip(text)}.` };
  }
  return { ok: true, value };
}

/** Whether a value reads as an answer on the metric's scale (used when proposing a mapping). */
export function readsAsScore(metric: ScoreMetric, raw: string): boolean {
  const result = parseScore(metric, raw);
  return result.ok && result.value !== null;
}

export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
