"use client";
// The name + description form, used to create a team and to edit one.
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import type { FieldErrors } from "@/lib/trpc-error";

export interface TeamFields {
  name: string;
  description: string;
}

interface TeamFormProps {
  initial?: TeamFields;
  submitLabel: string;
  pending: boolean;
  errors: FieldErrors;
  onSubmit: (values: TeamFields) => void;
  onCancel: () => void;
}

export function TeamForm({ initial = { name: "", description: "" }, submitLabel, pending, errors, onSubmit, onCancel }: TeamFormProps) {
  const [values, setValues] = useState(initial);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(values);
      }}
    >
      <TextField label="Team name" name="name" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} errors={errors.name} autoFocus maxLength={60} />
      <TextAreaField
        label="Description"
        name="description"
        value={values.description}
        onChange={(e) => setValues({ ...values, description: e.target.value })}
        errors={errors.description}
        hint="What this team owns, so others know where findings should go."
        rows={2}
        maxLength={280}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
