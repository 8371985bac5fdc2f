"use client";
// The finding's editable fields: owner, assignee, severity, due date, labels and the words.
// A save sends the version it read; if someone saved first, the server answers CONFLICT and
// the form says so, keeping the user's changes until Reload takes in the latest finding.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import type { Severity } from "@/db/journey-constants";
import { FINDING_LIMITS, updateFindingInput } from "@/server/schemas/findings";
import { useTRPC } from "@/lib/trpc";
import { ConflictAlert } from "../../../journeys/[mapId]/_components/conflict-alert";
import { useVersionedDraft } from "../../../journeys/[mapId]/_components/use-versioned-draft";
import { parseLabels } from "../../_components/new-finding-dialog";
import type { FindingDetail, Person, Team } from "../../_lib/types";
import { TeamOptions, PersonOptions, SeverityOptions } from "../../_components/choice-options";

const FIELDS = ["title", "description", "teamId", "assigneeUserId", "severity", "dueAt", "labels"] as const;

type Draft = { title: string; description: string; teamId: string; assigneeUserId: string; severity: Severity; dueDay: string; labels: string };

const dayOf = (date: Date | null) => (date ? new Date(date).toISOString().slice(0, 10) : "");

function draftOf(f: Pick<FindingDetail, "title" | "description" | "teamId" | "assigneeUserId" | "severity" | "dueAt" | "labels">): Draft {
  return { title: f.title, description: f.description, teamId: f.teamId ?? "", assigneeUserId: f.assigneeUserId ?? "", severity: f.severity, dueDay: dayOf(f.dueAt), labels: f.labels.join(", ") };
}

interface FindingFieldsProps {
  orgSlug: string;
  finding: FindingDetail;
  teams: Team[];
  people: Person[];
  canEdit: boolean;
}

export function FindingFields({ orgSlug, finding, teams, people, canEdit }: FindingFieldsProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const draft = useVersionedDraft({ values: draftOf(finding), version: finding.version });
  const { errors, check, onError } = useFormErrors(FIELDS);
  const { resetTo, values, version } = draft;
  const clean = JSON.stringify(values) === JSON.stringify(draftOf(finding));

  // A move made on this page bumps the version: a form without unsaved edits follows it.
  useEffect(() => {
    if (finding.version > version && clean) resetTo({ values: draftOf(finding), version: finding.version });
  }, [finding, version, clean, resetTo]);

  const save = useMutation(
    trpc.finding.update.mutationOptions({
      onSuccess: (saved) => {
        resetTo({ values: draftOf(saved), version: saved.version });
        toast.success("Finding saved.");
        router.refresh();
      },
      onError: (error) => draft.catchConflict(error) || onError(error),
    }),
  );

  const submit = () => {
    const v = draft.values;
    const input = {
      orgSlug,
      findingId: finding.id,
      version: draft.version,
      title: v.title,
      description: v.description,
      teamId: v.teamId || null,
      assigneeUserId: v.assigneeUserId || null,
      severity: v.severity,
      dueAt: v.dueDay ? new Date(`${v.dueDay}T00:00:00Z`) : null,
      labels: parseLabels(v.labels),
    };
    if (check(updateFindingInput, input)) save.mutate(input);
  };
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => draft.set(field, event.target.value as never);

  return (
    <Card>
      <CardHeader title="Details" description={canEdit ? "Who owns it, how bad it is and when it is due." : "Members and above can change these."} />
      <CardBody>
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {draft.conflict && (
            <ConflictAlert
              message="Someone changed this finding since you opened it."
              onReload={async () => {
                const latest = await queryClient.fetchQuery({ ...trpc.finding.get.queryOptions({ orgSlug, findingId: finding.id }), staleTime: 0 });
                resetTo({ values: draftOf(latest), version: latest.version });
                router.refresh();
              }}
            />
          )}
          <fieldset disabled={!canEdit} className="space-y-4">
            <TextField label="Title" value={draft.values.title} onChange={set("title")} maxLength={FINDING_LIMITS.title} errors={errors.title} />
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField label="Team" value={draft.values.teamId} onChange={set("teamId")} errors={errors.teamId}>
                <option value="">No team</option>
                <TeamOptions teams={teams} />
              </SelectField>
              <SelectField label="Assignee" value={draft.values.assigneeUserId} onChange={set("assigneeUserId")} errors={errors.assigneeUserId}>
                <option value="">Unassigned</option>
                <PersonOptions people={people} />
              </SelectField>
              <SelectField label="Severity" value={draft.values.severity} onChange={set("severity")} errors={errors.severity}>
                <SeverityOptions />
              </SelectField>
              <TextField label="Due date" type="date" value={draft.values.dueDay} onChange={set("dueDay")} errors={errors.dueAt} />
            </div>
            <TextField label="Labels" value={draft.values.labels} onChange={set("labels")} errors={errors.labels} hint="Separate labels with commas." />
            <TextAreaField label="Description" rows={5} value={draft.values.description} onChange={set("description")} maxLength={FINDING_LIMITS.description} errors={errors.description} />
          </fieldset>
          {canEdit && (
            <div className="flex justify-end">
              <Button type="submit" pending={save.isPending} disabled={clean}>
                Save changes
              </Button>
            </div>
          )}
        </form>
      </CardBody>
    </Card>
  );
}
