"use client";
// Inviting someone: an email and a role (only roles the inviter may grant). The link is
// shown once, since only its hash is stored.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { INVITATION_TTL_DAYS, ROLE_LABELS, type Role } from "@/db/constants";
import { grantableRoles } from "@/server/auth/permissions";
import { createInvitationInput } from "@/server/schemas/member";
import { useTRPC } from "@/lib/trpc";
import { Button } from "@/app/_components/ui/button";
import { CopyField } from "@/app/_components/ui/copy-field";
import { FormAlert, SelectField, TextField } from "@/app/_components/ui/field";
import { useFormErrors } from "@/app/_components/use-form-errors";

const FIELDS = ["email", "role"] as const;

export function InviteForm({ orgSlug, viewerRole }: { orgSlug: string; viewerRole: Role }) {
  const trpc = useTRPC();
  const router = useRouter();
  const roles = grantableRoles(viewerRole);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(roles.includes("member") ? "member" : (roles.at(-1) ?? "viewer"));
  const [created, setCreated] = useState<{ email: string; link: string } | null>(null);
  const { errors, check, onError, reset } = useFormErrors(FIELDS);

  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: ({ invitation, token }) => {
        reset();
        setCreated({ email: invitation.email, link: `${window.location.origin}/invite/${token}` });
        setEmail("");
        router.refresh();
      },
      onError,
    }),
  );

  return (
    <div className="space-y-5">
      <form
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const input = { orgSlug, email, role };
          if (check(createInvitationInput, input)) invite.mutate(input);
        }}
      >
        <TextField label="Email" type="email" name="email" placeholder="colleague@company.com" value={email} onChange={(e) => setEmail(e.target.value)} errors={errors.email} className="min-w-64 flex-1" />
        <SelectField label="Role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} errors={errors.role} className="w-40">
          {roles.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </SelectField>
        <Button type="submit" pending={invite.isPending} className="mt-[1.625rem]">
          Create invitation
        </Button>
      </form>
      {created && (
        <div className="space-y-3 rounded-lg bg-indigo-50/60 p-4 ring-1 ring-indigo-100">
          <FormAlert tone="success">
            Invitation created for <strong>{created.email}</strong>. Send them this link: it works once, for {INVITATION_TTL_DAYS} days, and
            is shown only now.
          </FormAlert>
          <CopyField label="Invitation link" value={created.link} copyLabel="Copy link" />
        </div>
      )}
    </div>
  );
}
