"use client";
// Adding an endpoint: its address and the events it receives. The signing secret appears
// once, here, with a copy button and how a receiver checks the signature.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { CopyField } from "@/app/_components/ui/copy-field";
import { FieldsetError, FormAlert, TextField } from "@/app/_components/ui/field";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/db/finding-constants";
import { useTRPC } from "@/lib/trpc";
import { createWebhookInput } from "@/server/schemas/findings";
import { WEBHOOK_EVENT_LABELS } from "./webhook-events";

const FIELDS = ["url", "events"] as const;

export interface SigningScheme {
  header: string;
  toleranceSeconds: number;
}

export function CreateWebhook({ orgSlug, closeHref, signing }: { orgSlug: string; closeHref: string; signing: SigningScheme }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { errors, check, onError } = useFormErrors(FIELDS);
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const create = useMutation(trpc.webhook.create.mutationOptions({ onSuccess: () => router.refresh(), onError }));
  const close = () => router.replace(closeHref);

  if (create.data) {
    return (
      <Card className="mb-6 ring-emerald-200">
        <CardHeader title="Endpoint added" description={<span className="break-all">{create.data.url}</span>} />
        <CardBody className="space-y-4">
          <CopyField label="Signing secret" value={create.data.secret} />
          <FormAlert tone="info">
            <span className="block">Copy it now: this is the only time Waymark shows it.</span>
            <span className="mt-1 block">
              Each request carries <code className="font-mono">{signing.header}: t=&lt;unix seconds&gt;,v1=&lt;signature&gt;</code>. To verify, compute the hex HMAC-SHA256 of{" "}
              <code className="font-mono">&lt;t&gt;.&lt;raw request body&gt;</code> with this secret, compare it with <code className="font-mono">v1</code> in constant time, and refuse a{" "}
              <code className="font-mono">t</code> more than {Math.round(signing.toleranceSeconds / 60)} minutes old.
            </span>
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
      <CardHeader title="New endpoint" description="A public https:// address; addresses on a private network are refused." />
      <CardBody>
        <form
          noValidate
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            const input = { orgSlug, url: url.trim(), events };
            if (check(createWebhookInput, input)) create.mutate(input);
          }}
        >
          <TextField label="URL" name="url" type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} errors={errors.url} placeholder="https://hooks.example.com/waymark" autoFocus maxLength={2000} />
          <fieldset>
            <legend className="mb-1.5 text-sm font-medium text-slate-700">Events</legend>
            <div className="space-y-2">
              {WEBHOOK_EVENTS.map((event) => (
                <label key={event} className="flex items-start gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600"
                    checked={events.includes(event)}
                    onChange={(e) => setEvents(e.target.checked ? [...events, event] : events.filter((x) => x !== event))}
                  />
                  <span>
                    {WEBHOOK_EVENT_LABELS[event]} <span className="font-mono text-xs text-slate-500">{event}</span>
                  </span>
                </label>
              ))}
            </div>
            <FieldsetError errors={errors.events} />
          </fieldset>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" pending={create.isPending}>
              Add endpoint
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
