// Labelled form controls with their hint and error text wired up for screen readers.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export const controlClasses =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 focus:outline-none disabled:bg-slate-50 disabled:text-slate-500 read-only:bg-slate-50 aria-invalid:ring-red-400";

interface FieldShellProps {
  label: string;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  /** Visually hides the label but keeps it for assistive tech (compact rows). */
  hideLabel?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

function FieldShell({ label, hint, errors, className, hideLabel, children }: FieldShellProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={cn("mb-1.5 block text-sm font-medium text-slate-700", hideLabel && "sr-only")}>
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(errorId) })}
      {hint && !errorId && (
        <p id={hintId} className="mt-1.5 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="mt-1.5 text-xs font-medium text-red-600">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}

type Common = Pick<FieldShellProps, "label" | "hint" | "errors" | "className" | "hideLabel">;

export function TextField({ label, hint, errors, className, hideLabel, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell {...{ label, hint, errors, className, hideLabel }}>
      {({ id, describedBy, invalid }) => (
        <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={controlClasses} {...input} />
      )}
    </FieldShell>
  );
}

export function TextAreaField({ label, hint, errors, className, hideLabel, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell {...{ label, hint, errors, className, hideLabel }}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={cn(controlClasses, "min-h-20 resize-y")} {...input} />
      )}
    </FieldShell>
  );
}

export function SelectField({ label, hint, errors, className, hideLabel, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell {...{ label, hint, errors, className, hideLabel }}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={cn(controlClasses, "pr-8")} {...select}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

interface ListOptionsProps {
  /** The label of the empty choice. */
  none: string;
  /** The list, once it has loaded. */
  items: { value: string; label: string }[] | undefined;
  current: { value: string | null | undefined; label: string };
}

/** A select's choices from a list that loads in the browser; the current one stays selectable while it loads. */
export function ListOptions({ none, items, current }: ListOptionsProps) {
  return (
    <>
      <option value="">{none}</option>
      {!items && current.value ? <option value={current.value}>{current.label}</option> : null}
      {items?.map((item) => (
        <option key={item.value} value={item.value}>
          {item.label}
        </option>
      ))}
    </>
  );
}

/** The error line under a fieldset of choices (radio cards, checkbox chips), which has no FieldShell. */
export function FieldsetError({ errors }: { errors?: string[] }) {
  return errors?.length ? <p className="mt-1.5 text-xs font-medium text-red-600">{errors.join(" ")}</p> : null;
}

/** A form-level message (e.g. wrong credentials) shown above the fields. */
export function FormAlert({ children, tone = "error" }: { children: ReactNode; tone?: "error" | "success" | "info" }) {
  const tones = {
    error: "bg-red-50 text-red-800 ring-red-200",
    success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
    info: "bg-slate-50 text-slate-700 ring-slate-200",
  };
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md px-3 py-2.5 text-sm ring-1 ring-inset", tones[tone])}>
      {children}
    </div>
  );
}
