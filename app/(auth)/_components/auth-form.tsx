"use client";
// The sign-in and sign-up forms: one component, since they differ only by the name field,
// the server action and the wording.
import Link from "next/link";
import { useActionState } from "react";
import { signInAction, signUpAction, type AuthFormState } from "@/server/auth/actions";
import { Button } from "@/app/_components/ui/button";
import { FormAlert, TextField } from "@/app/_components/ui/field";
import { authHref } from "@/lib/return-path";

interface AuthFormProps {
  mode: "sign-in" | "sign-up";
  callbackUrl?: string;
  email?: string;
}

export function AuthForm({ mode, callbackUrl, email }: AuthFormProps) {
  const signingUp = mode === "sign-up";
  const [state, action, pending] = useActionState<AuthFormState, FormData>(signingUp ? signUpAction : signInAction, {});
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} noValidate className="space-y-5">
      {state.error && <FormAlert>{state.error}</FormAlert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      {signingUp && (
        <TextField label="Name" name="name" autoComplete="name" defaultValue={state.values?.name ?? ""} errors={errors.name} required />
      )}
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email ?? email ?? ""} errors={errors.email} required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete={signingUp ? "new-password" : "current-password"}
        hint={signingUp ? "At least 8 characters." : undefined}
        errors={errors.password}
        required
      />
      <Button type="submit" className="w-full" pending={pending}>
        {signingUp ? "Create account" : "Sign in"}
      </Button>
    </form>
  );
}

/** The line under the panel that switches between the two forms, keeping the return path. */
export function AuthSwitch({ mode, callbackUrl, email }: AuthFormProps) {
  const signingUp = mode === "sign-up";
  return (
    <>
      {signingUp ? "Already have an account? " : "New to Waymark? "}
      <Link href={authHref(signingUp ? "/sign-in" : "/sign-up", { callbackUrl, email })} className="font-medium text-indigo-600 hover:text-indigo-500">
        {signingUp ? "Sign in" : "Create an account"}
      </Link>
    </>
  );
}
