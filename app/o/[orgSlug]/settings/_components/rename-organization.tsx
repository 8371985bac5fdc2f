"use client";
// Renaming the organization (admins). The address (slug) stays, so links keep working.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateOrganizationInput } from "@/server/schemas/organization";
import { useTRPC } from "@/lib/trpc";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";

const FIELDS = ["name"] as const;

export function RenameOrganization({ orgSlug, name }: { orgSlug: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [value, setValue] = useState(name);
  const { errors, check, onError } = useFormErrors(FIELDS);
  const rename = useMutation(
    trpc.organization.rename.mutationOptions({
      onSuccess: (org) => {
        toast.success(`The organization is now called “${org.name}”.`);
        router.refresh();
      },
      onError,
    }),
  );
  return (
    <form
      noValidate
      className="flex flex-wrap items-start gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const input = { orgSlug, name: value };
        if (check(updateOrganizationInput, input)) rename.mutate(input);
      }}
    >
      <TextField label="Organization name" name="name" value={value} onChange={(e) => setValue(e.target.value)} errors={errors.name} className="min-w-72 flex-1" maxLength={80} />
      <Button type="submit" pending={rename.isPending} disabled={value.trim() === name} className="mt-[1.625rem]">
        Save name
      </Button>
    </form>
  );
}
