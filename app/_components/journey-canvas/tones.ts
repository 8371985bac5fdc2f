// The board's colours: one calm hue per stage, severity from grey to red, and emotion from
// red (frustrated) through grey (neutral) to green (delighted).
import type { InsightKind, Severity } from "@/db/journey-constants";

/** Stage bands cycle through these; the classes are literal so Tailwind keeps them. */
export const STAGE_TONES = [
  { band: "bg-indigo-50", accent: "bg-indigo-400", text: "text-indigo-900", wash: "bg-indigo-50/35" },
  { band: "bg-sky-50", accent: "bg-sky-400", text: "text-sky-900", wash: "bg-sky-50/40" },
  { band: "bg-teal-50", accent: "bg-teal-400", text: "text-teal-900", wash: "bg-teal-50/40" },
  { band: "bg-violet-50", accent: "bg-violet-400", text: "text-violet-900", wash: "bg-violet-50/35" },
  { band: "bg-amber-50", accent: "bg-amber-400", text: "text-amber-900", wash: "bg-amber-50/40" },
  { band: "bg-rose-50", accent: "bg-rose-300", text: "text-rose-900", wash: "bg-rose-50/35" },
] as const;

export type StageTone = (typeof STAGE_TONES)[number];

export const stageTone = (index: number): StageTone => STAGE_TONES[index % STAGE_TONES.length]!;

export const SEVERITY_TONES: Record<Severity, { dot: string; chip: string; border: string }> = {
  low: { dot: "bg-slate-400", chip: "bg-slate-50 text-slate-700", border: "border-slate-300" },
  medium: { dot: "bg-amber-400", chip: "bg-amber-50 text-amber-900", border: "border-amber-400" },
  high: { dot: "bg-orange-500", chip: "bg-orange-50 text-orange-900", border: "border-orange-500" },
  critical: { dot: "bg-red-600", chip: "bg-red-50 text-red-900", border: "border-red-600" },
};

/** The border and fill of an insight's chip: an obstacle by its severity, an opportunity green. */
export const insightChipClasses = (kind: InsightKind, severity: Severity) =>
  kind === "obstacle" ? `${SEVERITY_TONES[severity].border} ${SEVERITY_TONES[severity].chip}` : "border-emerald-500 bg-emerald-50 text-emerald-950";

/** Hex, because the emotion curve is SVG. Index by emotion + 2. */
export const EMOTION_COLORS = ["#dc2626", "#f97316", "#94a3b8", "#22c55e", "#059669"] as const;

export const emotionColor = (emotion: number) => EMOTION_COLORS[Math.max(-2, Math.min(2, Math.round(emotion))) + 2]!;
