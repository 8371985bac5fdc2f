"use client";
// Starting a journey map: its name, what it is about, the persona it is for and the stages
// it starts with. On success the new map opens on its canvas.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { STAGE_TEMPLATES, STAGE_TEMPLATE_KEYS, type StageTemplate } from "@/db/journey-constants";
import { createMapInput } from "@/server/schemas/journey-map";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/lib/trpc";
import { ChevronRightIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { FieldsetError, SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { Modal, ModalBody, ModalFooter } from "@/app/_components/ui/modal";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";

const FIELDS = ["name", "description", "personaId", "template"] as const;

/** What each template is for, in a line. */
const TEMPLATE_PURPOSE: Record<StageTemplate, string> = {
  purchase: "From first hearing of you to recommending you.",
  experience: "Before, during and after a visit or a service.",
  blank: "An empty canvas: add your own stages.",
};

interface NewMapDialogProps {
  orgSlug: string;
  personas: { id: string; name: string }[];
  closeHref: string;
}

export function NewMapDialog({ orgSlug, personas, closeHref }: NewMapDialogProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [personaId, setPersonaId] = useState("");
  const [template, setTemplate] = useState<StageTemplate>("purchase");
  const { errors, check, onError } = useFormErrors(FIELDS);
  const close = () => router.replace(closeHref, { scroll: false });

  const create = useMutation(
    trpc.journeyMap.create.mutationOptions({
      onSuccess: (map) => {
        toast.success(`Journey map “${map.name}” created.`);
        // Replace `?new`, so Back from the canvas returns to the list rather than to this form.
        router.replace(`/o/${orgSlug}/journeys/${map.id}`);
      },
      onError,
    }),
  );
  const stages = STAGE_TEMPLATES[template].stages;
  const personasHref = `/o/${orgSlug}/personas`;

  return (
    <Modal title="New journey map" description="Map one journey of one kind of customer. You can change all of this later." onClose={close} width="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const input = { orgSlug, name, description, personaId: personaId || null, template };
          if (check(createMapInput, input)) create.mutate(input);
        }}
      >
        <ModalBody>
          <TextField
            label="Name"
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            errors={errors.name}
            placeholder="Online order with home delivery"
            autoFocus
            maxLength={120}
          />
          <TextAreaField
            label="Description"
            name="description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            errors={errors.description}
            hint="Which journey this is and what you want to learn from it."
            rows={2}
            maxLength={2000}
          />
          <SelectField
            label="Persona"
            name="personaId"
            value={personaId}
            onChange={(e) => setPersonaId(e.target.value)}
            errors={errors.personaId}
            hint={
              personas.length === 0 ? (
                <>
                  No personas yet.{" "}
                  <Link href={`${personasHref}?new`} className="font-medium text-indigo-600 hover:text-indigo-500">
                    Create a persona
                  </Link>{" "}
                  to say whose journey this is.
                </>
              ) : (
                <>
                  Whose journey this is. Missing one?{" "}
                  <Link href={`${personasHref}?new`} className="font-medium text-indigo-600 hover:text-indigo-500">
                    Create a persona
                  </Link>
                </>
              )
            }
          >
            <option value="">No persona</option>
            {personas.map((persona) => (
              <option key={persona.id} value={persona.id}>
                {persona.name}
              </option>
            ))}
          </SelectField>

          <fieldset>
            <legend className="mb-1.5 block text-sm font-medium text-slate-700">Start from</legend>
            <div className="grid gap-3 sm:grid-cols-3">
              {STAGE_TEMPLATE_KEYS.map((key) => {
                const option = STAGE_TEMPLATES[key];
                const checked = key === template;
                return (
                  <label
                    key={key}
                    className={cn(
                      "relative flex cursor-pointer flex-col rounded-lg px-3.5 py-3 transition has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600",
                      checked ? "bg-indigo-50/50 ring-2 ring-indigo-600" : "bg-white ring-1 ring-slate-300 hover:ring-slate-400",
                    )}
                  >
                    <input type="radio" name="template" value={key} checked={checked} onChange={() => setTemplate(key)} className="sr-only" />
                    <span className="text-sm font-semibold text-slate-900">{option.label}</span>
                    <span className="mt-0.5 text-xs text-slate-500">{option.stages.length === 0 ? "No stages" : `${option.stages.length} stages`}</span>
                    <span className="mt-2 text-xs text-slate-600">{TEMPLATE_PURPOSE[key]}</span>
                  </label>
                );
              })}
            </div>
            <FieldsetError errors={errors.template} />
            <div className="mt-3 rounded-md bg-slate-50 px-3.5 py-3 ring-1 ring-slate-200 ring-inset" aria-live="polite">
              <p className="text-xs font-medium text-slate-500">{stages.length === 0 ? "Stages" : `The map starts with these stages`}</p>
              {stages.length === 0 ? (
                <p className="mt-1.5 text-sm text-slate-600">None yet: you add the first stage on the canvas.</p>
              ) : (
                <ol aria-label="Stages of the template" className="mt-2 flex flex-wrap items-center gap-1.5">
                  {stages.map((stage, index) => (
                    <li key={stage.name} className="flex items-center gap-1.5" title={stage.description}>
                      {index > 0 && <ChevronRightIcon aria-hidden className="size-3.5 text-slate-400" />}
                      <span className="rounded-md bg-white px-2 py-1 text-xs font-medium text-slate-700 shadow-sm ring-1 ring-slate-200">{stage.name}</span>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </fieldset>
        </ModalBody>
        <ModalFooter>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending || create.isSuccess}>
            Create journey map
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
