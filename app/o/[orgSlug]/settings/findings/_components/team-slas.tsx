"use client";
// Each team's SLA targets per severity: hours to a first response and to resolution, and
// whether weekends count. A severity a team has not set runs on the defaults, shown as such.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { ClockIcon } from "@/app/_components/icons";
import { useToast } from "@/app/_components/ui/toast";
import { DEFAULT_SLA_HOURS } from "@/db/finding-constants";
import { SEVERITIES, SEVERITY_LABELS, type Severity } from "@/db/journey-constants";
import { setTeamSlaInput } from "@/server/schemas/findings";
import { useTRPC } from "@/lib/trpc";
import { readError, validate } from "@/lib/trpc-error";
import type { Team, TeamSla } from "../../../findings/_lib/types";

const inputClasses = "w-20 rounded-md border-0 px-2 py-1 text-right text-sm tabular-nums shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none";

function SlaRow({ orgSlug, team, severity, own }: { orgSlug: string; team: Team; severity: Severity; own: TeamSla | undefined }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const fallback = DEFAULT_SLA_HOURS[severity];
  const initial = { first: String(own?.firstResponseHours ?? fallback.firstResponse), resolution: String(own?.resolutionHours ?? fallback.resolution), weekdays: own?.weekdaysOnly ?? false };
  const [values, setValues] = useState(initial);
  const changed = JSON.stringify(values) !== JSON.stringify(initial);
  const save = useMutation(
    trpc.teamSla.set.mutationOptions({
      onSuccess: () => {
        toast.success(`${team.name}: ${SEVERITY_LABELS[severity].toLowerCase()} targets saved.`);
        router.refresh();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );
  const submit = () => {
    const input = { orgSlug, teamId: team.id, severity, firstResponseHours: Number(values.first), resolutionHours: Number(values.resolution), weekdaysOnly: values.weekdays };
    const errors = validate(setTeamSlaInput, input);
    if (errors) return toast.error(Object.values(errors).flat()[0] ?? "Check the hours.");
    save.mutate(input);
  };
  const label = `${team.name}, ${SEVERITY_LABELS[severity]}`;
  return (
    <tr>
      <th scope="row" className="py-2 pr-3 text-left font-normal text-slate-700">
        <span className="flex items-center gap-2">
          {SEVERITY_LABELS[severity]}
          {!own && <Badge>Default</Badge>}
        </span>
      </th>
      <td className="px-2 py-2">
        <input aria-label={`${label}: first response hours`} className={inputClasses} inputMode="numeric" value={values.first} onChange={(e) => setValues({ ...values, first: e.target.value })} />
      </td>
      <td className="px-2 py-2">
        <input aria-label={`${label}: resolution hours`} className={inputClasses} inputMode="numeric" value={values.resolution} onChange={(e) => setValues({ ...values, resolution: e.target.value })} />
      </td>
      <td className="px-2 py-2 text-center">
        <input aria-label={`${label}: weekdays only`} type="checkbox" className="size-4 rounded border-slate-300 text-indigo-600" checked={values.weekdays} onChange={(e) => setValues({ ...values, weekdays: e.target.checked })} />
      </td>
      <td className="py-2 pl-2 text-right">
        <Button size="sm" variant="secondary" disabled={!changed && Boolean(own)} pending={save.isPending} onClick={submit}>
          {own ? "Save" : "Set"}
        </Button>
      </td>
    </tr>
  );
}

export function TeamSlas({ orgSlug, teams, slas }: { orgSlug: string; teams: Team[]; slas: TeamSla[] }) {
  return (
    <Card>
      <CardHeader title="SLA targets" description="Hours each team has to answer a finding and to resolve it, per severity. Customers expect an answer within a day." />
      {teams.length === 0 ? (
        <EmptyState icon={<ClockIcon className="size-5" />} title="No teams yet" description="Create teams under Settings → Teams; each gets its own targets." />
      ) : (
        <div className="grid gap-x-8 gap-y-6 px-5 py-4 xl:grid-cols-2">
          {teams.map((team) => (
            <div key={team.id} className="relative overflow-x-auto">
              <h3 className="mb-1 text-sm font-semibold text-slate-900">{team.name}</h3>
              <table className="w-full min-w-[26rem] text-sm">
                <thead>
                  <tr className="text-xs text-slate-500">
                    <th scope="col" className="py-1 text-left font-medium">Severity</th>
                    <th scope="col" className="px-2 py-1 text-left font-medium">First response (h)</th>
                    <th scope="col" className="px-2 py-1 text-left font-medium">Resolution (h)</th>
                    <th scope="col" className="px-2 py-1 font-medium">Weekdays only</th>
                    <th scope="col" className="sr-only">Save</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {SEVERITIES.map((severity) => {
                    const own = slas.find((s) => s.teamId === team.id && s.severity === severity);
                    return <SlaRow key={`${severity}:${own?.updatedAt ? new Date(own.updatedAt).getTime() : "default"}`} orgSlug={orgSlug} team={team} severity={severity} own={own} />;
                  })}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
