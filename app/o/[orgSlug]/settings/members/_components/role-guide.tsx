// What each role may do, so whoever picks a role knows what it grants.
import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/db/constants";
import { cn } from "@/lib/cn";

export function RoleGuide({ viewerRole }: { viewerRole: Role }) {
  return (
    <dl className="grid gap-px bg-slate-200 sm:grid-cols-5">
      {ROLES.map((role) => (
        <div key={role} className={cn("bg-white px-4 py-3.5 last:rounded-br-lg sm:first:rounded-bl-lg", role === viewerRole && "bg-indigo-50/60")}>
          <dt className="flex items-center gap-2 text-sm font-medium text-slate-900">
            {ROLE_LABELS[role]}
            {role === viewerRole && <span className="text-xs font-normal text-indigo-700">your role</span>}
          </dt>
          <dd className="mt-0.5 text-xs text-slate-600">{ROLE_DESCRIPTIONS[role]}</dd>
        </div>
      ))}
    </dl>
  );
}
