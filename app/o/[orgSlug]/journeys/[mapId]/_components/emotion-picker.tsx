"use client";
// The expected emotion as a segmented control: not set, or −2 (frustrated) … +2 (delighted).
import { EMOTIONS, EMOTION_LABELS } from "@/db/journey-constants";
import { cn } from "@/lib/cn";
import { EmotionFace, emotionLabel } from "@/app/_components/journey-canvas/emotion";
import { FieldsetError } from "@/app/_components/ui/field";

interface EmotionPickerProps {
  value: number | null;
  onChange: (value: number | null) => void;
  errors?: string[];
}

export function EmotionPicker({ value, onChange, errors }: EmotionPickerProps) {
  const options: { value: number | null; label: string; short: string }[] = [
    { value: null, label: "Not set", short: "Not set" },
    ...EMOTIONS.map((e) => ({ value: e, label: emotionLabel(e), short: EMOTION_LABELS[String(e)]! })),
  ];
  return (
    <fieldset>
      <legend className="mb-1.5 block text-sm font-medium text-slate-700">Expected emotion</legend>
      <div className="grid grid-cols-6 overflow-hidden rounded-md shadow-sm ring-1 ring-slate-300">
        {options.map((option) => {
          const checked = option.value === value;
          return (
            <label
              key={String(option.value)}
              className={cn(
                "relative flex cursor-pointer flex-col items-center gap-1 px-1 py-2 text-center text-[11px] leading-tight font-medium not-first:border-l not-first:border-slate-200 has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-indigo-600",
                checked ? "bg-indigo-50 text-indigo-800" : "bg-white text-slate-600 hover:bg-slate-50",
              )}
            >
              <input type="radio" name="expectedEmotion" className="absolute inset-0 cursor-pointer opacity-0" checked={checked} onChange={() => onChange(option.value)} aria-label={option.label} />
              {option.value === null ? <span aria-hidden className="flex size-5 items-center justify-center rounded-full border border-dashed border-slate-300 text-slate-400">–</span> : <EmotionFace emotion={option.value} className="size-5" />}
              <span>
                {option.short}
                {option.value !== null && <span className="block text-[10px] font-normal text-slate-400">{option.value > 0 ? `+${option.value}` : option.value}</span>}
              </span>
            </label>
          );
        })}
      </div>
      <FieldsetError errors={errors} />
    </fieldset>
  );
}
