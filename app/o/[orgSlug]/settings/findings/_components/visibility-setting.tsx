"use client";
// Who sees which findings (admins choose): everyone every finding, or each member only their
// own teams' (managers and above always see all).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { useToast } from "@/app/_components/ui/toast";
import type { FindingVisibility } from "@/db/finding-constants";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { cn } from "@/lib/cn";

const CHOICES: { value: FindingVisibility; title: string; body: string }[] = [
  { value: "organization", title: "Everyone sees every finding", body: "Members and viewers see all teams' findings; their queue still opens on their own teams." },
  { value: "team", title: "Each team sees its own", body: "Members and viewers see only their teams' findings. Managers and above see all." },
];

export function VisibilitySetting({ orgSlug, visibility }: { orgSlug: string; visibility: FindingVisibility }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [choice, setChoice] = useState(visibility);
  const save = useMutation(
    trpc.finding.setVisibility.mutationOptions({
      onSuccess: () => {
        toast.success("Findings visibility saved.");
        router.refresh();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );
  return (
    <Card>
      <CardHeader title="Who sees findings" description="Only admins and owners change this." />
      <CardBody>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="sr-only">Findings visibility</legend>
          {CHOICES.map((c) => (
            <label key={c.value} className={cn("flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-inset", choice === c.value ? "bg-indigo-50 ring-indigo-300" : "ring-slate-200 hover:bg-slate-50")}>
              <input type="radio" name="visibility" value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} className="mt-0.5 size-4 text-indigo-600" />
              <span>
                <span className="block text-sm font-medium text-slate-900">{c.title}</span>
                <span className="mt-0.5 block text-xs text-slate-600">{c.body}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="mt-3 flex justify-end">
          <Button size="sm" disabled={choice === visibility} pending={save.isPending} onClick={() => save.mutate({ orgSlug, visibility: choice })}>
            Save
          </Button>
        </div>
      </CardBody>
    </Card>
  );
}
