"use client";
// The organization's members with their roles. Admins change roles and remove people, but
// only for members at or below their own role (the server checks again).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLE_LABELS, type Role } from "@/db/constants";
import { can, canManageMember, grantableRoles } from "@/server/auth/permissions";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { formatDate, initials } from "@/lib/format";
import { Badge } from "@/app/_components/ui/badge";
import { ConfirmButton } from "@/app/_components/ui/confirm-dialog";
import { controlClasses } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";
import { cn } from "@/lib/cn";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

interface MembersTableProps {
  orgSlug: string;
  orgName: string;
  members: MemberRow[];
  viewerId: string;
  viewerRole: Role;
}

export function MembersTable({ orgSlug, orgName, members, viewerId, viewerRole }: MembersTableProps) {
  const manages = can(viewerRole, "member.changeRole") || can(viewerRole, "member.remove");
  return (
    // `relative`: the header's sr-only label is absolutely positioned; without it, it escapes
    // this scroll box and widens the whole page on a phone.
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50/60 text-xs font-medium text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2.5 font-medium sm:px-5">Name</th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium sm:table-cell">Email</th>
            <th scope="col" className="px-3 py-2.5 font-medium">Role</th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">Joined</th>
            {manages && <th scope="col" className="px-3 py-2.5 sm:px-5"><span className="sr-only">Actions</span></th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => (
            <MemberRowView key={member.userId} {...{ orgSlug, orgName, member, viewerRole, manages }} isViewer={member.userId === viewerId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MemberRowView({ orgSlug, orgName, member, viewerRole, manages, isViewer }: { orgSlug: string; orgName: string; member: MemberRow; viewerRole: Role; manages: boolean; isViewer: boolean }) {
  // Your own row is read-only here: demoting or removing yourself by accident locks you out.
  const manageable = !isViewer && canManageMember(viewerRole, member.role);
  return (
    <tr>
      <td className="px-3 py-3 sm:px-5">
        <div className="flex items-center gap-3">
          <span className="hidden size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600 sm:flex">{initials(member.name)}</span>
          <span className="min-w-0">
            <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-medium text-slate-900 sm:whitespace-nowrap">{member.name}</span>
              {isViewer && <Badge tone="indigo">You</Badge>}
            </span>
            {/* On a phone the email column is hidden; the address goes under the name. */}
            <span className="block text-xs break-all text-slate-500 sm:hidden">{member.email}</span>
          </span>
        </div>
      </td>
      <td className="hidden px-3 py-3 text-slate-600 sm:table-cell">{member.email}</td>
      <td className="px-3 py-3">
        {can(viewerRole, "member.changeRole") ? (
          <RoleSelect orgSlug={orgSlug} member={member} viewerRole={viewerRole} disabled={!manageable} />
        ) : (
          <Badge>{ROLE_LABELS[member.role]}</Badge>
        )}
      </td>
      <td className="hidden px-3 py-3 whitespace-nowrap text-slate-600 md:table-cell">{formatDate(member.joinedAt)}</td>
      {manages && (
        <td className="px-3 py-3 text-right sm:px-5">
          {can(viewerRole, "member.remove") && manageable && <RemoveMember orgSlug={orgSlug} orgName={orgName} member={member} />}
        </td>
      )}
    </tr>
  );
}

function RoleSelect({ orgSlug, member, viewerRole, disabled }: { orgSlug: string; member: MemberRow; viewerRole: Role; disabled: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [role, setRole] = useState<Role>(member.role);
  const changeRole = useMutation(
    trpc.member.changeRole.mutationOptions({
      onSuccess: (result) => {
        toast.success(`${member.name} is now ${ROLE_LABELS[result.role].toLowerCase()}.`);
        router.refresh();
      },
      onError: (error) => {
        setRole(member.role);
        toast.error(readError(error).message);
      },
    }),
  );
  // A member above the viewer keeps their role visible even though it cannot be granted.
  const options = disabled ? [member.role] : grantableRoles(viewerRole);
  return (
    <select
      aria-label={`Role of ${member.name}`}
      value={role}
      disabled={disabled || changeRole.isPending}
      title={disabled ? "You cannot change this member’s role." : undefined}
      onChange={(event) => {
        const next = event.target.value as Role;
        setRole(next);
        changeRole.mutate({ orgSlug, userId: member.userId, role: next });
      }}
      className={cn(controlClasses, "w-32 min-w-28 py-1.5 pr-8")}
    >
      {options.map((option) => (
        <option key={option} value={option}>
          {ROLE_LABELS[option]}
        </option>
      ))}
    </select>
  );
}

function RemoveMember({ orgSlug, orgName, member }: { orgSlug: string; orgName: string; member: MemberRow }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const remove = useMutation(
    trpc.member.remove.mutationOptions({
      onSuccess: () => {
        toast.success(`${member.name} was removed from ${orgName}.`);
        router.refresh();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );
  return (
    <ConfirmButton
      triggerLabel={`Remove ${member.name}`}
      title={`Remove ${member.name}?`}
      description={`${member.name} loses access to ${orgName} right away. Their past activity stays in the log, and you can invite them again later.`}
      confirmLabel="Remove member"
      pending={remove.isPending}
      onConfirm={() => remove.mutate({ orgSlug, userId: member.userId })}
    >
      Remove
    </ConfirmButton>
  );
}
