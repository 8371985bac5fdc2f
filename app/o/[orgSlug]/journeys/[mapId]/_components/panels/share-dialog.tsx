"use client";
// "Share": read-only links to the map for people without an account. A new link is shown
// once (only its hash is stored); active links can be revoked.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { LockIcon, XIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { ConfirmButton } from "@/app/_components/ui/confirm-dialog";
import { CopyField } from "@/app/_components/ui/copy-field";
import { FormAlert } from "@/app/_components/ui/field";
import { RelativeTime } from "@/app/_components/ui/relative-time";
import { useToast } from "@/app/_components/ui/toast";

export function ShareDialogButton({ orgSlug, mapId }: { orgSlug: string; mapId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        <ShareIcon />
        Share
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        // React passes a nested dialog's close (the revoke confirmation) up the tree: only this one's counts.
        onClose={(event) => event.target === event.currentTarget && setOpen(false)}
        // A click on the backdrop (the dialog element itself) closes it.
        onClick={(event) => event.target === dialog.current && dialog.current.close()}
        className="m-auto w-full max-w-lg rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      >
        <div className="flex items-start justify-between gap-4 px-6 pt-5">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            Share a read-only link
          </h2>
          <button type="button" aria-label="Close" onClick={() => dialog.current?.close()} className="-mt-1 -mr-2 rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-700">
            <XIcon />
          </button>
        </div>
        {/* Mounted only while open, so a new link is never shown again after closing. */}
        {open && <ShareDialogBody orgSlug={orgSlug} mapId={mapId} />}
      </dialog>
    </>
  );
}

function ShareDialogBody({ orgSlug, mapId }: { orgSlug: string; mapId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const listHeadingId = useId();
  const links = useQuery(trpc.shareLink.list.queryOptions({ orgSlug, mapId }, { staleTime: 0 }));
  const refreshLinks = () => queryClient.invalidateQueries({ queryKey: trpc.shareLink.list.queryKey({ orgSlug, mapId }) });

  const create = useMutation(
    trpc.shareLink.create.mutationOptions({
      onSuccess: ({ id, token }) => {
        setCreated({ id, url: `${window.location.origin}/share/${token}` });
        void refreshLinks();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );
  const revoke = useMutation(
    trpc.shareLink.revoke.mutationOptions({
      onSuccess: ({ id }) => {
        toast.success("Link revoked. It no longer opens the map.");
        if (created?.id === id) setCreated(null);
        void refreshLinks();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );

  return (
    <div className="space-y-5 px-6 pt-2 pb-6">
      <p className="text-sm text-slate-600">
        Anyone with the link can view this map read-only, without an account: its stages, touchpoints, obstacles and opportunities. They don’t see
        comments or history, and they can’t change anything. Revoke a link to stop it working.
      </p>

      {created ? (
        <div className="space-y-3 rounded-lg bg-indigo-50/60 p-4 ring-1 ring-indigo-100">
          <FormAlert tone="success">Link created. Copy it now; it won’t be shown again.</FormAlert>
          <CopyField label="Share link" value={created.url} copyLabel="Copy link" />
        </div>
      ) : (
        <Button pending={create.isPending} pendingLabel="Creating link…" onClick={() => create.mutate({ orgSlug, mapId })}>
          Create link
        </Button>
      )}

      <section aria-labelledby={listHeadingId}>
        <h3 id={listHeadingId} className="text-sm font-medium text-slate-900">
          Active links
        </h3>
        {links.isPending ? (
          <p className="mt-2 text-sm text-slate-500">Loading links…</p>
        ) : links.isError ? (
          <div className="mt-2">
            <FormAlert>{readError(links.error).message}</FormAlert>
          </div>
        ) : links.data.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No active links. Only people in your organization can see this map.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
            {links.data.map((link) => (
              <li key={link.id} className="flex items-center gap-3 px-3 py-2.5">
                <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-500">
                  <LockIcon className="size-3.5" />
                </span>
                <p className="min-w-0 flex-1 text-sm text-slate-700">
                  {created?.id === link.id ? "New link" : "Link"} created by <span className="font-medium text-slate-900">{link.createdByName ?? "a former member"}</span>{" "}
                  <RelativeTime date={link.createdAt} className="text-slate-500" />
                </p>
                <ConfirmButton
                  title="Revoke this link?"
                  description="Anyone who opens it will see “This link no longer works”. People in your organization keep their access."
                  confirmLabel="Revoke link"
                  pending={revoke.isPending && revoke.variables?.shareLinkId === link.id}
                  onConfirm={() => revoke.mutate({ orgSlug, shareLinkId: link.id })}
                >
                  Revoke
                </ConfirmButton>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ShareIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden className="size-4">
      <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
    </svg>
  );
}
