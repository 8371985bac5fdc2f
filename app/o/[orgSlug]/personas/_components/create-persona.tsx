"use client";
// Creating a persona, shown at the top of the list when "New persona" was chosen (`?new`).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createPersonaInput } from "@/server/schemas/persona";
import { useTRPC } from "@/lib/trpc";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { PERSONA_FIELDS, PersonaForm } from "./persona-form";

export function CreatePersona({ orgSlug, closeHref }: { orgSlug: string; closeHref: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const { errors, check, onError } = useFormErrors(PERSONA_FIELDS);
  const create = useMutation(
    trpc.persona.create.mutationOptions({
      onSuccess: (_created, input) => {
        toast.success(`Persona “${input.name.trim()}” created.`);
        router.replace(closeHref);
        router.refresh();
      },
      onError,
    }),
  );
  return (
    <Card className="mb-6 ring-indigo-200">
      <CardHeader title="New persona" description="A kind of customer you design for. Journey maps are made for one persona each." />
      <CardBody className="py-5">
        <PersonaForm
          submitLabel="Create persona"
          pending={create.isPending}
          errors={errors}
          onCancel={() => router.replace(closeHref)}
          onSubmit={(values) => {
            const input = { orgSlug, ...values };
            if (check(createPersonaInput, input)) create.mutate(input);
          }}
        />
      </CardBody>
    </Card>
  );
}
