"use client";
// Which finding notifications also come by email, each kind on or off for this person in this
// organization (in the app they always come). Kept in the query cache, like the list beside it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { useToast } from "@/app/_components/ui/toast";
import { FINDING_NOTIFICATION_KINDS, FINDING_NOTIFICATION_LABELS, type FindingNotificationKind } from "@/db/finding-constants";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";

export function EmailPreferences({ orgSlug, initial }: { orgSlug: string; initial: Record<FindingNotificationKind, boolean> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = trpc.notification.emailPreferences.queryKey({ orgSlug });
  const { data } = useQuery(trpc.notification.emailPreferences.queryOptions({ orgSlug }, { initialData: initial }));
  const save = useMutation(
    trpc.notification.setEmailPreference.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(key, saved),
      onError: (error) => {
        toast.error(readError(error).message);
        void queryClient.invalidateQueries({ queryKey: key });
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
                checked={data[kind]}
                onChange={(event) => {
                  // The box shows the choice in this very render (a controlled box would spring back
                  // until an async onMutate ran); a failure puts the saved choices back.
                  const email = event.target.checked;
                  queryClient.setQueryData(key, (current) => (current ? { ...current, [kind]: email } : current));
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
