"use client";
// "Turn into a finding" for a fired alert (the alerts page and the alert's notification): makes
// the finding — or finds the one this firing already became — and opens it.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/ui/button";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";

export function TurnIntoFinding({ orgSlug, alertId, label = "Turn into a finding" }: { orgSlug: string; alertId: string; label?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const make = useMutation(
    trpc.finding.fromAlert.mutationOptions({
      onSuccess: (finding) => {
        toast.success(finding.created ? `F-${finding.number} created from the alert.` : `This firing is already F-${finding.number}.`);
        router.push(`/o/${orgSlug}/findings/${finding.id}`);
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );
  return (
    <Button size="sm" variant="secondary" pending={make.isPending} onClick={() => make.mutate({ orgSlug, alertId })}>
      {label}
    </Button>
  );
}
