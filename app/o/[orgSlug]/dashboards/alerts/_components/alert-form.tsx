"use client";
// Creating and editing a threshold alert: the touchpoint (from the organization's maps), the
// figure, below or above what, over how many days and with at least how many answers. An edit
// sends the version it read; a save by someone else in between is reported, not overwritten.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ALERT_COMPARISONS, ALERT_METRICS, ALERT_METRIC_LABELS, ALERT_METRIC_RANGES, type AlertComparison, type AlertMetric } from "@/db/alert-constants";
import { createAlertInput, updateAlertInput } from "@/server/schemas/alerts";
import { alertRuleText } from "@/lib/alert-wording";
import { useTRPC } from "@/lib/trpc";
import { Button } from "@/app/_components/ui/button";
import { FormAlert, SelectField, TextField } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { TouchpointOptions } from "@/app/o/[orgSlug]/_components/touchpoint-options";

const FIELDS = ["touchpointId", "metric", "comparison", "threshold", "windowDays", "minimumAnswers"] as const;

export interface TouchpointOption {
  id: string;
  name: string;
  group: string;
}

export interface AlertValues {
  touchpointId: string;
  metric: AlertMetric;
  comparison: AlertComparison;
  threshold: number;
  windowDays: number;
  minimumAnswers: number;
}

const DEFAULTS: Omit<AlertValues, "touchpointId"> = { metric: "csatPct", comparison: "below", threshold: 70, windowDays: 7, minimumAnswers: 30 };

export function AlertForm({
  orgSlug,
  touchpoints,
  existing,
  onDone,
  onCancel,
}: {
  orgSlug: string;
  touchpoints: TouchpointOption[];
  existing?: AlertValues & { id: string; version: number };
  onDone: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const { errors, check, onError } = useFormErrors(FIELDS);
  const [touchpointId, setTouchpointId] = useState(existing?.touchpointId ?? "");
  const [metric, setMetric] = useState<AlertMetric>(existing?.metric ?? DEFAULTS.metric);
  const [comparison, setComparison] = useState<AlertComparison>(existing?.comparison ?? DEFAULTS.comparison);
  const [threshold, setThreshold] = useState(String(existing?.threshold ?? DEFAULTS.threshold));
  const [windowDays, setWindowDays] = useState(String(existing?.windowDays ?? DEFAULTS.windowDays));
  const [minimumAnswers, setMinimumAnswers] = useState(String(existing?.minimumAnswers ?? DEFAULTS.minimumAnswers));
  const [stale, setStale] = useState(false);
  const range = ALERT_METRIC_RANGES[metric];

  const done = (message: string) => {
    toast.success(message);
    router.refresh();
    onDone();
  };
  const create = useMutation(trpc.alert.create.mutationOptions({ onSuccess: () => done("Alert set. It is checked every few minutes."), onError }));
  const update = useMutation(
    trpc.alert.update.mutationOptions({
      onSuccess: () => done("Alert saved."),
      onError: (error) => {
        if ((error as { data?: { code?: string } }).data?.code === "CONFLICT") setStale(true);
        else onError(error);
      },
    }),
  );
  // Empty or non-numeric text becomes NaN, which the schema reports next to the field.
  const values = { orgSlug, touchpointId, metric, comparison, threshold: Number(threshold || NaN), windowDays: Number(windowDays || NaN), minimumAnswers: Number(minimumAnswers || NaN) };
  const preview = Number.isFinite(values.threshold) && Number.isFinite(values.windowDays) && values.windowDays >= 1 ? alertRuleText(values) : null;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (existing) {
          const input = { ...values, alertId: existing.id, version: existing.version };
          if (check(updateAlertInput, input)) update.mutate(input);
        } else if (check(createAlertInput, values)) create.mutate(values);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField label="Touchpoint" name="touchpointId" value={touchpointId} onChange={(e) => setTouchpointId(e.target.value)} errors={errors.touchpointId} hint="Its owning team is notified." className="lg:col-span-3">
          <option value="">Choose a touchpoint…</option>
          <TouchpointOptions touchpoints={touchpoints} />
        </SelectField>
        <SelectField label="Figure" name="metric" value={metric} onChange={(e) => setMetric(e.target.value as AlertMetric)} errors={errors.metric}>
          {ALERT_METRICS.map((m) => (
            <option key={m} value={m}>
              {ALERT_METRIC_LABELS[m]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Fires when it is" name="comparison" value={comparison} onChange={(e) => setComparison(e.target.value as AlertComparison)} errors={errors.comparison}>
          {ALERT_COMPARISONS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <TextField label="Threshold" name="threshold" type="number" inputMode="decimal" step="any" value={threshold} onChange={(e) => setThreshold(e.target.value)} errors={errors.threshold} hint={`From ${range.min} to ${range.max}.`} />
        <TextField label="Over the last" name="windowDays" type="number" inputMode="numeric" value={windowDays} onChange={(e) => setWindowDays(e.target.value)} errors={errors.windowDays} hint="Days, today included." />
        <TextField label="With at least" name="minimumAnswers" type="number" inputMode="numeric" value={minimumAnswers} onChange={(e) => setMinimumAnswers(e.target.value)} errors={errors.minimumAnswers} hint="Answers; fewer are not judged." />
      </div>
      {preview && (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">
          Fires when <span className="font-medium text-slate-900">{preview}</span>, once per crossing; clears when the figure recovers.
        </p>
      )}
      {stale && <FormAlert>Someone else changed this alert while you were editing. Reload the page to take in their changes, then save again.</FormAlert>}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending || update.isPending}>
          {existing ? "Save alert" : "Set alert"}
        </Button>
      </div>
    </form>
  );
}
