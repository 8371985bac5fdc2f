"use client";
// The organization's keys: which is which (name, prefix, scopes), who made it, when it was
// last used, when it expires; revoking asks first.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { formatDate, formatRelative } from "@/lib/format";
import { Badge } from "@/app/_components/ui/badge";
import { ConfirmButton } from "@/app/_components/ui/confirm-dialog";
import { useToast } from "@/app/_components/ui/toast";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export function ApiKeysTable({ orgSlug, keys }: { orgSlug: string; keys: ApiKeyRow[] }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50/60 text-xs font-medium text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2.5 font-medium sm:px-5">Key</th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">Scopes</th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium lg:table-cell">Created</th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium sm:table-cell">Last used</th>
            <th scope="col" className="px-3 py-2.5 font-medium">Status</th>
            <th scope="col" className="px-3 py-2.5 sm:px-5"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <KeyRow key={key.id} orgSlug={orgSlug} apiKey={key} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KeyRow({ orgSlug, apiKey }: { orgSlug: string; apiKey: ApiKeyRow }) {
  const now = new Date();
  const expired = apiKey.expiresAt !== null && apiKey.expiresAt <= now;
  return (
    <tr className={apiKey.revokedAt ? "text-slate-400" : undefined}>
      <td className="px-3 py-3 sm:px-5">
        <span className="block font-medium text-slate-900">{apiKey.name}</span>
        <span className="block font-mono text-xs text-slate-500">{apiKey.prefix}…</span>
      </td>
      <td className="hidden px-3 py-3 md:table-cell">
        <span className="flex flex-wrap gap-1">
          {apiKey.scopes.map((scope) => (
            <Badge key={scope}>{scope}</Badge>
          ))}
        </span>
      </td>
      <td className="hidden px-3 py-3 whitespace-nowrap text-slate-600 lg:table-cell">
        {formatDate(apiKey.createdAt)}
        {apiKey.createdByName && <span className="block text-xs text-slate-500">by {apiKey.createdByName}</span>}
      </td>
      <td className="hidden px-3 py-3 whitespace-nowrap text-slate-600 sm:table-cell">{apiKey.lastUsedAt ? formatRelative(apiKey.lastUsedAt, now) : "Never"}</td>
      <td className="px-3 py-3 whitespace-nowrap">
        {apiKey.revokedAt ? (
          <Badge>Revoked</Badge>
        ) : expired ? (
          <Badge tone="amber">Expired</Badge>
        ) : (
          <span>
            <Badge tone="emerald">Active</Badge>
            <span className="mt-0.5 block text-xs text-slate-500">{apiKey.expiresAt ? `until ${formatDate(apiKey.expiresAt)}` : "no expiry"}</span>
          </span>
        )}
      </td>
      <td className="px-3 py-3 text-right sm:px-5">{!apiKey.revokedAt && <RevokeKey orgSlug={orgSlug} apiKey={apiKey} />}</td>
    </tr>
  );
}

function RevokeKey({ orgSlug, apiKey }: { orgSlug: string; apiKey: ApiKeyRow }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({
      onSuccess: () => {
        toast.success(`Key “${apiKey.name}” revoked.`);
        router.refresh();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );
  return (
    <ConfirmButton
      triggerVariant="danger"
      triggerLabel={`Revoke ${apiKey.name}`}
      title={`Revoke “${apiKey.name}”?`}
      description={`Requests with ${apiKey.prefix}… will be refused at once. This cannot be undone.`}
      confirmLabel="Revoke key"
      pending={revoke.isPending}
      onConfirm={() => revoke.mutate({ orgSlug, apiKeyId: apiKey.id })}
    >
      Revoke
    </ConfirmButton>
  );
}
