"use client";
// Creating a survey and editing one: its name, the touchpoint responses go to when a file
// names none (picked from the organization's maps and stages), and the zone of timestamps
// written without one. An edit sends the version it read; someone else's save in between is
// reported instead of overwritten.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { createSurveyInput, updateSurveyInput } from "@/server/schemas/survey";
import { TEXT_LIMITS } from "@/server/schemas/limits";
import { useTRPC } from "@/lib/trpc";
import { Button } from "@/app/_components/ui/button";
import { FormAlert, SelectField, TextField } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import type { TouchpointChoice } from "./mapping-editor";
import { TouchpointOptions } from "@/app/o/[orgSlug]/_components/touchpoint-options";

const FIELDS = ["name", "defaultTouchpointId", "timeZone"] as const;

export interface SurveyValues {
  name: string;
  defaultTouchpointId: string | null;
  timeZone: string;
}

type Choice = TouchpointChoice;

export function SurveyForm({
  orgSlug,
  touchpoints,
  existing,
  onDone,
  onCancel,
}: {
  orgSlug: string;
  touchpoints: Choice[];
  /** Editing this survey at this version; absent: creating one. */
  existing?: SurveyValues & { id: string; version: number };
  onDone: (survey: { id: string }) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const zonesId = useId();
  const { errors, check, onError } = useFormErrors(FIELDS);
  const [name, setName] = useState(existing?.name ?? "");
  const [defaultTouchpointId, setDefaultTouchpointId] = useState(existing?.defaultTouchpointId ?? "");
  const [timeZone, setTimeZone] = useState(existing?.timeZone ?? (typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC"));
  const [stale, setStale] = useState(false);
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), []);

  const done = (survey: { id: string }, message: string) => {
    toast.success(message);
    router.refresh();
    onDone(survey);
  };
  const create = useMutation(trpc.survey.create.mutationOptions({ onSuccess: (s, input) => done(s, `Survey “${input.name.trim()}” created.`), onError }));
  const update = useMutation(
    trpc.survey.update.mutationOptions({
      onSuccess: (s) => done(s, "Survey saved."),
      onError: (error) => {
        if ((error as { data?: { code?: string } }).data?.code === "CONFLICT") setStale(true);
        else onError(error);
      },
    }),
  );

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const values = { orgSlug, name, defaultTouchpointId: defaultTouchpointId || null, timeZone };
        if (existing) {
          const input = { ...values, surveyId: existing.id, version: existing.version };
          if (check(updateSurveyInput, input)) update.mutate(input);
        } else if (check(createSurveyInput, values)) create.mutate(values);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} errors={errors.name} placeholder="Post-delivery CSAT" maxLength={TEXT_LIMITS.surveyName} autoFocus={!existing} />
        <SelectField label="Default touchpoint" name="defaultTouchpointId" value={defaultTouchpointId} onChange={(e) => setDefaultTouchpointId(e.target.value)} errors={errors.defaultTouchpointId} hint="For files that name no touchpoint.">
          <option value="">None</option>
          <TouchpointOptions touchpoints={touchpoints} />
        </SelectField>
        <div>
          <TextField label="Time zone" name="timeZone" list={zonesId} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} errors={errors.timeZone} hint="For timestamps written without one." maxLength={64} />
          <datalist id={zonesId}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
      </div>
      {stale && <FormAlert>Someone else changed this survey while you were editing. Reload the page to take in their changes, then save again.</FormAlert>}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending || update.isPending}>
          {existing ? "Save survey" : "Create survey"}
        </Button>
      </div>
    </form>
  );
}
