"use client";
// Creating an organization: a name and, optionally, its address. The creator becomes owner.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createOrganizationInput } from "@/server/schemas/organization";
import { slugify as previewSlug } from "@/server/schemas/organization";
import { useTRPC } from "@/lib/trpc";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { useFormErrors } from "@/app/_components/use-form-errors";

const FIELDS = ["name", "slug"] as const;

export function CreateOrganizationForm({ cancelHref }: { cancelHref?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const { errors, check, onError } = useFormErrors(FIELDS);
  const create = useMutation(trpc.organization.create.mutationOptions({ onSuccess: (org) => router.push(`/o/${org.slug}`), onError }));

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        const input = { name, slug: slug.trim() };
        if (check(createOrganizationInput, input)) create.mutate(input);
      }}
    >
      <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} errors={errors.name} placeholder="Northwind Retail" autoFocus maxLength={80} />
      <TextField
        label="URL slug"
        name="slug"
        value={slug}
        onChange={(e) => setSlug(e.target.value)}
        errors={errors.slug}
        placeholder={name.trim() ? previewSlug(name) : "northwind-retail"}
        hint={
          <>
            Optional. Your address will be <span className="font-mono text-slate-700">/o/{slug.trim() || (name.trim() ? previewSlug(name) : "…")}</span>. Lowercase letters, digits and dashes.
          </>
        }
        maxLength={48}
      />
      <div className="flex items-center justify-end gap-2 pt-1">
        {cancelHref && (
          <ButtonLink href={cancelHref} variant="secondary">
            Cancel
          </ButtonLink>
        )}
        <Button type="submit" pending={create.isPending}>
          Create organization
        </Button>
      </div>
    </form>
  );
}
