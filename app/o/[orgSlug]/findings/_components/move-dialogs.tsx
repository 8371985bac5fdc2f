"use client";
// The two moves that need more than a status: Won't fix asks why, Duplicate asks which finding
// this one duplicates (found by title or F-number; its evidence moves there).
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { Modal, ModalBody, ModalFooter } from "@/app/_components/ui/modal";
import { FINDING_STATUS_LABELS } from "@/db/finding-constants";
import { FINDING_LIMITS } from "@/server/schemas/findings";
import { useTRPC } from "@/lib/trpc";
import { cn } from "@/lib/cn";
import type { PendingMove, useFindingMove } from "./use-finding-move";

type Mover = ReturnType<typeof useFindingMove>;

export function MoveDialogs({ orgSlug, mover }: { orgSlug: string; mover: Mover }) {
  const pending = mover.pending;
  if (!pending) return null;
  return pending.status === "wont_fix" ? <WontFixDialog pending={pending} mover={mover} /> : <DuplicateDialog orgSlug={orgSlug} pending={pending} mover={mover} />;
}

function WontFixDialog({ pending, mover }: { pending: NonNullable<PendingMove>; mover: Mover }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string[] | undefined>();
  return (
    <Modal title={`Won't fix F-${pending.finding.number}`} description={pending.finding.title} width="md" onClose={mover.closePending}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (!reason.trim()) return setError(["Say why this will not be fixed."]);
          mover.closePending();
          await mover.send(pending.finding, "wont_fix", { reason: reason.trim() });
        }}
      >
        <ModalBody>
          <TextAreaField
            label="Why will it not be fixed?"
            hint="The team and whoever reported it will read this."
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={FINDING_LIMITS.declineReason}
            errors={error}
            autoFocus
          />
        </ModalBody>
        <ModalFooter>
          <Button variant="ghost" onClick={mover.closePending}>
            Cancel
          </Button>
          <Button type="submit">Move to {FINDING_STATUS_LABELS.wont_fix}</Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

const NUMBER = /^\s*f?-?\s*(\d+)\s*$/i;

function DuplicateDialog({ orgSlug, pending, mover }: { orgSlug: string; pending: NonNullable<PendingMove>; mover: Mover }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const number = NUMBER.exec(search)?.[1];
  // A one-off search inside the dialog: the only findings data read through the query cache.
  const results = useQuery({
    ...trpc.finding.list.queryOptions({ orgSlug, filters: number || !search.trim() ? {} : { q: search.trim() } }),
    select: (data) =>
      data.findings.filter((f) => f.id !== pending.finding.id && f.status !== "duplicate" && (!number || String(f.number) === number)).slice(0, 8),
  });
  return (
    <Modal title={`F-${pending.finding.number} duplicates…`} description="Choose the finding that carries on. This one closes as a duplicate and its evidence moves there." width="md" onClose={mover.closePending}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (!chosen) return;
          mover.closePending();
          await mover.send(pending.finding, "duplicate", { duplicateOfId: chosen });
        }}
      >
        <ModalBody>
          <TextField label="Find the finding" type="search" placeholder="Title or F-number" value={search} onChange={(e) => setSearch(e.target.value)} autoFocus />
          <ul role="listbox" aria-label="Findings" className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200">
            {results.isPending && <li className="px-3 py-2 text-sm text-slate-500">Searching…</li>}
            {results.data?.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No finding matches.</li>}
            {results.data?.map((f) => (
              <li key={f.id} role="option" aria-selected={chosen === f.id}>
                <button
                  type="button"
                  onClick={() => setChosen(f.id)}
                  className={cn("flex w-full gap-2 px-3 py-2 text-left text-sm hover:bg-slate-50", chosen === f.id && "bg-indigo-50 text-indigo-800")}
                >
                  <span className="shrink-0 font-mono text-xs text-slate-500">F-{f.number}</span>
                  <span className="min-w-0 flex-1 truncate">{f.title}</span>
                  <span className="shrink-0 text-xs text-slate-500">{FINDING_STATUS_LABELS[f.status]}</span>
                </button>
              </li>
            ))}
          </ul>
        </ModalBody>
        <ModalFooter>
          <Button variant="ghost" onClick={mover.closePending}>
            Cancel
          </Button>
          <Button type="submit" disabled={!chosen}>
            Mark as duplicate
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
