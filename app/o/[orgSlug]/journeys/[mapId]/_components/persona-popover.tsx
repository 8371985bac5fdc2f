"use client";
// The map's persona in the header: its name, and on click a card with who they are, what
// they want and what gets in their way, so the team keeps the customer in mind.
import { useId, useRef, useState } from "react";
import { CHANNEL_LABELS } from "@/db/journey-constants";
import { PersonaIcon } from "@/app/_components/icons";
import { useDismiss } from "@/app/_components/use-dismiss";
import type { MapCanvasData } from "./use-map-canvas";

type Persona = NonNullable<MapCanvasData["persona"]>;

export function PersonaPopover({ persona }: { persona: Persona }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useDismiss(open, root, () => setOpen(false), { escape: true });

  const { ageBand, occupation, location } = persona.demographics;
  const facts = [ageBand && `${ageBand} years`, occupation, location].filter(Boolean);

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        className="inline-flex items-center gap-1.5 rounded-full bg-indigo-50 py-0.5 pr-2.5 pl-2 text-sm font-medium text-indigo-800 ring-1 ring-indigo-100 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <PersonaIcon className="size-4 text-indigo-500" />
        <span className="sr-only">Persona: </span>
        {persona.name}
      </button>
      {open && (
        <div id={panelId} role="dialog" aria-label={`Persona ${persona.name}`} className="absolute top-full left-0 z-40 mt-2 w-[26rem] rounded-xl bg-white p-5 shadow-xl ring-1 ring-slate-200">
          <p className="text-xs font-medium tracking-wide text-indigo-600 uppercase">Persona</p>
          <h2 className="mt-0.5 text-base font-semibold text-slate-900">{persona.name}</h2>
          {facts.length > 0 && <p className="mt-0.5 text-xs text-slate-500">{facts.join(" · ")}</p>}
          {persona.description && <p className="mt-3 text-sm text-slate-700">{persona.description}</p>}
          <div className="mt-4 grid grid-cols-2 gap-4">
            <PersonaList title="Goals" items={persona.goals} marker="bg-emerald-500" />
            <PersonaList title="Pains" items={persona.pains} marker="bg-red-500" />
          </div>
          {persona.preferredChannels.length > 0 && (
            <p className="mt-4 text-xs text-slate-500">
              Prefers <span className="font-medium text-slate-700">{persona.preferredChannels.map((c) => CHANNEL_LABELS[c]).join(", ")}</span>
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function PersonaList({ title, items, marker }: { title: string; items: readonly string[]; marker: string }) {
  return (
    <div>
      <h3 className="text-xs font-semibold text-slate-900">{title}</h3>
      {items.length === 0 ? (
        <p className="mt-1 text-xs text-slate-400">None noted.</p>
      ) : (
        <ul className="mt-1.5 space-y-1.5">
          {items.map((item) => (
            <li key={item} className="flex gap-2 text-xs leading-snug text-slate-700">
              <span aria-hidden className={`mt-1.5 size-1.5 shrink-0 rounded-full ${marker}`} />
              {item}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
