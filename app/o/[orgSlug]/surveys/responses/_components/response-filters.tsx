"use client";
// The explorer's filters as a form whose submission becomes the page's address: the server
// page reads the filters back from the URL, so a filtered view can be bookmarked and shared.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { buttonClasses } from "@/app/_components/ui/button";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { SCORE_SCALES } from "@/db/survey-constants";
import type { ResponseFilters as Filters } from "@/server/schemas/responses";

interface FilterOptions {
  surveys: { id: string; name: string }[];
  stages: { id: string; name: string; mapName: string }[];
  touchpoints: { id: string; key: string; name: string; stageId: string; mapName: string }[];
  segmentKeys: string[];
}

export function ResponseFilters({ path, filters, options }: { path: string; filters: Filters; options: FilterOptions }) {
  const router = useRouter();
  // On a phone the form folds away behind one button, so the responses come first.
  const [open, setOpen] = useState(false);
  const active = Object.keys(filters).length;
  // Empty fields are left out of the address, and a new filter starts again from the newest page.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value.trim() !== "") query.set(name, value.trim());
    router.push(query.size > 0 ? `${path}?${query}` : path);
  }
  const maps = new Set(options.stages.map((s) => s.mapName)).size > 1;
  const stageLabel = (s: { name: string; mapName: string }) => (maps ? `${s.mapName} · ${s.name}` : s.name);

  return (
    <>
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls="response-filters" className={buttonClasses("secondary", "sm", "w-full lg:hidden")}>
        {open ? "Hide filters" : active > 0 ? `Filters (${active} active)` : "Filters"}
      </button>
      <form id="response-filters" onSubmit={submit} action={path} method="get" aria-label="Filter responses" className={`${open ? "mt-4 grid" : "hidden"} grid-cols-2 gap-3 lg:mt-0 lg:grid lg:grid-cols-4`}>
        <TextField label="Search comments" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Words in the comment" maxLength={200} className="col-span-2" />
        <SelectField label="Survey" name="surveyId" defaultValue={filters.surveyId ?? ""} className="col-span-2 sm:col-span-1">
          <option value="">All surveys</option>
          {options.surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Comment" name="hasComment" defaultValue={filters.hasComment === undefined ? "" : filters.hasComment ? "yes" : "no"} className="col-span-2 sm:col-span-1">
          <option value="">With or without</option>
          <option value="yes">With a comment</option>
          <option value="no">Without a comment</option>
        </SelectField>
        <SelectField label="Stage" name="stageId" defaultValue={filters.stageId ?? ""} className="col-span-2 sm:col-span-1">
          <option value="">All stages</option>
          {options.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {stageLabel(s)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Touchpoint" name="touchpointId" defaultValue={filters.touchpointId ?? ""} className="col-span-2 sm:col-span-1">
          <option value="">All touchpoints</option>
          {options.stages.map((stage) => (
            <optgroup key={stage.id} label={stageLabel(stage)}>
              {options.touchpoints
                .filter((tp) => tp.stageId === stage.id)
                .map((tp) => (
                  <option key={tp.id} value={tp.id}>
                    {tp.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <TextField label="From" name="from" type="date" defaultValue={filters.from ?? ""} />
        <TextField label="To" name="to" type="date" defaultValue={filters.to ?? ""} />
        <SelectField label="Score" name="metric" defaultValue={filters.metric ?? ""} className="col-span-2 sm:col-span-1">
          <option value="">Any score</option>
          {(["csat", "nps", "ces"] as const).map((m) => (
            <option key={m} value={m}>
              {SCORE_SCALES[m].label} ({SCORE_SCALES[m].min}–{SCORE_SCALES[m].max})
            </option>
          ))}
        </SelectField>
        <div className="col-span-2 grid grid-cols-2 gap-3 sm:col-span-1">
          <TextField label="Lowest" name="min" type="number" min={0} max={10} defaultValue={filters.min ?? ""} />
          <TextField label="Highest" name="max" type="number" min={0} max={10} defaultValue={filters.max ?? ""} />
        </div>
        <SelectField label="Segment" name="segmentKey" defaultValue={filters.segmentKey ?? ""}>
          <option value="">Any segment</option>
          {options.segmentKeys.map((key) => (
            <option key={key} value={key}>
              {key.replace(/_/g, " ")}
            </option>
          ))}
        </SelectField>
        <TextField label="Segment value" name="segmentValue" defaultValue={filters.segmentValue ?? ""} placeholder="e.g. North" maxLength={200} />
        <div className="col-span-2 flex items-end justify-end gap-2 lg:col-span-4">
          <Link href={path} className={buttonClasses("ghost", "md")}>
            Clear
          </Link>
          <button type="submit" className={buttonClasses("primary", "md")}>
            Apply filters
          </button>
        </div>
      </form>
    </>
  );
}
