"use client";
// Which finding notifications also come by email, each kind on or off for this person in this
// organization (in the app they always come).
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { useToast } from "@/app/_components/ui/toast";
import { FINDING_NOTIFICATION_KINDS, FINDING_NOTIFICATION_LABELS, type FindingNotificationKind } from "@/db/finding-constants";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";

export function EmailPreferences({ orgSlug, initial }: { orgSlug: string; initial: Record<FindingNotificationKind, boolean> }) {
  const trpc = useTRPC();
  const toast = useToast();
  // The page's own state: a box shows the choice in the render of the click, and the saved
  // choices replace it when the server answers (or put it back when the save fails).
  const [choices, setChoices] = useState(initial);
  const save = useMutation(
    trpc.notification.setEmailPreference.mutationOptions({
      onSuccess: (saved) => setChoices(saved),
      onError: (error, { kind, email }) => {
        toast.error(readError(error).message);
        setChoices((current) => ({ ...current, [kind]: !email }));
      },
    }),
  );

  return (
    <Card>
      <CardHeader title="Email me when" description="Every notification shows up here and on the bell; these also come by email." />
      <CardBody>
        <fieldset disabled={save.isPending} className="space-y-2">
          <legend className="sr-only">Finding notifications by email</legend>
          {FINDING_NOTIFICATION_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={choices[kind]}
                onChange={(event) => {
                  const email = event.target.checked;
                  setChoices((current) => ({ ...current, [kind]: email }));
                  save.mutate({ orgSlug, kind, email });
                }}
                className="size-4 rounded border-slate-300 text-indigo-600"
              />
              {FINDING_NOTIFICATION_LABELS[kind]}
            </label>
          ))}
        </fieldset>
      </CardBody>
    </Card>
  );
}
