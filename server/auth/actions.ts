"use server";
// Server actions behind the sign-in, sign-up and sign-out forms.
import { AuthError } from "next-auth";
import { safeReturnPath } from "@/lib/return-path";
import { getDb } from "../db";
import { fieldErrorsFromIssues } from "../schemas/common";
import { signInInput, signUpInput } from "../schemas/account";
import { endAllSessions, getSessionUser, revokeSession, signUp } from "../services/accounts";
import { DomainError } from "../services/errors";
import { signIn, signOut } from "./config";
import { getSessionClaims } from "./session";

export interface AuthFormState {
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: { name?: string; email?: string };
}

async function signInWithPassword(email: string, password: string, redirectTo: string): Promise<AuthFormState | never> {
  try {
    await signIn("credentials", { email, password, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return {
        error:
          code === "rate_limited"
            ? "Too many failed sign-in attempts. Try again in an hour, or from a browser you signed in with before."
            : "That email and password do not match an account.",
        values: { email },
      };
    }
    throw error; // includes Next's redirect signal on success
  }
}

export async function signInAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const parsed = signInInput.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) {
    return { fieldErrors: fieldErrorsFromIssues(parsed.error.issues), values: { email: String(form.get("email") ?? "") } };
  }
  return signInWithPassword(parsed.data.email, parsed.data.password, safeReturnPath(form.get("callbackUrl")) ?? "/");
}

export async function signUpAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const parsed = signUpInput.safeParse({ name: form.get("name"), email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsFromIssues(parsed.error.issues), values };
  try {
    await signUp(await getDb(), parsed.data);
  } catch (error) {
    if (error instanceof DomainError && error.fieldErrors) return { fieldErrors: error.fieldErrors, values };
    throw error;
  }
  return signInWithPassword(parsed.data.email, parsed.data.password, safeReturnPath(form.get("callbackUrl")) ?? "/");
}

/** Ends this session on the server (a copied cookie stops working), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const claims = await getSessionClaims();
  if (claims) await revokeSession(await getDb(), claims);
  await signOut({ redirectTo: "/sign-in" });
}

/** Ends every session of the signed-in user, on every device, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const claims = await getSessionClaims();
  const db = await getDb();
  const user = claims ? await getSessionUser(db, claims) : null;
  if (user) await endAllSessions(db, user.id);
  await signOut({ redirectTo: "/sign-in?notice=signed-out-everywhere" });
}
