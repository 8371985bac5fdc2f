"use client";
// Creating a team, shown at the top of the list when "New team" was chosen.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createTeamInput } from "@/server/schemas/team";
import { useTRPC } from "@/lib/trpc";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { TeamForm } from "./team-form";

const FIELDS = ["name", "description"] as const;

export function CreateTeam({ orgSlug, closeHref }: { orgSlug: string; closeHref: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const { errors, check, onError } = useFormErrors(FIELDS);
  const create = useMutation(
    trpc.team.create.mutationOptions({
      onSuccess: (team) => {
        toast.success(`Team “${team.name}” created.`);
        router.replace(closeHref);
        router.refresh();
      },
      onError,
    }),
  );
  return (
    <Card className="mb-6 ring-indigo-200">
      <CardHeader title="New team" description="Teams own touchpoints and receive the findings about them." />
      <CardBody>
        <TeamForm
          submitLabel="Create team"
          pending={create.isPending}
          errors={errors}
          onCancel={() => router.replace(closeHref)}
          onSubmit={(values) => {
            const input = { orgSlug, ...values };
            if (check(createTeamInput, input)) create.mutate(input);
          }}
        />
      </CardBody>
    </Card>
  );
}
