"use client";
// The board's filters as a form whose submission becomes the page's address (like the
// responses explorer): the server page reads them back, so a filtered board can be shared,
// saved as a view and exported as the same CSV.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, buttonClasses } from "@/app/_components/ui/button";
import { SelectField, TextField } from "@/app/_components/ui/field";
import type { FindingFilters } from "@/server/schemas/findings";
import { boardHref } from "../_lib/board-query";
import type { FilterOptions, MapChoice, Person, Team } from "../_lib/types";
import { TeamOptions, PersonOptions, SeverityOptions } from "./choice-options";

interface BoardFiltersProps {
  path: string;
  filters: FindingFilters;
  teams: Team[];
  people: Person[];
  maps: MapChoice[];
  options: Pick<FilterOptions, "stages" | "touchpoints">;
}

const BREACH_LABELS = { on_track: "On track", due_soon: "Due soon", breached: "Breached" } as const;

export function BoardFilters({ path, filters, teams, people, maps, options }: BoardFiltersProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const active = Object.keys(filters).filter((k) => k !== "myTeams" && k !== "sort").length;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Record<string, unknown> = { myTeams: filters.myTeams, sort: filters.sort };
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value.trim() !== "") next[name] = value.trim();
    next.snoozed = next.snoozed === "yes" || undefined;
    router.push(boardHref(path, next as FindingFilters));
  }
  const manyMaps = maps.length > 1;
  const stages = options.stages.filter((s) => !filters.mapId || maps.find((m) => m.id === filters.mapId)?.name === s.mapName);
  const touchpoints = options.touchpoints.filter((t) => (!filters.stageId || t.stageId === filters.stageId) && stages.some((s) => s.id === t.stageId));

  return (
    <>
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls="board-filters" className={buttonClasses("secondary", "sm", "w-full lg:hidden")}>
        {open ? "Hide filters" : active > 0 ? `Filters (${active} active)` : "Filters"}
      </button>
      <form
        id="board-filters"
        // Each choice applies at once; the search applies on Enter or with the button.
        key={JSON.stringify(filters)}
        onSubmit={submit}
        onChange={(event) => {
          const target = event.target;
          if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "checkbox")) event.currentTarget.requestSubmit();
        }}
        aria-label="Filter findings"
        className={`${open ? "mt-3 grid" : "hidden"} grid-cols-2 gap-3 lg:mt-0 lg:grid lg:grid-cols-6`}
      >
        <TextField label="Search" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Words in title or description" maxLength={200} className="col-span-2" />
        <SelectField label="Team" name="teamId" defaultValue={filters.teamId ?? ""}>
          <option value="">All teams</option>
          <TeamOptions teams={teams} />
        </SelectField>
        <SelectField label="Assignee" name="assignee" defaultValue={filters.assignee ?? ""}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="nobody">Nobody</option>
          <PersonOptions people={people} />
        </SelectField>
        <SelectField label="Severity" name="severity" defaultValue={filters.severity ?? ""}>
          <option value="">Any severity</option>
          <SeverityOptions />
        </SelectField>
        <SelectField label="SLA" name="breach" defaultValue={filters.breach ?? ""}>
          <option value="">Any clock</option>
          {Object.entries(BREACH_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        {manyMaps && (
          <SelectField label="Journey map" name="mapId" defaultValue={filters.mapId ?? ""}>
            <option value="">All maps</option>
            {maps.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label="Stage" name="stageId" defaultValue={filters.stageId ?? ""}>
          <option value="">All stages</option>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {manyMaps && !filters.mapId ? `${s.mapName} · ${s.name}` : s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Touchpoint" name="touchpointId" defaultValue={filters.touchpointId ?? ""} className="col-span-2 lg:col-span-1">
          <option value="">All touchpoints</option>
          {touchpoints.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Label" name="label" defaultValue={filters.label ?? ""} placeholder="e.g. packaging" maxLength={40} />
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input type="checkbox" name="snoozed" value="yes" defaultChecked={filters.snoozed ?? false} className="size-4 rounded border-slate-300 text-indigo-600" />
          Show snoozed
        </label>
        <div className="col-span-2 flex items-end gap-2 lg:col-span-1">
          <Button type="submit" variant="secondary" size="md" className="flex-1">
            Apply
          </Button>
          {active > 0 && (
            <Button variant="ghost" onClick={() => router.push(boardHref(path, { myTeams: filters.myTeams, sort: filters.sort }))}>
              Clear
            </Button>
          )}
        </div>
      </form>
    </>
  );
}
