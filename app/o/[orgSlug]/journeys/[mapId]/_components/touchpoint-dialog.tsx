"use client";
// Adding a touchpoint to a stage, and editing one: its fields (saved against the version the
// form read) and, for an existing touchpoint, its obstacles and opportunities.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { CHANNELS, CHANNEL_LABELS, type Channel } from "@/db/journey-constants";
import { createTouchpointInput, updateTouchpointInput } from "@/server/schemas/canvas";
import { useTRPC } from "@/lib/trpc";
import type { BoardInsight, BoardTouchpoint } from "@/app/_components/journey-canvas/canvas-model";
import { Button } from "@/app/_components/ui/button";
import { ListOptions, SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { Modal, ModalFooter } from "@/app/_components/ui/modal";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { ConflictAlert } from "./conflict-alert";
import { EmotionPicker } from "./emotion-picker";
import { InsightEditor } from "./insight-editor";
import type { MapCanvasData } from "./use-map-canvas";
import { useVersionedDraft } from "./use-versioned-draft";

const FIELDS = ["name", "key", "channel", "description", "teamId", "customerAction", "expectedEmotion", "notes"] as const;

interface TouchpointValues {
  name: string;
  key: string;
  channel: Channel;
  description: string;
  teamId: string;
  customerAction: string;
  expectedEmotion: number | null;
  notes: string;
}

const EMPTY: TouchpointValues = { name: "", key: "", channel: "web", description: "", teamId: "", customerAction: "", expectedEmotion: null, notes: "" };

const valuesOf = (t: BoardTouchpoint): TouchpointValues => ({
  name: t.name,
  key: t.key,
  channel: t.channel,
  description: t.description,
  teamId: t.teamId ?? "",
  customerAction: t.customerAction,
  expectedEmotion: t.expectedEmotion,
  notes: t.notes,
});

interface TouchpointDialogProps {
  orgSlug: string;
  /** The stage a new touchpoint goes into (at its end). */
  stage: { id: string; name: string };
  /** The touchpoint to edit; absent to add one. */
  touchpoint?: BoardTouchpoint;
  /** The touchpoint's obstacles and opportunities, live from the canvas. */
  insights?: readonly BoardInsight[];
  reload: () => Promise<MapCanvasData | undefined>;
  onSaved: () => void;
  onClose: () => void;
  /** Under each obstacle: the finding it became, or the action that makes one. */
  obstacleFooter?: (obstacle: BoardInsight) => ReactNode;
}

export function TouchpointDialog({ orgSlug, stage, touchpoint, insights = [], reload, onSaved, onClose, obstacleFooter }: TouchpointDialogProps) {
  const trpc = useTRPC();
  const toast = useToast();
  const { errors, check, onError } = useFormErrors(FIELDS);
  const draft = useVersionedDraft({ values: touchpoint ? valuesOf(touchpoint) : EMPTY, version: touchpoint?.version ?? 1 });
  const teams = useQuery(trpc.team.list.queryOptions({ orgSlug }));
  const done = (message: string) => {
    toast.success(message);
    onSaved();
    onClose();
  };
  const create = useMutation(trpc.touchpoint.create.mutationOptions({ onSuccess: (created) => done(`Touchpoint added with the key “${created.key}”.`), onError }));
  const update = useMutation(
    trpc.touchpoint.update.mutationOptions({ onSuccess: () => done("Touchpoint saved."), onError: (error) => draft.catchConflict(error) || onError(error) }),
  );
  const { values, set } = draft;

  async function reloadLatest() {
    const latest = (await reload())?.touchpoints.find((t) => t.id === touchpoint?.id);
    if (!latest) {
      toast.error("This touchpoint was deleted by someone else.");
      onClose();
      return;
    }
    draft.resetTo({ values: valuesOf(latest), version: latest.version });
  }

  const form = (
    <form
      noValidate
      aria-label={touchpoint ? "Touchpoint details" : "New touchpoint"}
      onSubmit={(event) => {
        event.preventDefault();
        const fields = { ...values, teamId: values.teamId || null };
        if (touchpoint) {
          const input = { orgSlug, touchpointId: touchpoint.id, version: draft.version, ...fields };
          if (check(updateTouchpointInput, input)) update.mutate(input);
        } else {
          // Left empty, the server derives the key from the name.
          const { key, ...rest } = fields;
          const input = { orgSlug, stageId: stage.id, ...rest, ...(key.trim() ? { key } : {}) };
          if (check(createTouchpointInput, input)) create.mutate(input);
        }
      }}
      className="flex min-h-0 flex-col"
    >
      <div className="space-y-5 px-6 py-5">
        {draft.conflict && <ConflictAlert message={draft.conflict} onReload={reloadLatest} />}
        <TextField label="Name" name="name" value={values.name} onChange={(e) => set("name", e.target.value)} errors={errors.name} autoFocus maxLength={80} />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Key"
            name="key"
            value={values.key}
            onChange={(e) => set("key", e.target.value)}
            errors={errors.key}
            hint={touchpoint ? "Survey responses and CSV files find the touchpoint by it." : "Optional: left empty, it is made from the name."}
            placeholder={touchpoint ? undefined : "e.g. order-confirmation-email"}
            className="[&_input]:font-mono"
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
          />
          <SelectField label="Channel" name="channel" value={values.channel} onChange={(e) => set("channel", e.target.value as Channel)} errors={errors.channel}>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          label="Description"
          name="description"
          value={values.description}
          onChange={(e) => set("description", e.target.value)}
          errors={errors.description}
          rows={2}
          maxLength={1000}
        />
        <SelectField
          label="Owning team"
          name="teamId"
          value={values.teamId}
          onChange={(e) => set("teamId", e.target.value)}
          errors={errors.teamId}
          hint="The team that fixes what goes wrong here."
        >
          <ListOptions
            none="No owning team"
            items={teams.data?.map((team) => ({ value: team.id, label: team.name }))}
            current={{ value: touchpoint?.teamId, label: touchpoint?.teamName ?? "Current team" }}
          />
        </SelectField>
        <TextAreaField
          label="Customer action"
          name="customerAction"
          value={values.customerAction}
          onChange={(e) => set("customerAction", e.target.value)}
          errors={errors.customerAction}
          hint="What the customer does here, in their words."
          rows={2}
          maxLength={300}
        />
        <EmotionPicker value={values.expectedEmotion} onChange={(v) => set("expectedEmotion", v)} errors={errors.expectedEmotion} />
        <TextAreaField label="Notes" name="notes" value={values.notes} onChange={(e) => set("notes", e.target.value)} errors={errors.notes} rows={3} maxLength={2000} />
      </div>
      <ModalFooter>
        <Button variant="secondary" onClick={onClose}>
          {touchpoint ? "Close" : "Cancel"}
        </Button>
        <Button type="submit" pending={create.isPending || update.isPending}>
          {touchpoint ? "Save touchpoint" : "Add touchpoint"}
        </Button>
      </ModalFooter>
    </form>
  );

  return (
    <Modal
      title={touchpoint ? `Edit touchpoint “${touchpoint.name}”` : "Add touchpoint"}
      description={touchpoint ? `In the stage “${stage.name}”.` : `It goes at the end of the stage “${stage.name}”.`}
      onClose={onClose}
      width={touchpoint ? "xl" : "lg"}
    >
      {touchpoint ? (
        <div className="grid md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          {form}
          <aside aria-label="Obstacles and opportunities" className="border-t border-slate-200 bg-slate-50/60 px-5 py-5 md:border-t-0 md:border-l">
            <InsightEditor orgSlug={orgSlug} touchpointId={touchpoint.id} insights={insights} reload={reload} onChanged={onSaved} obstacleFooter={obstacleFooter} />
          </aside>
        </div>
      ) : (
        form
      )}
    </Modal>
  );
}
