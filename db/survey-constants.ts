// The vocabulary of survey responses, shared by the database, the server and the browser.
// A leaf module like db/constants.ts: it imports nothing.

export const SCORE_METRICS = ["csat", "nps", "ces"] as const;
export type ScoreMetric = (typeof SCORE_METRICS)[number];

/** Each score's scale. CES is the seven-point "made it easy" agreement scale (higher is easier). */
export const SCORE_SCALES: Record<ScoreMetric, { label: string; min: number; max: number }> = {
  csat: { label: "CSAT", min: 1, max: 5 },
  nps: { label: "NPS", min: 0, max: 10 },
  ces: { label: "CES", min: 1, max: 7 },
};

/** The header layouts of the survey tools whose exports Waymark reads without editing. */
export const EXPORT_LAYOUTS = ["qualtrics", "surveymonkey", "google_forms", "typeform", "plain"] as const;
export type ExportLayout = (typeof EXPORT_LAYOUTS)[number];
export const EXPORT_LAYOUT_LABELS: Record<ExportLayout, string> = {
  qualtrics: "Qualtrics",
  surveymonkey: "SurveyMonkey",
  google_forms: "Google Forms",
  typeform: "Typeform",
  plain: "CSV with one header row",
};

/** Limits of a stored response, shared by the CSV import, the API and their schemas. */
export const RESPONSE_LIMITS = {
  externalIdLength: 200,
  commentLength: 10_000,
  segmentKeys: 20,
  segmentKeyLength: 40,
  segmentValueLength: 200,
} as const;
