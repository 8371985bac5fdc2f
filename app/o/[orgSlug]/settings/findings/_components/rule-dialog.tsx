"use client";
// Creating or editing a routing rule: its conditions (all that are set must match; within one,
// any value matches) and what it does when it matches: the team, and optionally an assignee
// and a severity.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { FieldsetError, SelectField, TextField } from "@/app/_components/ui/field";
import { Modal, ModalBody, ModalFooter } from "@/app/_components/ui/modal";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { CHANNEL_LABELS, CHANNELS, SEVERITIES, SEVERITY_LABELS, type Channel, type Severity } from "@/db/journey-constants";
import { createRoutingRuleInput, FINDING_LIMITS } from "@/server/schemas/findings";
import { useTRPC } from "@/lib/trpc";
import { cn } from "@/lib/cn";
import type { FilterOptions, Person, RoutingRule, Team } from "../../../findings/_lib/types";
import { TeamOptions, PersonOptions, SeverityOptions } from "../../../findings/_components/choice-options";

const FIELDS = ["name", "teamId", "assigneeUserId", "severity", "conditions"] as const;

interface Conditions {
  stageIds?: string[];
  touchpointIds?: string[];
  channels?: Channel[];
  severities?: Severity[];
  keywords?: string[];
  maxCsat?: number;
}

export interface RuleChoices {
  teams: Team[];
  people: Person[];
  stages: FilterOptions["stages"];
  touchpoints: FilterOptions["touchpoints"];
}

function Chips<T extends string>({ legend, options, value, onChange }: { legend: string; options: { value: T; label: string }[]; value: T[]; onChange: (next: T[]) => void }) {
  if (options.length === 0) return null;
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex max-h-32 flex-wrap gap-1.5 overflow-y-auto">
        {options.map((o) => {
          const on = value.includes(o.value);
          return (
            <label key={o.value} className={cn("cursor-pointer rounded-full px-2.5 py-1 text-xs ring-1 ring-inset", on ? "bg-indigo-50 text-indigo-800 ring-indigo-300" : "bg-white text-slate-600 ring-slate-300 hover:bg-slate-50")}>
              <input type="checkbox" className="sr-only" checked={on} onChange={() => onChange(on ? value.filter((v) => v !== o.value) : [...value, o.value])} />
              {o.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function RuleDialog({ orgSlug, rule, choices, onClose }: { orgSlug: string; rule: RoutingRule | null; choices: RuleChoices; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const start = (rule?.conditions ?? {}) as Conditions;
  const [name, setName] = useState(rule?.name ?? "");
  const [teamId, setTeamId] = useState(rule?.teamId ?? choices.teams[0]?.id ?? "");
  const [assigneeUserId, setAssignee] = useState(rule?.assigneeUserId ?? "");
  const [severity, setSeverity] = useState<string>(rule?.severity ?? "");
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [stageIds, setStageIds] = useState(start.stageIds ?? []);
  const [touchpointIds, setTouchpointIds] = useState(start.touchpointIds ?? []);
  const [channels, setChannels] = useState<Channel[]>(start.channels ?? []);
  const [severities, setSeverities] = useState<Severity[]>(start.severities ?? []);
  const [keywords, setKeywords] = useState((start.keywords ?? []).join(", "));
  const [maxCsat, setMaxCsat] = useState(start.maxCsat ? String(start.maxCsat) : "");
  const { errors, check, onError } = useFormErrors(FIELDS);
  const done = (message: string) => () => {
    toast.success(message);
    onClose();
    router.refresh();
  };
  const create = useMutation(trpc.routingRule.create.mutationOptions({ onSuccess: done("Rule added at the end of the list."), onError }));
  const update = useMutation(trpc.routingRule.update.mutationOptions({ onSuccess: done("Rule saved."), onError }));
  const manyMaps = new Set(choices.stages.map((s) => s.mapName)).size > 1;

  const submit = () => {
    const some = <T,>(list: T[]) => (list.length ? list : undefined);
    const conditions: Conditions = {
      stageIds: some(stageIds),
      touchpointIds: some(touchpointIds),
      channels: some(channels),
      severities: some(severities),
      keywords: some(keywords.split(",").map((k) => k.trim()).filter(Boolean)),
      maxCsat: maxCsat ? Number(maxCsat) : undefined,
    };
    const fields = { orgSlug, name, teamId, assigneeUserId: assigneeUserId || null, severity: (severity || null) as Severity | null, enabled, conditions };
    if (!check(createRoutingRuleInput, fields)) return;
    if (rule) update.mutate({ ...fields, ruleId: rule.id, version: rule.version });
    else create.mutate(fields);
  };

  return (
    <Modal title={rule ? `Edit rule “${rule.name}”` : "New routing rule"} description="A new finding goes to the first enabled rule whose conditions all match. Leave a condition empty to match anything." width="lg" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <ModalBody>
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={FINDING_LIMITS.ruleName} errors={errors.name} placeholder="Delivery and packaging → Shipping" autoFocus />
          <div className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
            <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">When</p>
            <Chips legend="Stage is any of" options={choices.stages.map((s) => ({ value: s.id, label: manyMaps ? `${s.mapName} · ${s.name}` : s.name }))} value={stageIds} onChange={setStageIds} />
            <Chips legend="Touchpoint is any of" options={choices.touchpoints.map((t) => ({ value: t.id, label: t.name }))} value={touchpointIds} onChange={setTouchpointIds} />
            <Chips legend="Channel is any of" options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} value={channels} onChange={setChannels} />
            <Chips legend="Severity is any of" options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} value={severities} onChange={setSeverities} />
            <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
              <TextField label="Mentions any of these words" value={keywords} onChange={(e) => setKeywords(e.target.value)} hint="In the title, description or evidence comments; separate with commas." placeholder="parcel, box, courier" />
              <SelectField label="Lowest CSAT at most" value={maxCsat} onChange={(e) => setMaxCsat(e.target.value)}>
                <option value="">Any score</option>
                {[1, 2, 3, 4].map((n) => (
                  <option key={n} value={n}>
                    {n} of 5
                  </option>
                ))}
              </SelectField>
            </div>
            <FieldsetError errors={errors.conditions} />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField label="Send to team" value={teamId} onChange={(e) => setTeamId(e.target.value)} errors={errors.teamId}>
              <TeamOptions teams={choices.teams} />
            </SelectField>
            <SelectField label="Assign to" value={assigneeUserId} onChange={(e) => setAssignee(e.target.value)} errors={errors.assigneeUserId}>
              <option value="">Nobody yet</option>
              <PersonOptions people={choices.people} />
            </SelectField>
            <SelectField label="Set severity" value={severity} onChange={(e) => setSeverity(e.target.value)} errors={errors.severity}>
              <option value="">Keep as reported</option>
              <SeverityOptions />
            </SelectField>
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="size-4 rounded border-slate-300 text-indigo-600" />
            Enabled
          </label>
        </ModalBody>
        <ModalFooter>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending || update.isPending}>
            {rule ? "Save rule" : "Add rule"}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
