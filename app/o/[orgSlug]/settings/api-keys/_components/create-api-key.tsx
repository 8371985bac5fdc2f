"use client";
// Creating a key: name, scopes, lifetime. The key appears once, here, with a copy button;
// after "Done" only its prefix is ever shown again.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES, createApiKeyInput, type ApiKeyScope } from "@/server/schemas/api-keys";
import { useTRPC } from "@/lib/trpc";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { CopyField } from "@/app/_components/ui/copy-field";
import { FieldsetError, FormAlert, SelectField, TextField } from "@/app/_components/ui/field";
import { useFormErrors } from "@/app/_components/use-form-errors";

const FIELDS = ["name", "scopes", "expiresInDays"] as const;
const LIFETIMES = [
  { label: "Never expires", days: null },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
] as const;

export function CreateApiKey({ orgSlug, closeHref }: { orgSlug: string; closeHref: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { errors, check, onError } = useFormErrors(FIELDS);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["responses:write"]);
  const [lifetime, setLifetime] = useState("");
  const create = useMutation(trpc.apiKey.create.mutationOptions({ onSuccess: () => router.refresh(), onError }));
  const close = () => router.replace(closeHref);

  if (create.data) {
    return (
      <Card className="mb-6 ring-emerald-200">
        <CardHeader title={`Key “${create.data.name}” created`} description="Copy it now: this is the only time Waymark shows it." />
        <CardBody className="space-y-4">
          <CopyField label="API key" value={create.data.key} />
          <FormAlert tone="info">
            Send it as <code className="font-mono">Authorization: Bearer {create.data.prefix}…</code>. Never put it in a URL. If it leaks, revoke it below and create another.
          </FormAlert>
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </CardBody>
      </Card>
    );
  }

  return (
    <Card className="mb-6 ring-indigo-200">
      <CardHeader title="New API key" description="Give each tool its own key, with only the scopes it needs." />
      <CardBody>
        <form
          noValidate
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            const input = { orgSlug, name, scopes, expiresInDays: lifetime === "" ? null : Number(lifetime) };
            if (check(createApiKeyInput, input)) create.mutate(input);
          }}
        >
          <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} errors={errors.name} hint="e.g. Qualtrics webhook" autoFocus maxLength={80} />
          <fieldset>
            <legend className="mb-1.5 text-sm font-medium text-slate-700">Scopes</legend>
            <div className="space-y-2">
              {API_KEY_SCOPES.map((scope) => (
                <label key={scope} className="flex items-start gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600"
                    checked={scopes.includes(scope)}
                    onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
                  />
                  <span>
                    <span className="font-mono text-xs text-slate-900">{scope}</span>
                    <span className="block text-slate-500">{API_KEY_SCOPE_LABELS[scope]}</span>
                  </span>
                </label>
              ))}
            </div>
            <FieldsetError errors={errors.scopes} />
          </fieldset>
          <SelectField label="Expires" name="expiresInDays" value={lifetime} onChange={(e) => setLifetime(e.target.value)} errors={errors.expiresInDays}>
            {LIFETIMES.map((l) => (
              <option key={l.label} value={l.days ?? ""}>
                {l.label}
              </option>
            ))}
          </SelectField>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" pending={create.isPending}>
              Create key
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
