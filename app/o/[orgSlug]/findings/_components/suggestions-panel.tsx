"use client";
// Suggested findings for managers: unhappy comments that repeat the same wording at one
// touchpoint. Accepting makes a finding with exactly those responses as evidence (routed by
// the rules); dismissing stops that wording being offered there.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { plural } from "@/lib/format";
import type { Suggestion } from "../_lib/types";

const SHOWN = 3;

export function SuggestionsPanel({ orgSlug, suggestions }: { orgSlug: string; suggestions: Suggestion[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [all, setAll] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const onError = (error: unknown) => toast.error(readError(error).message);
  const accept = useMutation(trpc.finding.acceptSuggestion.mutationOptions({ onError }));
  const dismiss = useMutation(trpc.finding.dismissSuggestion.mutationOptions({ onError }));
  if (suggestions.length === 0) return null;

  const run = async (s: Suggestion, action: "accept" | "dismiss") => {
    setBusy(`${s.touchpointId}|${s.phrase}`);
    try {
      if (action === "accept") {
        const made = await accept.mutateAsync({ orgSlug, touchpointId: s.touchpointId, phrase: s.phrase, responseIds: s.responseIds });
        toast.success(`F-${made.number} created with ${plural(made.evidence, "response")} as evidence.`);
      } else await dismiss.mutateAsync({ orgSlug, touchpointId: s.touchpointId, phrase: s.phrase });
      router.refresh();
    } catch {
      // Shown by onError.
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card className="mt-6">
      <CardHeader
        title={`Suggested findings (${suggestions.length})`}
        description="Low-score comments that repeat the same obstacle at one touchpoint in the last 90 days."
        actions={
          suggestions.length > SHOWN && (
            <Button size="sm" variant="ghost" onClick={() => setAll(!all)}>
              {all ? "Show fewer" : `Show all ${suggestions.length}`}
            </Button>
          )
        }
      />
      <ul aria-label="Suggested findings" className="divide-y divide-slate-100">
        {(all ? suggestions : suggestions.slice(0, SHOWN)).map((s) => {
          const key = `${s.touchpointId}|${s.phrase}`;
          return (
            <li key={key} className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="text-sm text-slate-900">
                  <span className="font-semibold tabular-nums">{plural(s.count, "unhappy customer")}</span> mention “{s.phrase}” at <span className="font-medium">{s.touchpointName}</span>
                </p>
                <p className="mt-0.5 truncate text-xs text-slate-500 italic">“{s.example}”</p>
              </div>
              <div className="flex shrink-0 gap-2">
                <Button size="sm" variant="secondary" pending={busy === key && accept.isPending} disabled={busy !== null} onClick={() => run(s, "accept")}>
                  Accept
                </Button>
                <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => run(s, "dismiss")}>
                  Dismiss
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
