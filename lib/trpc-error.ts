// Reads what the server says about a failed call: the user-facing message, the tRPC code and
// per-field validation messages (see the errorFormatter in server/trpc/init.ts).
import { TRPCClientError } from "@trpc/client";
import type { ZodType } from "zod";
import { fieldErrorsFromIssues } from "@/server/schemas/common";

export type FieldErrors = Record<string, string[] | undefined>;

export interface ReadableError {
  message: string;
  code: string | undefined;
  fieldErrors: FieldErrors | null;
}

const FALLBACK = "Something went wrong. Please try again.";

export function readError(error: unknown): ReadableError {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; fieldErrors?: FieldErrors | null } | undefined;
    return { message: error.message || FALLBACK, code: data?.code, fieldErrors: data?.fieldErrors ?? null };
  }
  return { message: FALLBACK, code: undefined, fieldErrors: null };
}

/** Validates form values with a shared schema before sending them; null when they pass. */
export function validate(schema: ZodType, values: unknown): FieldErrors | null {
  const result = schema.safeParse(values);
  return result.success ? null : fieldErrorsFromIssues(result.error.issues);
}
