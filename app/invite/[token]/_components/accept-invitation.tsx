"use client";
// Accepting adds the signed-in person to the organization, then opens it.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { Button } from "@/app/_components/ui/button";
import { useToast } from "@/app/_components/ui/toast";

export function AcceptInvitation({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: ({ organization }) => router.push(`/o/${organization.slug}`),
      onError: (error) => toast.error(readError(error).message),
    }),
  );
  return (
    <Button className="w-full" pending={accept.isPending || accept.isSuccess} onClick={() => accept.mutate({ token })}>
      Accept invitation
    </Button>
  );
}
