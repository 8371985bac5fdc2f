"use client";
// Invitations not yet accepted, with a way to take them back.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ROLE_LABELS, type Role } from "@/db/constants";
import { canGrantRole } from "@/server/auth/permissions";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { formatDate, formatDateTime } from "@/lib/format";
import { MailIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { ConfirmButton } from "@/app/_components/ui/confirm-dialog";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { useToast } from "@/app/_components/ui/toast";

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
  invitedByName: string | null;
}

export function PendingInvitations({ orgSlug, invitations, viewerRole }: { orgSlug: string; invitations: PendingInvitation[]; viewerRole: Role }) {
  if (invitations.length === 0) {
    return <EmptyState icon={<MailIcon className="size-5" />} title="No pending invitations" description="Invitations you create appear here until they are accepted, revoked or expire." className="py-8" />;
  }
  return (
    <ul className="divide-y divide-slate-100">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="flex items-center gap-4 px-5 py-3">
          <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-500">
            <MailIcon className="size-4" />
          </span>
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-slate-900">{invitation.email}</p>
            <p className="text-xs text-slate-500">
              Invited {invitation.invitedByName ? `by ${invitation.invitedByName} ` : ""}on {formatDate(invitation.createdAt)} ·{" "}
              <span title={formatDateTime(invitation.expiresAt)} suppressHydrationWarning>expires {formatDate(invitation.expiresAt)}</span>
            </p>
          </div>
          <Badge>{ROLE_LABELS[invitation.role]}</Badge>
          {canGrantRole(viewerRole, invitation.role) && <RevokeInvitation orgSlug={orgSlug} invitation={invitation} />}
        </li>
      ))}
    </ul>
  );
}

function RevokeInvitation({ orgSlug, invitation }: { orgSlug: string; invitation: PendingInvitation }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      onSuccess: () => {
        toast.success(`The invitation for ${invitation.email} was revoked.`);
        router.refresh();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );
  return (
    <ConfirmButton
      triggerLabel={`Revoke invitation for ${invitation.email}`}
      title="Revoke this invitation?"
      description={`The link sent to ${invitation.email} stops working. You can invite them again later.`}
      confirmLabel="Revoke invitation"
      pending={revoke.isPending}
      onConfirm={() => revoke.mutate({ orgSlug, invitationId: invitation.id })}
    >
      Revoke
    </ConfirmButton>
  );
}
