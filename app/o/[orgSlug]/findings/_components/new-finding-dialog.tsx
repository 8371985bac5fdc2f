"use client";
// "New finding": a problem at a touchpoint, in a sentence or two. The routing rules (or the
// touchpoint's owning team) decide where it lands; the toast says which team got it. Opened
// from the responses explorer or a touchpoint's comments, it carries the selected responses.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PlusIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { FormAlert, SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { Modal, ModalBody, ModalFooter } from "@/app/_components/ui/modal";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import type { Severity } from "@/db/journey-constants";
import { createFindingInput, FINDING_LIMITS } from "@/server/schemas/findings";
import { useTRPC } from "@/lib/trpc";
import type { FilterOptions, Team } from "../_lib/types";
import { SeverityOptions } from "./choice-options";

const FIELDS = ["title", "description", "touchpointId", "severity", "labels"] as const;

/** "Packaging, Returns " → ["packaging", "returns"]. */
export const parseLabels = (text: string) =>
  text
    .split(",")
    .map((l) => l.trim())
    .filter(Boolean);

export function NewFindingButton({ orgSlug, touchpoints, teams }: { orgSlug: string; touchpoints: FilterOptions["touchpoints"]; teams: Team[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <PlusIcon /> New finding
      </Button>
      {open && <NewFindingDialog orgSlug={orgSlug} touchpoints={touchpoints} teams={teams} onClose={() => setOpen(false)} />}
    </>
  );
}

interface NewFindingDialogProps {
  orgSlug: string;
  touchpoints: FilterOptions["touchpoints"];
  teams: Team[];
  onClose: () => void;
  /** Responses that become its evidence. */
  responseIds?: string[];
  /** Preselected: the touchpoint the selected responses share. */
  initialTouchpointId?: string;
  /** After it was created (e.g. to clear the selection it was made from). */
  onCreated?: () => void;
}

export function NewFindingDialog({ orgSlug, touchpoints, teams, onClose, responseIds = [], initialTouchpointId, onCreated }: NewFindingDialogProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [values, setValues] = useState({ title: "", description: "", touchpointId: initialTouchpointId ?? "", severity: "medium" as Severity, labels: "" });
  const { errors, check, onError } = useFormErrors(FIELDS);
  const create = useMutation(
    trpc.finding.create.mutationOptions({
      onSuccess: (finding) => {
        const team = teams.find((t) => t.id === finding.teamId)?.name;
        const link = { href: `/o/${orgSlug}/findings/${finding.id}`, label: `Open F-${finding.number}` };
        toast.success(team ? `F-${finding.number} created and routed to ${team}.` : `F-${finding.number} created; no rule or touchpoint names a team yet.`, link);
        onCreated?.();
        onClose();
        router.refresh();
      },
      onError,
    }),
  );
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const manyMaps = new Set(touchpoints.map((t) => t.mapName)).size > 1;

  return (
    <Modal title="New finding" description="An obstacle customers hit. It goes to the team the routing rules choose, or the touchpoint's owner." width="lg" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const input = { orgSlug, title: values.title, description: values.description, touchpointId: values.touchpointId || undefined, severity: values.severity, labels: parseLabels(values.labels), responseIds };
          if (check(createFindingInput, input)) create.mutate(input);
        }}
      >
        <ModalBody>
          {responseIds.length > 0 && (
            <FormAlert tone="info">
              {responseIds.length} selected {responseIds.length === 1 ? "response becomes" : "responses become"} its evidence.
            </FormAlert>
          )}
          <TextField label="Title" value={values.title} onChange={set("title")} maxLength={FINDING_LIMITS.title} errors={errors.title} placeholder="Parcels arrive with crushed boxes" autoFocus />
          <TextAreaField label="Description" value={values.description} onChange={set("description")} maxLength={FINDING_LIMITS.description} errors={errors.description} hint="What happens, to whom, and how you know." />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="Touchpoint" value={values.touchpointId} onChange={set("touchpointId")} errors={errors.touchpointId}>
              <option value="">No touchpoint</option>
              {touchpoints.map((t) => (
                <option key={t.id} value={t.id}>
                  {manyMaps ? `${t.mapName} · ${t.name}` : t.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Severity" value={values.severity} onChange={set("severity")} errors={errors.severity}>
              <SeverityOptions />
            </SelectField>
          </div>
          <TextField label="Labels" value={values.labels} onChange={set("labels")} errors={errors.labels} placeholder="packaging, returns" hint="Separate labels with commas." />
        </ModalBody>
        <ModalFooter>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending}>
            Create finding
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
