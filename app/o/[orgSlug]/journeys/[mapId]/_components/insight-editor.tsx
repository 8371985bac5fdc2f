"use client";
// The obstacles and opportunities of one touchpoint, inside its editor: add, edit (against
// the version read) and delete them.
import { useMutation } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { INSIGHT_KINDS, SEVERITIES, SEVERITY_LABELS, type InsightKind, type Severity } from "@/db/journey-constants";
import { createObstacleInput, updateObstacleInput } from "@/server/schemas/canvas";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { cn } from "@/lib/cn";
import type { BoardInsight } from "@/app/_components/journey-canvas/canvas-model";
import { SEVERITY_TONES } from "@/app/_components/journey-canvas/tones";
import { SparkIcon } from "@/app/_components/journey-canvas/touchpoint-card";
import { AlertIcon, PencilIcon, PlusIcon, TrashIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { ConfirmButton } from "@/app/_components/ui/confirm-dialog";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { ConflictAlert } from "./conflict-alert";
import type { MapCanvasData } from "./use-map-canvas";
import { useVersionedDraft } from "./use-versioned-draft";

const KIND_LABELS: Record<InsightKind, string> = { obstacle: "Obstacle", opportunity: "Opportunity" };

interface InsightEditorProps {
  orgSlug: string;
  touchpointId: string;
  /** Live from the canvas: others' additions show up while the editor is open. */
  insights: readonly BoardInsight[];
  reload: () => Promise<MapCanvasData | undefined>;
  onChanged: () => void;
  /** Under each obstacle: the finding it became, or the action that makes one. */
  obstacleFooter?: (obstacle: BoardInsight) => ReactNode;
}

/** "new:obstacle" / "new:opportunity" for a new one, else the id being edited. */
type Editing = `new:${InsightKind}` | string | null;

export function InsightEditor({ orgSlug, touchpointId, insights, reload, onChanged, obstacleFooter }: InsightEditorProps) {
  const trpc = useTRPC();
  const toast = useToast();
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useMutation(
    trpc.obstacle.delete.mutationOptions({
      onSuccess: () => onChanged(),
      onError: (error) => toast.error(readError(error).message),
    }),
  );

  return (
    <div className="space-y-6">
      {INSIGHT_KINDS.map((kind) => {
        const items = insights.filter((i) => i.kind === kind);
        const heading = kind === "obstacle" ? "Obstacles" : "Opportunities";
        return (
          <section key={kind} aria-label={heading}>
            <div className="mb-2 flex items-center justify-between">
              <h3 className="flex items-center gap-1.5 text-sm font-semibold text-slate-900">
                {kind === "obstacle" ? <AlertIcon className="size-4 text-red-600" /> : <SparkIcon className="size-4 text-emerald-600" />}
                {heading}
                <span className="text-xs font-normal text-slate-500">{items.length}</span>
              </h3>
              {editing !== `new:${kind}` && (
                <Button variant="ghost" size="sm" onClick={() => setEditing(`new:${kind}`)}>
                  <PlusIcon /> {kind === "obstacle" ? "Add obstacle" : "Add opportunity"}
                </Button>
              )}
            </div>
            <ul className="space-y-2">
              {editing === `new:${kind}` && (
                <li>
                  <InsightForm orgSlug={orgSlug} touchpointId={touchpointId} kind={kind} reload={reload} onDone={() => (setEditing(null), onChanged())} onCancel={() => setEditing(null)} />
                </li>
              )}
              {items.map((item) =>
                editing === item.id ? (
                  <li key={item.id}>
                    <InsightForm orgSlug={orgSlug} touchpointId={touchpointId} insight={item} kind={kind} reload={reload} onDone={() => (setEditing(null), onChanged())} onCancel={() => setEditing(null)} />
                  </li>
                ) : (
                  <li
                    key={item.id}
                    className={cn(
                      "group flex items-start gap-2 rounded-md border-l-[3px] py-2 pr-1 pl-3",
                      kind === "obstacle" ? cn(SEVERITY_TONES[item.severity].border, "bg-slate-50") : "border-emerald-500 bg-emerald-50/60",
                    )}
                  >
                    <div className="min-w-0 flex-1">
                      <p className="text-sm font-medium text-slate-900">{item.title}</p>
                      <p className="mt-0.5 text-xs text-slate-500">
                        {SEVERITY_LABELS[item.severity]} {kind === "obstacle" ? "severity" : "impact"}
                      </p>
                      {item.description && <p className="mt-1 line-clamp-3 text-xs text-slate-600">{item.description}</p>}
                      {kind === "obstacle" && obstacleFooter && <div className="mt-1.5">{obstacleFooter(item)}</div>}
                    </div>
                    <div className="flex shrink-0">
                      <Button variant="ghost" size="sm" className="px-2" aria-label={`Edit ${item.title}`} onClick={() => setEditing(item.id)}>
                        <PencilIcon />
                      </Button>
                      <ConfirmButton
                        triggerLabel={`Delete ${item.title}`}
                        title={`Delete the ${KIND_LABELS[kind].toLowerCase()} “${item.title}”?`}
                        description="Its comments are deleted with it."
                        confirmLabel={`Delete ${KIND_LABELS[kind].toLowerCase()}`}
                        pending={remove.isPending && remove.variables?.obstacleId === item.id}
                        onConfirm={() => remove.mutate({ orgSlug, obstacleId: item.id })}
                      >
                        <TrashIcon />
                      </ConfirmButton>
                    </div>
                  </li>
                ),
              )}
              {items.length === 0 && editing !== `new:${kind}` && (
                <li className="rounded-md border border-dashed border-slate-200 px-3 py-3 text-xs text-slate-500">
                  {kind === "obstacle" ? "No obstacles: nothing known to get in the customer’s way here." : "No opportunities noted yet."}
                </li>
              )}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

const FIELDS = ["kind", "title", "description", "severity"] as const;

interface InsightFormProps {
  orgSlug: string;
  touchpointId: string;
  kind: InsightKind;
  insight?: BoardInsight;
  reload: () => Promise<MapCanvasData | undefined>;
  onDone: () => void;
  onCancel: () => void;
}

function InsightForm({ orgSlug, touchpointId, kind, insight, reload, onDone, onCancel }: InsightFormProps) {
  const trpc = useTRPC();
  const toast = useToast();
  const { errors, check, onError } = useFormErrors(FIELDS);
  const draft = useVersionedDraft<{ kind: InsightKind; title: string; description: string; severity: Severity }>({
    values: { kind: insight?.kind ?? kind, title: insight?.title ?? "", description: insight?.description ?? "", severity: insight?.severity ?? "medium" },
    version: insight?.version ?? 1,
  });
  const create = useMutation(trpc.obstacle.create.mutationOptions({ onSuccess: onDone, onError }));
  const update = useMutation(trpc.obstacle.update.mutationOptions({ onSuccess: onDone, onError: (error) => draft.catchConflict(error) || onError(error) }));
  const { values, set } = draft;

  async function reloadLatest() {
    const latest = (await reload())?.obstacles.find((o) => o.id === insight?.id);
    if (!latest) {
      toast.error("This was deleted by someone else.");
      onCancel();
      return;
    }
    draft.resetTo({ values: { kind: latest.kind, title: latest.title, description: latest.description, severity: latest.severity }, version: latest.version });
  }

  return (
    <form
      noValidate
      aria-label={insight ? `Edit ${insight.title}` : `New ${KIND_LABELS[kind].toLowerCase()}`}
      className="space-y-3 rounded-md bg-white p-3 ring-1 ring-indigo-200"
      onSubmit={(event) => {
        event.preventDefault();
        if (insight) {
          const input = { orgSlug, obstacleId: insight.id, version: draft.version, ...values };
          if (check(updateObstacleInput, input)) update.mutate(input);
        } else {
          const input = { orgSlug, touchpointId, ...values };
          if (check(createObstacleInput, input)) create.mutate(input);
        }
      }}
    >
      {draft.conflict && <ConflictAlert message={draft.conflict} onReload={reloadLatest} />}
      <TextField label="Title" name="title" value={values.title} onChange={(e) => set("title", e.target.value)} errors={errors.title} autoFocus maxLength={140} />
      <TextAreaField label="Description" name="description" value={values.description} onChange={(e) => set("description", e.target.value)} errors={errors.description} rows={2} maxLength={2000} />
      <div className="grid grid-cols-2 gap-3">
        <SelectField label="Kind" name="kind" value={values.kind} onChange={(e) => set("kind", e.target.value as InsightKind)} errors={errors.kind}>
          {INSIGHT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Severity" name="severity" value={values.severity} onChange={(e) => set("severity", e.target.value as Severity)} errors={errors.severity}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm" pending={create.isPending || update.isPending}>
          {insight ? "Save" : `Add ${KIND_LABELS[values.kind].toLowerCase()}`}
        </Button>
      </div>
    </form>
  );
}
