"use client";
// The ordered routing rules: the first enabled rule that matches a new finding sends it to its
// team. Managers reorder them with the arrows, edit, delete, and re-route the findings nobody
// has triaged yet with today's rules.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ArrowRightIcon, PencilIcon, PlusIcon, TrashIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { ConfirmButton } from "@/app/_components/ui/confirm-dialog";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { useToast } from "@/app/_components/ui/toast";
import { CHANNEL_LABELS, SEVERITY_LABELS, type Channel, type Severity } from "@/db/journey-constants";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { listOf, plural } from "@/lib/format";
import type { RoutingRule } from "../../../findings/_lib/types";
import { RuleDialog, type RuleChoices } from "./rule-dialog";

type Conditions = { stageIds?: string[]; touchpointIds?: string[]; channels?: Channel[]; severities?: Severity[]; keywords?: string[]; maxCsat?: number };

/** "Stage Delivery · mentions parcel or box" — what a rule matches, in words. */
function conditionsText(c: Conditions, choices: RuleChoices) {
  const name = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? "a deleted item";
  const parts = [
    c.stageIds?.length && `stage ${listOf(c.stageIds.map((id) => name(choices.stages, id)))}`,
    c.touchpointIds?.length && `touchpoint ${listOf(c.touchpointIds.map((id) => name(choices.touchpoints, id)))}`,
    c.channels?.length && `channel ${listOf(c.channels.map((ch) => CHANNEL_LABELS[ch]))}`,
    c.severities?.length && `severity ${listOf(c.severities.map((s) => SEVERITY_LABELS[s].toLowerCase()))}`,
    c.keywords?.length && `mentions ${c.keywords.map((k) => `“${k}”`).join(" or ")}`,
    c.maxCsat && `lowest CSAT ≤ ${c.maxCsat}`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "Every finding";
}

export function RoutingRules({ orgSlug, rules, choices }: { orgSlug: string; rules: RoutingRule[]; choices: RuleChoices }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState<RoutingRule | "new" | null>(null);
  const onError = (error: unknown) => toast.error(readError(error).message);
  const reorder = useMutation(trpc.routingRule.reorder.mutationOptions({ onSuccess: () => router.refresh(), onError }));
  const remove = useMutation(trpc.routingRule.delete.mutationOptions({ onSuccess: () => (toast.success("Rule deleted."), router.refresh()), onError }));
  const apply = useMutation(
    trpc.routingRule.applyToUntriaged.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.examined === 0 ? "No untriaged findings to re-route." : `${plural(r.rerouted, "finding")} of ${r.examined} untriaged moved to another team.`);
        router.refresh();
      },
      onError,
    }),
  );
  const teamName = (id: string) => choices.teams.find((t) => t.id === id)?.name ?? "a deleted team";
  const personName = (id: string | null) => choices.people.find((p) => p.userId === id)?.name;

  const move = (index: number, by: -1 | 1) => {
    const ids = rules.map((r) => r.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    reorder.mutate({ orgSlug, ruleIds: ids });
  };

  return (
    <Card>
      <CardHeader
        title="Routing rules"
        description="Checked in order when a finding is created; the first enabled match sets its team. With no match, the touchpoint's owning team gets it."
        actions={
          <>
            <Button size="sm" variant="secondary" pending={apply.isPending} disabled={rules.length === 0} onClick={() => apply.mutate({ orgSlug })}>
              Apply to untriaged findings
            </Button>
            <Button size="sm" disabled={choices.teams.length === 0} onClick={() => setEditing("new")}>
              <PlusIcon /> New rule
            </Button>
          </>
        }
      />
      {rules.length === 0 ? (
        <EmptyState
          icon={<ArrowRightIcon className="size-5" />}
          title="No routing rules yet"
          description={choices.teams.length === 0 ? "Create teams first; each rule sends findings to one." : "Without rules, each finding goes to its touchpoint's owning team. Add a rule to route by stage, channel or the words customers use."}
        />
      ) : (
        <ol aria-label="Routing rules" className="divide-y divide-slate-100">
          {rules.map((rule, index) => (
            <li key={rule.id} className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center">
              <span className="hidden w-6 shrink-0 text-sm text-slate-400 tabular-nums sm:block">{index + 1}.</span>
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                  {rule.name}
                  {!rule.enabled && <Badge>Disabled</Badge>}
                </p>
                <p className="mt-0.5 text-xs text-slate-500">
                  {conditionsText(rule.conditions as Conditions, choices)} → <span className="font-medium text-slate-700">{teamName(rule.teamId)}</span>
                  {personName(rule.assigneeUserId) && `, assigned to ${personName(rule.assigneeUserId)}`}
                  {rule.severity && `, severity ${SEVERITY_LABELS[rule.severity].toLowerCase()}`}
                </p>
              </div>
              <div className="flex shrink-0 items-center gap-1">
                <Button size="sm" variant="ghost" aria-label={`Move ${rule.name} up`} disabled={index === 0 || reorder.isPending} onClick={() => move(index, -1)}>
                  ↑
                </Button>
                <Button size="sm" variant="ghost" aria-label={`Move ${rule.name} down`} disabled={index === rules.length - 1 || reorder.isPending} onClick={() => move(index, 1)}>
                  ↓
                </Button>
                <Button size="sm" variant="ghost" aria-label={`Edit ${rule.name}`} onClick={() => setEditing(rule)}>
                  <PencilIcon />
                </Button>
                <ConfirmButton
                  triggerLabel={`Delete ${rule.name}`}
                  title={`Delete the rule “${rule.name}”?`}
                  description="Findings it already routed keep their team; new findings skip to the next rule."
                  confirmLabel="Delete rule"
                  pending={remove.isPending}
                  onConfirm={() => remove.mutate({ orgSlug, ruleId: rule.id })}
                >
                  <TrashIcon />
                </ConfirmButton>
              </div>
            </li>
          ))}
        </ol>
      )}
      {editing && <RuleDialog orgSlug={orgSlug} rule={editing === "new" ? null : editing} choices={choices} onClose={() => setEditing(null)} />}
    </Card>
  );
}
