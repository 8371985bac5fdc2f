"use client";
// The one filter bar of every dashboard screen. Each change rewrites the address (router.replace
// with the filters' URL form), and the server page reads the filters back from it, so a link
// shows the same view. While the new view loads, the bar says so and the old one stays.
import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { buttonClasses } from "@/app/_components/ui/button";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { CHANNEL_LABELS, type Channel } from "@/db/journey-constants";
import { cn } from "@/lib/cn";
import { COMPARISONS, GRANULARITIES, GRANULARITY_LABELS, RANGE_PRESETS, dashboardFiltersToQuery, type DashboardFilters } from "@/server/schemas/dashboard";
import { formatPeriod, segmentLabel } from "../_lib/metrics";
import { addDays, presetOf } from "../_lib/period";
import type { FilterOptions } from "../_lib/view";

const COMPARISON_LABELS: Record<(typeof COMPARISONS)[number], string> = { previous: "Previous period", custom: "A chosen period", none: "No comparison" };

interface FilterBarProps {
  /** The screen's path; the filters become its query string. */
  path: string;
  filters: DashboardFilters;
  options: FilterOptions;
  /** The period the figures cover, as the server resolved it (today is its last day when no end is chosen). */
  period: { from: string; to: string };
  today: string;
  /** Screens that draw no trend and compare no periods (stuck, channels) hide those two controls. */
  timeControls?: boolean;
}

export function FilterBar({ path, filters: current, options, period, today, timeControls = true }: FilterBarProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The bar shows a choice at once, while the screen's new figures load.
  const [filters, showFilters] = useOptimistic(current);
  const [open, setOpen] = useState(false);
  const preset = filters.from || filters.to ? presetOf(filters.from, filters.to, today) : "90d";

  function apply(next: Partial<DashboardFilters>) {
    const merged = { ...filters, ...next };
    const query = dashboardFiltersToQuery(merged).toString();
    startTransition(() => {
      showFilters(merged);
      router.replace(query ? `${path}?${query}` : path, { scroll: false });
    });
  }
  function choosePreset(id: string) {
    const found = RANGE_PRESETS.find((p) => p.id === id);
    if (found) apply({ from: addDays(today, 1 - found.days), to: today });
    // "Custom" keeps the resolved period in the address, ready to be edited.
    else apply({ from: period.from, to: period.to });
  }
  const stages = options.stages.filter((s) => !filters.mapId || s.mapId === filters.mapId);
  const segmentValues = options.segmentKeys.find((s) => s.key === filters.segmentKey)?.values ?? [];
  const chosenValues = new Set(filters.segmentValues ?? []);
  const active = [filters.mapId, filters.stageId, filters.surveyId, filters.channel, filters.segmentKey].filter(Boolean).length;

  return (
    <div aria-busy={pending || undefined} className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:p-4">
      <div className="flex items-center justify-between gap-3 lg:hidden">
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls="dashboard-filters" className={buttonClasses("secondary", "sm", "flex-1")}>
          {open ? "Hide filters" : active > 0 ? `Filters (${active} active)` : "Filters"}
        </button>
        <PendingNote pending={pending} />
      </div>
      <form id="dashboard-filters" aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()} className={cn(open ? "mt-3 grid" : "hidden", "grid-cols-2 gap-3 lg:mt-0 lg:grid lg:grid-cols-6")}>
        <SelectField label="Period" value={preset} onChange={(e) => choosePreset(e.target.value)} className="col-span-2 lg:col-span-1">
          {RANGE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom dates</option>
        </SelectField>
        {preset === "custom" ? (
          <>
            <TextField label="From" type="date" value={filters.from ?? period.from} max={filters.to ?? period.to} onChange={(e) => e.target.value && apply({ from: e.target.value })} />
            <TextField label="To" type="date" value={filters.to ?? period.to} min={filters.from ?? period.from} onChange={(e) => e.target.value && apply({ to: e.target.value })} />
          </>
        ) : null}
        <SelectField label="Journey map" value={filters.mapId ?? ""} onChange={(e) => apply({ mapId: e.target.value || undefined, stageId: undefined })}>
          <option value="">All maps</option>
          {options.maps.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Stage" value={filters.stageId ?? ""} onChange={(e) => apply({ stageId: e.target.value || undefined })}>
          <option value="">All stages</option>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {options.maps.length > 1 && !filters.mapId ? `${s.mapName} · ${s.name}` : s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Survey" value={filters.surveyId ?? ""} onChange={(e) => apply({ surveyId: e.target.value || undefined })}>
          <option value="">All surveys</option>
          {options.surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Channel" value={filters.channel ?? ""} onChange={(e) => apply({ channel: (e.target.value || undefined) as DashboardFilters["channel"] })}>
          <option value="">All channels</option>
          {options.channels.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c as Channel] ?? c}
            </option>
          ))}
        </SelectField>
        <SelectField label="Segment" value={filters.segmentKey ?? ""} onChange={(e) => apply({ segmentKey: e.target.value || undefined, segmentValues: undefined })}>
          <option value="">Everyone</option>
          {options.segmentKeys.map((s) => (
            <option key={s.key} value={s.key}>
              {segmentLabel(s.key)}
            </option>
          ))}
        </SelectField>
        {timeControls && (
          <SelectField label="Compare with" value={filters.compare} onChange={(e) => apply({ compare: e.target.value as DashboardFilters["compare"], ...(e.target.value === "custom" ? {} : { compareFrom: undefined, compareTo: undefined }) })}>
            {COMPARISONS.map((c) => (
              <option key={c} value={c}>
                {COMPARISON_LABELS[c]}
              </option>
            ))}
          </SelectField>
        )}
        {timeControls && filters.compare === "custom" && (
          <>
            <TextField label="Compare from" type="date" value={filters.compareFrom ?? ""} onChange={(e) => e.target.value && apply({ compareFrom: e.target.value, compareTo: filters.compareTo ?? e.target.value })} />
            <TextField label="Compare to" type="date" value={filters.compareTo ?? ""} min={filters.compareFrom} onChange={(e) => e.target.value && apply({ compareTo: e.target.value, compareFrom: filters.compareFrom ?? e.target.value })} />
          </>
        )}
        {timeControls && (
          <fieldset className="col-span-2 lg:col-span-1">
            <legend className="mb-1.5 block text-sm font-medium text-slate-700">Group by</legend>
            <div className="inline-flex w-full rounded-md shadow-sm ring-1 ring-slate-300 ring-inset">
              {GRANULARITIES.map((g) => (
                <button
                  key={g}
                  type="button"
                  aria-pressed={filters.granularity === g}
                  onClick={() => apply({ granularity: g })}
                  className={cn("h-9 flex-1 px-2 text-sm font-medium first:rounded-l-md last:rounded-r-md", filters.granularity === g ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-50")}
                >
                  {GRANULARITY_LABELS[g]}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        {filters.segmentKey && (
          <fieldset className="col-span-2 lg:col-span-6">
            <legend className="mb-1.5 block text-sm font-medium text-slate-700">
              {segmentLabel(filters.segmentKey)}: <span className="font-normal text-slate-500">{chosenValues.size === 0 ? "choose one or more values (none chosen shows everyone)" : `${chosenValues.size} chosen`}</span>
            </legend>
            <div className="flex flex-wrap gap-2">
              {segmentValues.map((value) => {
                const on = chosenValues.has(value);
                const toggled = on ? [...chosenValues].filter((v) => v !== value) : [...chosenValues, value];
                return (
                  <button
                    key={value}
                    type="button"
                    aria-pressed={on}
                    onClick={() => apply({ segmentValues: toggled.length ? toggled : undefined })}
                    className={cn("rounded-full px-3 py-1 text-sm ring-1 ring-inset", on ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50")}
                  >
                    {value}
                  </button>
                );
              })}
            </div>
          </fieldset>
        )}
      </form>
      <div className="mt-3 hidden items-center justify-between gap-3 text-xs text-slate-500 lg:flex">
        <span>
          Showing {formatPeriod(period.from, period.to)}
        </span>
        <PendingNote pending={pending} />
      </div>
    </div>
  );
}

function PendingNote({ pending }: { pending: boolean }) {
  return (
    <span role="status" className={cn("inline-flex items-center gap-2 text-xs text-indigo-700", !pending && "invisible")}>
      <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-current border-r-transparent" />
      Updating…
    </span>
  );
}
