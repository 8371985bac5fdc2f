"use client";
// "Add to finding": responses selected in the responses explorer or on a touchpoint's page
// become evidence of a new finding (the new-finding dialog, the responses' touchpoint chosen
// when they share one) or of an open one found by number or title. The bar follows the
// selection; the lists it came from clear it once the responses are added.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { FlagIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { FormAlert } from "@/app/_components/ui/field";
import { Modal, ModalBody, ModalFooter } from "@/app/_components/ui/modal";
import { useToast } from "@/app/_components/ui/toast";
import { FINDING_STATUS_LABELS } from "@/db/finding-constants";
import { readError } from "@/lib/trpc-error";
import { useTRPC } from "@/lib/trpc";
import { NewFindingDialog } from "./new-finding-dialog";

/** A selected response and the touchpoint it is about (null when it has none). */
export interface SelectedResponse {
  id: string;
  touchpointId: string | null;
}

const OPEN_STATUSES = ["new", "triaged", "in_progress"] as const;
/** "F-12", "f12", "12" → 12. */
const NUMBER = /^f?-?\s*(\d{1,9})$/i;
const SHOWN = 8;

/** The responses ticked in a list, in the order they were ticked. */
export function useResponseSelection() {
  const [selected, setSelected] = useState<SelectedResponse[]>([]);
  return {
    selected,
    isSelected: (id: string) => selected.some((r) => r.id === id),
    toggle: (response: SelectedResponse) => setSelected((all) => (all.some((r) => r.id === response.id) ? all.filter((r) => r.id !== response.id) : [...all, response])),
    clear: () => setSelected([]),
  };
}

const responsesText = (n: number) => `${n} ${n === 1 ? "response" : "responses"}`;

/** The selection's action bar: how many are selected, "Add to finding" and "Clear". */
export function AddToFindingBar({ orgSlug, selected, onClear }: { orgSlug: string; selected: SelectedResponse[]; onClear: () => void }) {
  const [open, setOpen] = useState(false);
  if (selected.length === 0) return null;
  // The dialog is not inside the dark bar: it would inherit its white text.
  return (
    <>
      <div role="region" aria-label="Selected responses" className="sticky bottom-3 z-20 mx-auto my-3 flex w-fit max-w-full flex-wrap items-center justify-center gap-2 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg">
        <span>{selected.length} selected</span>
        <Button size="sm" onClick={() => setOpen(true)}>
          <FlagIcon className="size-4" /> Add to finding
        </Button>
        <button type="button" className="rounded-md px-2 py-1 text-sm font-medium text-slate-200 hover:bg-slate-800 hover:text-white" onClick={onClear}>
          Clear
        </button>
      </div>
      {open && <AddToFindingDialog orgSlug={orgSlug} selected={selected} onClose={() => setOpen(false)} onAdded={onClear} />}
    </>
  );
}

function AddToFindingDialog({ orgSlug, selected, onClose, onAdded }: { orgSlug: string; selected: SelectedResponse[]; onClose: () => void; onAdded: () => void }) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const options = useQuery({ ...trpc.response.filterOptions.queryOptions({ orgSlug }), enabled: mode === "new" });
  const teams = useQuery({ ...trpc.team.list.queryOptions({ orgSlug }), enabled: mode === "new" });
  const responseIds = selected.map((r) => r.id);
  const touchpoints = new Set(selected.map((r) => r.touchpointId));
  const shared = touchpoints.size === 1 ? ([...touchpoints][0] ?? undefined) : undefined;

  if (mode === "new" && options.data && teams.data) {
    return <NewFindingDialog orgSlug={orgSlug} touchpoints={options.data.touchpoints} teams={teams.data} responseIds={responseIds} initialTouchpointId={shared} onCreated={onAdded} onClose={onClose} />;
  }
  return <ExistingFindingDialog orgSlug={orgSlug} responseIds={responseIds} onClose={onClose} onAdded={onAdded} onNew={() => setMode("new")} loadingNew={mode === "new"} />;
}

interface ExistingProps {
  orgSlug: string;
  responseIds: string[];
  onClose: () => void;
  onAdded: () => void;
  onNew: () => void;
  loadingNew: boolean;
}

function ExistingFindingDialog({ orgSlug, responseIds, onClose, onAdded, onNew, loadingNew }: ExistingProps) {
  const trpc = useTRPC();
  const toast = useToast();
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const search = useDeferredValue(q.trim());
  const number = NUMBER.exec(search)?.[1];
  // A number is looked up among all open findings; words go to the board's own search.
  const list = useQuery(trpc.finding.list.queryOptions({ orgSlug, filters: { statuses: [...OPEN_STATUSES], q: search && !number ? search : undefined } }));
  const found = (list.data?.findings ?? []).filter((f) => !number || String(f.number).startsWith(number));
  const add = useMutation(
    trpc.finding.addEvidence.mutationOptions({
      onSuccess: (result) => {
        const link = { href: `/o/${orgSlug}/findings/${result.findingId}`, label: `Open F-${result.number}` };
        const skipped = responseIds.length - result.added;
        toast.success(
          result.added === 0
            ? `Those responses were already evidence of F-${result.number}.`
            : `Added ${responsesText(result.added)} to F-${result.number}${skipped > 0 ? ` (${skipped} already there)` : ""}.`,
          link,
        );
        onAdded();
        onClose();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );

  return (
    <Modal title="Add to finding" description={`${responsesText(responseIds.length)} ${responseIds.length === 1 ? "becomes" : "become"} evidence of the finding you choose.`} width="md" onClose={onClose}>
      <ModalBody className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200">
          <span className="text-slate-700">Describe a problem nobody has filed yet?</span>
          <Button size="sm" variant="secondary" onClick={onNew} pending={loadingNew} pendingLabel="Opening…">
            New finding…
          </Button>
        </div>
        <label htmlFor="finding-search" className="block text-sm font-medium text-slate-900">
          Or an open finding
        </label>
        <input
          id="finding-search"
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          maxLength={200}
          placeholder="Number (F-12) or words in the title"
          autoFocus
          className="block h-9 w-full rounded-md border-0 px-3 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600"
        />
        {list.isError ? (
          <FormAlert>{readError(list.error).message}</FormAlert>
        ) : list.isPending ? (
          <p className="text-sm text-slate-500" role="status">
            Loading open findings…
          </p>
        ) : found.length === 0 ? (
          <p className="text-sm text-slate-500">{search ? `No open finding matches “${search}”.` : "No open findings yet: create a new one."}</p>
        ) : (
          <fieldset>
            <legend className="sr-only">Open findings</legend>
            <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200">
              {found.slice(0, SHOWN).map((f) => (
                <li key={f.id}>
                  <label className="flex cursor-pointer items-start gap-3 px-3 py-2 text-sm hover:bg-slate-50 has-[:checked]:bg-indigo-50">
                    <input type="radio" name="finding" value={f.id} checked={chosen === f.id} onChange={() => setChosen(f.id)} className="mt-0.5" />
                    <span className="min-w-0">
                      <span className="block font-medium break-words text-slate-900">
                        F-{f.number} {f.title}
                      </span>
                      <span className="block text-xs text-slate-500">
                        {[FINDING_STATUS_LABELS[f.status], f.teamName, f.touchpointName, `${f.evidenceCount} evidence`].filter(Boolean).join(" · ")}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {found.length > SHOWN && <p className="mt-1 text-xs text-slate-500">{found.length - SHOWN} more: narrow the search.</p>}
          </fieldset>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button disabled={!chosen} pending={add.isPending} onClick={() => chosen && add.mutate({ orgSlug, findingId: chosen, responseIds })}>
          Add to finding
        </Button>
      </ModalFooter>
    </Modal>
  );
}
