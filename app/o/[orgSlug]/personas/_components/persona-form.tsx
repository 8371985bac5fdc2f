"use client";
// The persona form, to create a persona and to edit one: who they are, their demographics,
// goals and pains (one per line) and the channels they prefer.
import { useState, type ReactNode } from "react";
import { AGE_BANDS, CHANNELS, CHANNEL_LABELS, type AgeBand, type Channel } from "@/db/journey-constants";
import { cn } from "@/lib/cn";
import type { FieldErrors } from "@/lib/trpc-error";
import { CheckIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { FieldsetError, SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";

export interface PersonaValues {
  name: string;
  description: string;
  demographics: { ageBand?: AgeBand; location?: string; occupation?: string; income?: string };
  goals: string[];
  pains: string[];
  preferredChannels: Channel[];
}

export const PERSONA_FIELDS = ["name", "description", "demographics", "goals", "pains", "preferredChannels"] as const;

const EMPTY: PersonaValues = { name: "", description: "", demographics: {}, goals: [], pains: [], preferredChannels: [] };

interface PersonaFormProps {
  initial?: PersonaValues;
  submitLabel: string;
  pending: boolean;
  errors: FieldErrors;
  /** A message about the whole form (e.g. someone else saved first), above the buttons. */
  alert?: ReactNode;
  onSubmit: (values: PersonaValues) => void;
  onCancel: () => void;
}

/** Blank lines are dropped; the server trims and checks each line. */
const toLines = (text: string) => text.split("\n").filter((line) => line.trim().length > 0);
/** Empty answers are left out rather than stored as "". */
const optional = (text: string) => (text.trim() ? text : undefined);

export function PersonaForm({ initial = EMPTY, submitLabel, pending, errors, alert, onSubmit, onCancel }: PersonaFormProps) {
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [ageBand, setAgeBand] = useState<string>(initial.demographics.ageBand ?? "");
  const [location, setLocation] = useState(initial.demographics.location ?? "");
  const [occupation, setOccupation] = useState(initial.demographics.occupation ?? "");
  const [income, setIncome] = useState(initial.demographics.income ?? "");
  const [goals, setGoals] = useState(initial.goals.join("\n"));
  const [pains, setPains] = useState(initial.pains.join("\n"));
  const [channels, setChannels] = useState<Channel[]>(initial.preferredChannels);

  const toggleChannel = (channel: Channel) =>
    setChannels((current) => (current.includes(channel) ? current.filter((c) => c !== channel) : CHANNELS.filter((c) => c === channel || current.includes(c))));

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({
          name,
          description,
          demographics: {
            ageBand: (ageBand || undefined) as AgeBand | undefined,
            location: optional(location),
            occupation: optional(occupation),
            income: optional(income),
          },
          goals: toLines(goals),
          pains: toLines(pains),
          preferredChannels: channels,
        });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} errors={errors.name} placeholder="Busy parent shopper" autoFocus maxLength={80} />
      </div>
      <TextAreaField
        label="Description"
        name="description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={errors.description}
        hint="Who they are and how they live, in a few sentences: what a colleague needs to picture them."
        rows={3}
        maxLength={1000}
      />

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Demographics</legend>
        <div className="mt-2 grid gap-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200 ring-inset sm:grid-cols-2">
          <SelectField label="Age band" name="ageBand" value={ageBand} onChange={(e) => setAgeBand(e.target.value)}>
            <option value="">Not specified</option>
            {AGE_BANDS.map((band) => (
              <option key={band} value={band}>
                {band}
              </option>
            ))}
          </SelectField>
          <TextField label="Location" name="location" value={location} onChange={(e) => setLocation(e.target.value)} placeholder="Suburbs, 30 minutes from a store" maxLength={80} />
          <TextField label="Occupation" name="occupation" value={occupation} onChange={(e) => setOccupation(e.target.value)} placeholder="Hospital nurse" maxLength={80} />
          <TextField label="Income" name="income" value={income} onChange={(e) => setIncome(e.target.value)} placeholder="Middle income, two earners" maxLength={80} />
        </div>
        <FieldsetError errors={errors.demographics} />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <TextAreaField
          label="Goals"
          name="goals"
          value={goals}
          onChange={(e) => setGoals(e.target.value)}
          errors={errors.goals}
          hint="One per line: what they want to get done."
          placeholder={"Get the right size the first time\nFinish buying in a few minutes"}
          rows={5}
        />
        <TextAreaField
          label="Pains"
          name="pains"
          value={pains}
          onChange={(e) => setPains(e.target.value)}
          errors={errors.pains}
          hint="One per line: what frustrates or worries them."
          placeholder={"Being put on hold\nTyping details into small forms"}
          rows={5}
        />
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Preferred channels</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {CHANNELS.map((channel) => {
            const checked = channels.includes(channel);
            return (
              <label
                key={channel}
                className={cn(
                  "inline-flex cursor-pointer items-center gap-1.5 rounded-full px-3 py-1 text-sm ring-1 transition ring-inset has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600",
                  checked ? "bg-indigo-50 font-medium text-indigo-700 ring-indigo-300" : "bg-white text-slate-600 ring-slate-300 hover:bg-slate-50",
                )}
              >
                <input type="checkbox" name="preferredChannels" value={channel} checked={checked} onChange={() => toggleChannel(channel)} className="sr-only" />
                {checked && <CheckIcon className="size-3.5" />}
                {CHANNEL_LABELS[channel]}
              </label>
            );
          })}
        </div>
        {errors.preferredChannels ? <FieldsetError errors={errors.preferredChannels} /> : <p className="mt-1.5 text-xs text-slate-500">Where they would rather deal with you.</p>}
      </fieldset>

      {alert}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
