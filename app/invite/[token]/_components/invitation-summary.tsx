// What the invitation is: which organization, which role, for whom, from whom, until when.
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/db/constants";
import type { InvitationStatus } from "@/server/services/invitations";
import { Badge } from "@/app/_components/ui/badge";
import { formatDate, formatDateTime } from "@/lib/format";

const STATUS: Record<InvitationStatus, { label: string; tone: "emerald" | "amber" | "slate" | "red" }> = {
  pending: { label: "Pending", tone: "emerald" },
  expired: { label: "Expired", tone: "amber" },
  accepted: { label: "Accepted", tone: "slate" },
  revoked: { label: "Revoked", tone: "red" },
};

export interface InvitationPreview {
  organization: { name: string; slug: string };
  email: string;
  role: Role;
  invitedByName: string | null;
  expiresAt: Date;
  status: InvitationStatus;
}

export function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const status = STATUS[invitation.status];
  const rows = [
    { label: "Invited email", value: invitation.email },
    { label: "Role", value: ROLE_LABELS[invitation.role], hint: ROLE_DESCRIPTIONS[invitation.role] },
    { label: "Invited by", value: invitation.invitedByName ?? "A former member" },
    {
      label: invitation.status === "expired" ? "Expired" : "Expires",
      value: <span title={formatDateTime(invitation.expiresAt)}>{formatDate(invitation.expiresAt)}</span>,
    },
  ];
  return (
    <div className="rounded-lg ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <p className="text-sm font-semibold text-slate-900">{invitation.organization.name}</p>
        <Badge tone={status.tone}>{status.label}</Badge>
      </div>
      <dl className="divide-y divide-slate-100 text-sm">
        {rows.map((row) => (
          <div key={row.label} className="grid grid-cols-[8rem_1fr] gap-2 px-4 py-2.5">
            <dt className="text-slate-500">{row.label}</dt>
            <dd className="min-w-0 text-slate-900">
              <span className="break-words">{row.value}</span>
              {row.hint && <p className="mt-0.5 text-xs text-slate-500">{row.hint}</p>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
