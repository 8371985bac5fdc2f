// The emotion curve: one point per touchpoint in journey order, from frustrated (−2) to
// delighted (+2), drawn as a single line across every stage. Touchpoints without an
// expected emotion are skipped; the line runs on from the previous point to the next.
import { EMOTION_LABELS } from "@/db/journey-constants";
import { emotionColor, EMOTION_COLORS } from "./tones";
import type { BoardColumn } from "./canvas-model";
import { journeyOrder } from "./canvas-model";

export const EMOTION_LANE_HEIGHT = 148;
const PAD = 18;
const STEP = (EMOTION_LANE_HEIGHT - 2 * PAD) / 4;
const LEVELS = [2, 1, 0, -1, -2] as const;

/** Vertical position of an emotion level inside the lane. */
export const emotionY = (emotion: number) => PAD + (2 - emotion) * STEP;

export const emotionLabel = (emotion: number) => `${EMOTION_LABELS[String(emotion)] ?? ""} (${emotion > 0 ? "+" : ""}${emotion})`;

/** A small face whose mouth follows the emotion. */
export function EmotionFace({ emotion, className = "size-4" }: { emotion: number; className?: string }) {
  const mouth = [
    "M8.5 16.2c1.9-2 5.1-2 7 0", // frustrated
    "M9 15.6c1.7-1 4.3-1 6 0",
    "M9 15h6",
    "M9 14.4c1.7 1 4.3 1 6 0",
    "M8.5 13.8c1.9 2.4 5.1 2.4 7 0", // delighted
  ][emotion + 2];
  const color = emotionColor(emotion);
  return (
    <svg viewBox="0 0 24 24" fill="none" aria-hidden className={className}>
      <circle cx="12" cy="12" r="9" fill={color} fillOpacity={0.14} stroke={color} strokeWidth={1.6} />
      <circle cx="9" cy="10" r="1.1" fill={color} />
      <circle cx="15" cy="10" r="1.1" fill={color} />
      <path d={mouth} stroke={color} strokeWidth={1.6} strokeLinecap="round" />
    </svg>
  );
}

/** The lane's axis, drawn in the sticky label column so it stays readable while scrolling. */
export function EmotionAxis() {
  return (
    <div aria-hidden className="relative h-full w-[4.75rem]">
      {LEVELS.map((level) => (
        <div key={level} className="absolute right-0 flex -translate-y-1/2 items-center gap-1" style={{ top: emotionY(level) }}>
          <span className="text-[10px] leading-none font-medium text-slate-500">{EMOTION_LABELS[String(level)]}</span>
          <EmotionFace emotion={level} className="size-3.5" />
        </div>
      ))}
    </div>
  );
}

interface EmotionCurveProps {
  columns: readonly BoardColumn[];
  columnWidth: number;
  totalColumns: number;
}

export function EmotionCurve({ columns, columnWidth, totalColumns }: EmotionCurveProps) {
  const width = totalColumns * columnWidth;
  const points = journeyOrder(columns)
    .filter(({ touchpoint }) => touchpoint.expectedEmotion !== null)
    .map(({ touchpoint, column }) => ({
      id: touchpoint.id,
      name: touchpoint.name,
      emotion: touchpoint.expectedEmotion!,
      x: column * columnWidth + columnWidth / 2,
      y: emotionY(touchpoint.expectedEmotion!),
    }));
  // A smooth curve: each segment leaves and arrives horizontally, so peaks sit on their points.
  const line = points.map((p, i) => {
    if (i === 0) return `M${p.x},${p.y}`;
    const prev = points[i - 1]!;
    const mid = (prev.x + p.x) / 2;
    return `C${mid},${prev.y} ${mid},${p.y} ${p.x},${p.y}`;
  });
  const zero = emotionY(0);
  const area = points.length > 1 ? `${line.join(" ")} L${points.at(-1)!.x},${zero} L${points[0]!.x},${zero} Z` : "";
  const summary =
    points.length === 0
      ? "Emotion curve: no expected emotions set yet."
      : `Emotion curve: ${points.map((p) => `${p.name}, ${EMOTION_LABELS[String(p.emotion)]}`).join("; ")}.`;

  return (
    <svg width={width} height={EMOTION_LANE_HEIGHT} viewBox={`0 0 ${width} ${EMOTION_LANE_HEIGHT}`} role="img" aria-label={summary} className="block overflow-visible">
      <defs>
        {/* Colour by height: the line is green where customers are pleased and red where they struggle. */}
        <linearGradient id="emotion-stroke" gradientUnits="userSpaceOnUse" x1="0" y1={emotionY(2)} x2="0" y2={emotionY(-2)}>
          {EMOTION_COLORS.slice().reverse().map((color, i) => (
            <stop key={color} offset={i / 4} stopColor={color} />
          ))}
        </linearGradient>
        <linearGradient id="emotion-fill" gradientUnits="userSpaceOnUse" x1="0" y1={emotionY(2)} x2="0" y2={emotionY(-2)}>
          <stop offset="0" stopColor={EMOTION_COLORS[4]} stopOpacity={0.22} />
          <stop offset="0.5" stopColor={EMOTION_COLORS[2]} stopOpacity={0.04} />
          <stop offset="1" stopColor={EMOTION_COLORS[0]} stopOpacity={0.22} />
        </linearGradient>
      </defs>
      {LEVELS.map((level) => (
        <line
          key={level}
          x1={0}
          x2={width}
          y1={emotionY(level)}
          y2={emotionY(level)}
          stroke={level === 0 ? "#cbd5e1" : "#e2e8f0"}
          strokeDasharray={level === 0 ? undefined : "3 5"}
          strokeWidth={1}
        />
      ))}
      {area && <path d={area} fill="url(#emotion-fill)" />}
      {points.length > 1 && <path d={line.join(" ")} fill="none" stroke="url(#emotion-stroke)" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" />}
      {points.map((p) => (
        <g key={p.id} data-touchpoint-id={p.id}>
          <title>{`${p.name}: ${emotionLabel(p.emotion)}`}</title>
          <line x1={p.x} x2={p.x} y1={zero} y2={p.y} stroke={emotionColor(p.emotion)} strokeOpacity={0.35} strokeWidth={1} />
          <circle cx={p.x} cy={p.y} r={7} fill="white" stroke={emotionColor(p.emotion)} strokeWidth={2.5} />
          <circle cx={p.x} cy={p.y} r={3} fill={emotionColor(p.emotion)} />
        </g>
      ))}
    </svg>
  );
}
