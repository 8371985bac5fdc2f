"use client";
// The board's views: "My team's queue" (SLA first), "All findings", and the views managers
// saved for everyone. Managers save the current filters as a view or delete one.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { XIcon } from "@/app/_components/icons";
import { Modal, ModalBody, ModalFooter } from "@/app/_components/ui/modal";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { FINDING_VIEW_LIMITS, type FindingFilters } from "@/server/schemas/findings";
import { useTRPC } from "@/lib/trpc";
import { cn } from "@/lib/cn";
import { MY_QUEUE, boardHref, sameFilters } from "../_lib/board-query";
import type { FindingView } from "../_lib/types";

interface BoardViewsProps {
  orgSlug: string;
  path: string;
  filters: FindingFilters;
  views: FindingView[];
  canManage: boolean;
}

export function BoardViews({ orgSlug, path, filters, views, canManage }: BoardViewsProps) {
  const [saving, setSaving] = useState(false);
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const remove = useMutation(trpc.finding.deleteView.mutationOptions({ onSuccess: () => router.refresh(), onError: () => toast.error("The view could not be deleted.") }));
  const builtIn = [
    { key: "queue", name: "My team's queue", filters: MY_QUEUE },
    { key: "all", name: "All findings", filters: {} },
  ];
  const current = [...builtIn, ...views.map((v) => ({ key: v.id, ...v }))].find((v) => sameFilters(v.filters, filters));

  const pill = (active: boolean) =>
    cn("inline-flex h-8 items-center rounded-full px-3 text-sm font-medium whitespace-nowrap ring-1 ring-inset transition-colors", active ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50");

  return (
    <nav aria-label="Board views" className="-mx-4 flex items-center gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:px-0">
      {builtIn.map((v) => (
        <Link key={v.key} href={boardHref(path, v.filters)} aria-current={current?.key === v.key ? "page" : undefined} className={pill(current?.key === v.key)}>
          {v.name}
        </Link>
      ))}
      {views.map((v) => (
        <span key={v.id} className="inline-flex items-center">
          <Link href={boardHref(path, v.filters)} aria-current={current?.key === v.id ? "page" : undefined} className={cn(pill(current?.key === v.id), canManage && "rounded-r-none pr-2")}>
            {v.name}
          </Link>
          {canManage && (
            <button
              type="button"
              aria-label={`Delete view ${v.name}`}
              onClick={() => remove.mutate({ orgSlug, viewId: v.id })}
              className="inline-flex h-8 items-center rounded-r-full bg-white pr-2 pl-1 text-slate-400 ring-1 ring-slate-300 ring-inset hover:text-red-600"
            >
              <XIcon className="size-3.5" />
            </button>
          )}
        </span>
      ))}
      {canManage && !current && (
        <Button size="sm" variant="ghost" onClick={() => setSaving(true)}>
          Save view
        </Button>
      )}
      {saving && <SaveViewDialog orgSlug={orgSlug} filters={filters} onClose={() => setSaving(false)} />}
    </nav>
  );
}

const VIEW_FIELDS = ["name"] as const;

function SaveViewDialog({ orgSlug, filters, onClose }: { orgSlug: string; filters: FindingFilters; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState("");
  const { errors, onError } = useFormErrors(VIEW_FIELDS);
  const save = useMutation(
    trpc.finding.saveView.mutationOptions({
      onSuccess: (view) => {
        toast.success(`View “${view.name}” saved for everyone.`);
        onClose();
        router.refresh();
      },
      onError,
    }),
  );
  return (
    <Modal title="Save view" description="Everyone in the organization sees saved views beside their queue." width="sm" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ orgSlug, name, filters });
        }}
      >
        <ModalBody>
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={FINDING_VIEW_LIMITS.name} errors={errors.name} autoFocus required />
        </ModalBody>
        <ModalFooter>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={save.isPending}>
            Save view
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
