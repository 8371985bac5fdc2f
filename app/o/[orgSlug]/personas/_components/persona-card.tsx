"use client";
// One persona: who they are, what they want and what gets in their way, the channels they
// prefer and how many maps are made for them. Editable (guarded by the persona's version)
// and deletable by members and above.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CHANNEL_LABELS } from "@/db/journey-constants";
import { updatePersonaInput } from "@/server/schemas/persona";
import { cn } from "@/lib/cn";
import { initials, plural } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { AlertIcon, CheckIcon, PencilIcon, TrashIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { ConfirmButton } from "@/app/_components/ui/confirm-dialog";
import { FormAlert } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { PERSONA_FIELDS, PersonaForm, type PersonaValues } from "./persona-form";

export interface Persona extends PersonaValues {
  id: string;
  version: number;
  mapCount: number;
}

export function PersonaCard({ orgSlug, persona, canEdit }: { orgSlug: string; persona: Persona; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const { errors, check, onError, reset } = useFormErrors(PERSONA_FIELDS);

  const update = useMutation(
    trpc.persona.update.mutationOptions({
      onSuccess: (_saved, input) => {
        toast.success(`Persona “${input.name.trim()}” saved.`);
        setEditing(false);
        router.refresh();
      },
      onError: (error) => {
        const { code, message } = readError(error);
        // Someone saved first: keep what was typed, and offer their version instead.
        if (code === "CONFLICT") return setConflict(message);
        onError(error);
      },
    }),
  );
  const remove = useMutation(
    trpc.persona.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`Persona “${persona.name}” deleted.`);
        router.refresh();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );

  const stopEditing = () => {
    reset();
    setConflict(null);
    setEditing(false);
  };

  if (editing) {
    return (
      <li className="rounded-lg bg-white px-5 py-5 shadow-sm ring-1 ring-indigo-200 lg:col-span-2">
        <h2 className="mb-4 text-sm font-semibold text-slate-900">Edit “{persona.name}”</h2>
        <PersonaForm
          initial={persona}
          submitLabel="Save persona"
          pending={update.isPending}
          errors={errors}
          alert={
            conflict && (
              <FormAlert>
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <span>{conflict}</span>
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => {
                      // The card remounts with the newer version once the page data arrives.
                      stopEditing();
                      router.refresh();
                    }}
                  >
                    Reload persona
                  </Button>
                </div>
              </FormAlert>
            )
          }
          onCancel={stopEditing}
          onSubmit={(values) => {
            setConflict(null);
            const input = { orgSlug, personaId: persona.id, version: persona.version, ...values };
            if (check(updatePersonaInput, input)) update.mutate(input);
          }}
        />
      </li>
    );
  }

  const { ageBand, location, occupation, income } = persona.demographics;
  const demographics = [
    { label: "Age", value: ageBand },
    { label: "Location", value: location },
    { label: "Occupation", value: occupation },
    { label: "Income", value: income },
  ].filter((item): item is { label: string; value: string } => Boolean(item.value));

  return (
    <li className="flex flex-col rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div className="flex-1 px-5 pt-4 pb-5">
        <div className="flex items-start gap-3">
          <span aria-hidden className="flex size-10 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-sm font-semibold text-indigo-700">
            {initials(persona.name)}
          </span>
          <div className="min-w-0 flex-1">
            <h2 className="font-semibold text-slate-900">{persona.name}</h2>
            <p className="text-xs text-slate-500">{persona.mapCount === 0 ? "Not used by any map yet" : `Used by ${plural(persona.mapCount, "map")}`}</p>
          </div>
          {canEdit && (
            <div className="-mt-1 -mr-2 flex shrink-0">
              <Button variant="ghost" size="sm" aria-label={`Edit ${persona.name}`} onClick={() => setEditing(true)}>
                <PencilIcon />
              </Button>
              <ConfirmButton
                triggerLabel={`Delete ${persona.name}`}
                title={`Delete the persona “${persona.name}”?`}
                description={
                  persona.mapCount === 0
                    ? "No journey map is made for this persona. Its description, goals and pains are removed."
                    : `The ${plural(persona.mapCount, "map")} made for this persona keep existing, without a persona. Its description, goals and pains are removed.`
                }
                confirmLabel="Delete persona"
                pending={remove.isPending}
                onConfirm={() => remove.mutate({ orgSlug, personaId: persona.id })}
              >
                <TrashIcon />
              </ConfirmButton>
            </div>
          )}
        </div>

        {persona.description ? (
          <p className="mt-3 text-sm text-slate-600">{persona.description}</p>
        ) : (
          <p className="mt-3 text-sm text-slate-400">No description yet.</p>
        )}

        {demographics.length > 0 && (
          <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-2.5 rounded-md bg-slate-50 px-3.5 py-3 text-sm">
            {demographics.map((item) => (
              <div key={item.label} className="min-w-0">
                <dt className="text-xs font-medium text-slate-500">{item.label}</dt>
                <dd className="text-slate-800">{item.value}</dd>
              </div>
            ))}
          </dl>
        )}

        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <PointList title="Goals" items={persona.goals} empty="No goals noted." tone="goal" />
          <PointList title="Pains" items={persona.pains} empty="No pains noted." tone="pain" />
        </div>
      </div>

      <div className="flex items-center gap-2.5 border-t border-slate-100 px-5 py-3">
        <h3 className="shrink-0 text-xs font-medium text-slate-500">Preferred channels</h3>
        {persona.preferredChannels.length === 0 ? (
          <p className="text-xs text-slate-400">None noted.</p>
        ) : (
          <ul className="flex flex-wrap items-center gap-1.5">
            {persona.preferredChannels.map((channel) => (
              <li key={channel} className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-indigo-200 ring-inset">
                {CHANNEL_LABELS[channel]}
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

function PointList({ title, items, empty, tone }: { title: string; items: string[]; empty: string; tone: "goal" | "pain" }) {
  const Icon = tone === "goal" ? CheckIcon : AlertIcon;
  return (
    <div>
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {items.length === 0 ? (
        <p className="mt-1.5 text-sm text-slate-400">{empty}</p>
      ) : (
        <ul className="mt-1.5 space-y-1.5">
          {items.map((item, index) => (
            <li key={index} className="flex items-start gap-2 text-sm text-slate-700">
              <Icon className={cn("mt-0.5 size-4 shrink-0", tone === "goal" ? "text-emerald-600" : "text-amber-600")} />
              {item}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
