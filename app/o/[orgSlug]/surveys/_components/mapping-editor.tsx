"use client";
// The proposed column mapping as editable choices: response id (or derived from each row's
// content), time with its day/month order and zone, the three scores, comment, channel,
// touchpoint (a column, or one touchpoint for the whole file) and segment columns.
import type { DraftMapping } from "@/server/ingest/mapping-proposal";
import { Button } from "@/app/_components/ui/button";
import { controlClasses, SelectField, TextField } from "@/app/_components/ui/field";
import { cn } from "@/lib/cn";
import { TouchpointOptions } from "@/app/o/[orgSlug]/_components/touchpoint-options";

export interface ColumnChoice {
  name: string;
  letter: string;
  question: string | null;
}
export interface TouchpointChoice {
  id: string;
  key: string;
  name: string;
  group: string;
}

/** Said whenever the file has no response-id column, proposed or chosen. */
export const NO_ID_HINT = "Each response gets an id derived from its content, so uploading the same file again adds nothing twice.";

const columnLabel = (c: ColumnChoice) => `${c.letter} · ${c.name}${c.question && c.question !== c.name ? ` — ${c.question}` : ""}`.slice(0, 120);

function ColumnSelect({ label, value, columns, none, hint, onChange }: { label: string; value: string | null; columns: ColumnChoice[]; none: string; hint?: string; onChange: (value: string | null) => void }) {
  return (
    <SelectField label={label} hint={hint} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{none}</option>
      {columns.map((c) => (
        <option key={c.name} value={c.name}>
          {columnLabel(c)}
        </option>
      ))}
    </SelectField>
  );
}

export function MappingEditor({
  draft,
  columns,
  touchpoints,
  reasons,
  onChange,
}: {
  draft: DraftMapping;
  columns: ColumnChoice[];
  touchpoints: TouchpointChoice[];
  reasons: Record<string, string>;
  onChange: (draft: DraftMapping) => void;
}) {
  const set = (patch: Partial<DraftMapping>) => onChange({ ...draft, ...patch });
  const time = draft.submittedAt ?? { column: "", dateOrder: "ymd" as const, timeZone: null };
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <ColumnSelect label="Response id" value={draft.responseId} columns={columns} none="None — derive each id from the row's content" hint={draft.responseId ? reasons.responseId : NO_ID_HINT} onChange={(responseId) => set({ responseId })} />
        <ColumnSelect label="Submitted at" value={time.column || null} columns={columns} none="Choose a column" hint={reasons.submittedAt} onChange={(column) => set({ submittedAt: column ? { ...time, column } : null })} />
        <SelectField label="Date order" value={time.dateOrder} disabled={!draft.submittedAt} onChange={(e) => set({ submittedAt: { ...time, dateOrder: e.target.value as "ymd" | "mdy" | "dmy" } })}>
          <option value="ymd">Year-month-day (ISO)</option>
          <option value="mdy">Month/day/year (US)</option>
          <option value="dmy">Day/month/year (European)</option>
        </SelectField>
        <TextField
          label="Time zone of times written without one"
          placeholder="The export's zone, else the survey's"
          value={time.timeZone ?? ""}
          maxLength={64}
          disabled={!draft.submittedAt}
          onChange={(e) => set({ submittedAt: { ...time, timeZone: e.target.value.trim() || null } })}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <ColumnSelect label="CSAT (1–5)" value={draft.csat} columns={columns} none="Not in this file" hint={reasons.csat} onChange={(csat) => set({ csat })} />
        <ColumnSelect label="NPS (0–10)" value={draft.nps} columns={columns} none="Not in this file" hint={reasons.nps} onChange={(nps) => set({ nps })} />
        <ColumnSelect label="CES (1–7)" value={draft.ces} columns={columns} none="Not in this file" hint={reasons.ces} onChange={(ces) => set({ ces })} />
        <ColumnSelect label="Comment" value={draft.comment} columns={columns} none="No comment column" hint={reasons.comment} onChange={(comment) => set({ comment })} />
        <ColumnSelect label="Channel" value={draft.channel} columns={columns} none="No channel column" hint={reasons.channel} onChange={(channel) => set({ channel })} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Touchpoint"
          hint={reasons.touchpoint}
          value={draft.touchpoint?.kind ?? ""}
          onChange={(e) =>
            set({ touchpoint: e.target.value === "column" ? { kind: "column", column: columns[0]?.name ?? "" } : e.target.value === "fixed" ? { kind: "fixed", touchpointKey: touchpoints[0]?.key ?? "" } : null })
          }
        >
          <option value="">Choose how responses find their touchpoint</option>
          <option value="column">From a column (key, name or alias)</option>
          <option value="fixed">One touchpoint for the whole file</option>
        </SelectField>
        {draft.touchpoint?.kind === "column" && (
          <ColumnSelect label="Touchpoint column" value={draft.touchpoint.column} columns={columns} none="Choose a column" onChange={(column) => set({ touchpoint: { kind: "column", column: column ?? "" } })} />
        )}
        {draft.touchpoint?.kind === "fixed" && (
          <SelectField label="Touchpoint for every response" value={draft.touchpoint.touchpointKey} onChange={(e) => set({ touchpoint: { kind: "fixed", touchpointKey: e.target.value } })}>
            <TouchpointOptions touchpoints={touchpoints} by="key" />
          </SelectField>
        )}
      </div>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">Segments</legend>
        <p className="mb-3 text-xs text-slate-500">Respondent attributes kept with each response (age band, region, plan…), each under a key.</p>
        <ul className="space-y-2">
          {draft.segments.map((segment, index) => (
            <li key={index} className="grid grid-cols-[1fr_auto] items-center gap-2 sm:grid-cols-[12rem_1fr_auto]">
              <input
                aria-label={`Segment ${index + 1} key`}
                className={cn(controlClasses, "col-span-2 sm:col-span-1")}
                value={segment.key}
                maxLength={40}
                onChange={(e) => set({ segments: draft.segments.map((s, i) => (i === index ? { ...s, key: e.target.value } : s)) })}
              />
              <select
                aria-label={`Segment ${index + 1} column`}
                className={cn(controlClasses, "min-w-0 pr-8")}
                value={segment.column}
                onChange={(e) => set({ segments: draft.segments.map((s, i) => (i === index ? { ...s, column: e.target.value } : s)) })}
              >
                {columns.map((c) => (
                  <option key={c.name} value={c.name}>
                    {columnLabel(c)}
                  </option>
                ))}
              </select>
              <Button variant="ghost" size="sm" onClick={() => set({ segments: draft.segments.filter((_, i) => i !== index) })}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
        {columns.length > 0 && (
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => set({ segments: [...draft.segments, { key: `segment_${draft.segments.length + 1}`, column: columns[0]!.name }] })}>
            Add a segment column
          </Button>
        )}
      </fieldset>
    </div>
  );
}
