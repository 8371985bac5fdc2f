"use client";
// Changing the password ends every session of the account, this one included, so success
// leads straight to signing in again.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { changePasswordInput } from "@/server/schemas/account";
import { useTRPC } from "@/lib/trpc";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { useFormErrors } from "@/app/_components/use-form-errors";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;
const confirmSchema = changePasswordInput.extend({ confirmPassword: z.string() }).refine((v) => v.newPassword === v.confirmPassword, {
  message: "The two new passwords do not match.",
  path: ["confirmPassword"],
});

export function ChangePasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "", confirmPassword: "" });
  const { errors, check, onError } = useFormErrors(FIELDS);
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => router.push(`/sign-in?notice=password-changed&email=${encodeURIComponent(email)}`),
      onError,
    }),
  );
  const set = (field: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field]: event.target.value });

  return (
    <form
      noValidate
      className="max-w-md space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (check(confirmSchema, values)) change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      }}
    >
      {/* Lets password managers tie the new password to the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="Current password" type="password" autoComplete="current-password" value={values.currentPassword} onChange={set("currentPassword")} errors={errors.currentPassword} />
      <TextField label="New password" type="password" autoComplete="new-password" value={values.newPassword} onChange={set("newPassword")} errors={errors.newPassword} hint="At least 8 characters." />
      <TextField label="Confirm new password" type="password" autoComplete="new-password" value={values.confirmPassword} onChange={set("confirmPassword")} errors={errors.confirmPassword} />
      <p className="text-xs text-slate-500">Changing your password signs you out on every device, this one included.</p>
      <Button type="submit" pending={change.isPending || change.isSuccess}>
        Change password
      </Button>
    </form>
  );
}
