"use client";
// Error handling shared by every mutating form: validate with the shared zod schema before
// sending, put server field errors next to their fields, and toast everything else.
import { useCallback, useState } from "react";
import type { ZodType } from "zod";
import { readError, validate, type FieldErrors } from "@/lib/trpc-error";
import { useToast } from "./ui/toast";

export function useFormErrors(fields: readonly string[]) {
  const toast = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});

  const check = useCallback(
    (schema: ZodType, values: unknown) => {
      const found = validate(schema, values);
      const shown = found ? pick(found, fields) : {};
      setErrors(shown);
      // A failure on a field the form does not show (e.g. the org slug) is still a failure.
      if (found && Object.keys(shown).length === 0) toast.error(Object.values(found).flat()[0] ?? "Check the form.");
      return !found;
    },
    [fields, toast],
  );

  const onError = useCallback(
    (error: unknown) => {
      const { message, fieldErrors, code } = readError(error);
      const shown = fieldErrors ? pick(fieldErrors, fields) : {};
      setErrors(shown);
      if (Object.keys(shown).length > 0) return;
      // Input-parsing failures carry zod's raw issue list as their message: show the first issue instead.
      const firstFieldMessage = fieldErrors ? Object.values(fieldErrors).flat()[0] : undefined;
      toast.error(code === "BAD_REQUEST" && firstFieldMessage ? firstFieldMessage : message);
    },
    [fields, toast],
  );

  const reset = useCallback(() => setErrors({}), []);
  return { errors, check, onError, reset };
}

function pick(errors: FieldErrors, fields: readonly string[]): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key, value]) => fields.includes(key) && value?.length));
}
