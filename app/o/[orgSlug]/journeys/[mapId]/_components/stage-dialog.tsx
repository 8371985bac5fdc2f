"use client";
// Adding a stage (at the end, or after another) and renaming or describing one.
import { useMutation } from "@tanstack/react-query";
import { createStageInput, updateStageInput } from "@/server/schemas/canvas";
import { useTRPC } from "@/lib/trpc";
import type { BoardStage } from "@/app/_components/journey-canvas/canvas-model";
import { Button } from "@/app/_components/ui/button";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { Modal, ModalBody, ModalFooter } from "@/app/_components/ui/modal";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { ConflictAlert } from "./conflict-alert";
import type { MapCanvasData } from "./use-map-canvas";
import { useVersionedDraft } from "./use-versioned-draft";

const FIELDS = ["name", "description"] as const;

interface StageDialogProps {
  orgSlug: string;
  mapId: string;
  /** The stage to edit; absent to add one. */
  stage?: BoardStage;
  /** Where a new stage goes: after this stage, or at the end when undefined. */
  afterStageId?: string;
  afterStageName?: string;
  reload: () => Promise<MapCanvasData | undefined>;
  onSaved: () => void;
  onClose: () => void;
}

export function StageDialog({ orgSlug, mapId, stage, afterStageId, afterStageName, reload, onSaved, onClose }: StageDialogProps) {
  const trpc = useTRPC();
  const toast = useToast();
  const { errors, check, onError } = useFormErrors(FIELDS);
  const draft = useVersionedDraft({ values: { name: stage?.name ?? "", description: stage?.description ?? "" }, version: stage?.version ?? 1 });
  const done = (message: string) => {
    toast.success(message);
    onSaved();
    onClose();
  };
  const create = useMutation(trpc.stage.create.mutationOptions({ onSuccess: () => done(`Stage “${draft.values.name.trim()}” added.`), onError }));
  const update = useMutation(
    trpc.stage.update.mutationOptions({ onSuccess: () => done("Stage saved."), onError: (error) => draft.catchConflict(error) || onError(error) }),
  );

  async function reloadLatest() {
    const latest = (await reload())?.stages.find((s) => s.id === stage?.id);
    if (!latest) {
      toast.error("This stage was deleted by someone else.");
      onClose();
      return;
    }
    draft.resetTo({ values: { name: latest.name, description: latest.description }, version: latest.version });
  }

  return (
    <Modal
      title={stage ? `Edit stage “${stage.name}”` : "Add stage"}
      description={stage ? undefined : afterStageName ? `The new stage goes right after “${afterStageName}”.` : "The new stage goes at the end of the journey."}
      onClose={onClose}
      width="md"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (stage) {
            const input = { orgSlug, stageId: stage.id, version: draft.version, ...draft.values };
            if (check(updateStageInput, input)) update.mutate(input);
          } else {
            const input = { orgSlug, mapId, ...draft.values, ...(afterStageId ? { afterStageId } : {}) };
            if (check(createStageInput, input)) create.mutate(input);
          }
        }}
      >
        <ModalBody>
          {draft.conflict && <ConflictAlert message={draft.conflict} onReload={reloadLatest} />}
          <TextField label="Stage name" name="name" value={draft.values.name} onChange={(e) => draft.set("name", e.target.value)} errors={errors.name} autoFocus maxLength={60} />
          <TextAreaField
            label="Description"
            name="description"
            value={draft.values.description}
            onChange={(e) => draft.set("description", e.target.value)}
            errors={errors.description}
            hint="What the customer is trying to do in this stage."
            rows={3}
            maxLength={500}
          />
        </ModalBody>
        <ModalFooter>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending || update.isPending}>
            {stage ? "Save stage" : "Add stage"}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
