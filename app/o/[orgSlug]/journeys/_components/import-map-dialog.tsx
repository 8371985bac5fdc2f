"use client";
// Importing a journey map from a Waymark JSON export: the file is checked here first, so
// what is wrong with it is said before anything is sent; the import always makes a copy.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent } from "react";
import type { MapDocument } from "@/server/schemas/map-transfer";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { cn } from "@/lib/cn";
import { plural } from "@/lib/format";
import { AlertIcon, RouteIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { controlClasses } from "@/app/_components/ui/field";
import { Modal, ModalBody, ModalFooter } from "@/app/_components/ui/modal";
import { useToast } from "@/app/_components/ui/toast";
import { checkMapFile, MAX_MAP_FILE_BYTES, type MapFileSummary } from "./map-file";

type Chosen = { fileName: string; document: MapDocument; summary: MapFileSummary } | { fileName: string; problems: string[] };

interface ImportMapDialogProps {
  orgSlug: string;
  /** This organization's teams: touchpoints are given to the team of the same name. */
  teamNames: string[];
  closeHref: string;
}

export function ImportMapDialog({ orgSlug, teamNames, closeHref }: ImportMapDialogProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const inputId = useId();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const close = () => router.replace(closeHref, { scroll: false });

  const importMap = useMutation(
    trpc.journeyMap.import.mutationOptions({
      onSuccess: (result) => {
        toast.success(importedMessage(result));
        router.replace(`/o/${orgSlug}/journeys/${result.id}`);
      },
      onError: (error) => {
        const { message, fieldErrors } = readError(error);
        // The server names the problem per field; for this form every field is the file.
        const problems = fieldErrors ? Object.values(fieldErrors).flatMap((messages) => messages ?? []) : [];
        setChosen((current) => current && { fileName: current.fileName, problems: problems.length > 0 ? problems : [message] });
      },
    }),
  );

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    importMap.reset();
    if (!file) return setChosen(null);
    if (file.size > MAX_MAP_FILE_BYTES) {
      return setChosen({ fileName: file.name, problems: ["This file is larger than 5 MB. A journey map export is much smaller: check that you chose the right file."] });
    }
    const check = checkMapFile(await file.text());
    setChosen(check.ok ? { fileName: file.name, document: check.document, summary: check.summary } : { fileName: file.name, problems: check.problems });
  }

  const ready = chosen && "document" in chosen ? chosen : null;
  const problems = chosen && "problems" in chosen ? chosen.problems : null;

  return (
    <Modal
      title="Import a journey map"
      description="Choose a .json file exported from Waymark (here or in another organization). It becomes a new map; nothing existing changes."
      onClose={close}
      width="md"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) importMap.mutate({ orgSlug, document: ready.document });
        }}
      >
        <ModalBody>
          <div>
            <label htmlFor={inputId} className="mb-1.5 block text-sm font-medium text-slate-700">
              Journey map file
            </label>
            <input
              id={inputId}
              type="file"
              accept=".json,application/json"
              onChange={onFile}
              aria-invalid={problems ? true : undefined}
              aria-describedby={`${inputId}-result`}
              className={cn(
                controlClasses,
                "cursor-pointer py-1.5 text-slate-600 file:mr-3 file:cursor-pointer file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-200",
              )}
            />
          </div>
          <div id={`${inputId}-result`} aria-live="polite">
            {problems && (
              <div role="alert" className="rounded-md bg-red-50 px-3.5 py-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
                <p className="flex items-center gap-2 font-medium">
                  <AlertIcon className="size-4 shrink-0 text-red-600" />
                  {chosen?.fileName} can’t be imported
                </p>
                <ul className="mt-1.5 list-disc space-y-1 pl-6">
                  {problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </div>
            )}
            {ready && <FileSummary summary={ready.summary} teamNames={teamNames} />}
            {!chosen && (
              <p className="text-xs text-slate-500">
                Stages, touchpoints, obstacles and opportunities come along, and the persona (matched by name, or added). Touchpoints are given to
                the team of the same name here; comments and history stay behind.
              </p>
            )}
          </div>
        </ModalBody>
        <ModalFooter>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={!ready} pending={importMap.isPending || importMap.isSuccess}>
            Import map
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

function FileSummary({ summary, teamNames }: { summary: MapFileSummary; teamNames: string[] }) {
  const known = new Set(teamNames.map((name) => name.toLowerCase()));
  const missing = summary.teamNames.filter((name) => !known.has(name.toLowerCase()));
  return (
    <div className="rounded-md bg-slate-50 px-3.5 py-3 ring-1 ring-slate-200 ring-inset">
      <p className="flex items-center gap-2 text-sm font-medium text-slate-900">
        <RouteIcon className="size-4 shrink-0 text-indigo-600" />
        {summary.name}
      </p>
      <p className="mt-1 text-sm text-slate-600">
        {plural(summary.stageCount, "stage")} · {plural(summary.touchpointCount, "touchpoint")} · {plural(summary.obstacleCount, "obstacle")}
      </p>
      <dl className="mt-2 space-y-1 text-xs text-slate-600">
        <div className="flex gap-1.5">
          <dt className="text-slate-500">Persona:</dt>
          <dd>{summary.personaName ?? "none"}</dd>
        </div>
        {summary.teamNames.length > 0 && (
          <div className="flex gap-1.5">
            <dt className="shrink-0 text-slate-500">Owning teams:</dt>
            <dd>{summary.teamNames.join(", ")}</dd>
          </div>
        )}
      </dl>
      {missing.length > 0 && (
        <p className="mt-2.5 flex gap-2 rounded-md bg-amber-50 px-2.5 py-2 text-xs text-amber-800 ring-1 ring-amber-200 ring-inset">
          <AlertIcon className="mt-px size-3.5 shrink-0 text-amber-600" />
          <span>
            No team here is called {missing.map((name) => `“${name}”`).join(", ")}. Their touchpoints are imported without an owning team; you can
            assign one on the canvas.
          </span>
        </p>
      )}
    </div>
  );
}

function importedMessage(result: { name: string; renamedKeys: number; unmatchedTeams: string[] }): string {
  const parts = [`Imported “${result.name}”.`];
  if (result.unmatchedTeams.length > 0) {
    const teams = result.unmatchedTeams.map((team) => `“${team}”`).join(", ");
    parts.push(`No team here is called ${teams}: those touchpoints have no owning team yet.`);
  }
  if (result.renamedKeys > 0) {
    parts.push(
      result.renamedKeys === 1
        ? "1 touchpoint key was already in use and was renamed."
        : `${result.renamedKeys} touchpoint keys were already in use and were renamed.`,
    );
  }
  return parts.join(" ");
}
