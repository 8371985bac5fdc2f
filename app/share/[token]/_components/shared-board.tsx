"use client";
// The shared board, read-only: opening a touchpoint shows what the card has no room for
// (its description, the customer's action, the obstacles and opportunities in full).
import { useEffect, useMemo, useState } from "react";
import { CHANNEL_LABELS, SEVERITY_LABELS } from "@/db/journey-constants";
import type { Canvas } from "@/server/services/journey-maps";
import type { SharedMapView } from "@/server/services/share-links";
import { emotionLabel } from "@/app/_components/journey-canvas/emotion";
import { JourneyBoard } from "@/app/_components/journey-canvas/journey-board";
import { XIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { boardCanvasOf } from "./shared-canvas";

/** Takes the shared view, not a canvas: what a server component passes here is sent to the browser. */
export function SharedBoard({ view, id }: { view: SharedMapView; id: string }) {
  const canvas = useMemo(() => boardCanvasOf(view), [view]);
  const [openId, setOpenId] = useState<string | null>(null);
  const touchpoint = canvas.touchpoints.find((t) => t.id === openId) ?? null;

  useEffect(() => {
    if (!openId) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpenId(null);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [openId]);

  return (
    <>
      <JourneyBoard canvas={canvas} id={id} onOpenTouchpoint={setOpenId} />
      {touchpoint && <TouchpointDetails canvas={canvas} touchpoint={touchpoint} onClose={() => setOpenId(null)} />}
    </>
  );
}

type Touchpoint = Canvas["touchpoints"][number];

function TouchpointDetails({ canvas, touchpoint, onClose }: { canvas: Canvas; touchpoint: Touchpoint; onClose: () => void }) {
  const stage = canvas.stages.find((s) => s.id === touchpoint.stageId);
  const insights = canvas.obstacles.filter((o) => o.touchpointId === touchpoint.id);
  const facts = [
    { label: "Stage", value: stage?.name },
    { label: "Channel", value: CHANNEL_LABELS[touchpoint.channel] },
    { label: "Owning team", value: touchpoint.teamName },
    { label: "Customer action", value: touchpoint.customerAction },
    { label: "Expected emotion", value: touchpoint.expectedEmotion === null ? null : emotionLabel(touchpoint.expectedEmotion) },
  ].filter((fact): fact is { label: string; value: string } => Boolean(fact.value));

  return (
    <section
      role="dialog"
      aria-modal="false"
      aria-label={touchpoint.name}
      className="fixed inset-y-0 right-0 z-30 flex w-[400px] max-w-full flex-col border-l border-slate-200 bg-white shadow-xl print:hidden"
    >
      <header className="flex items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
        <div className="min-w-0">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Touchpoint</p>
          <h2 className="mt-0.5 text-base font-semibold text-slate-900">{touchpoint.name}</h2>
        </div>
        <button type="button" onClick={onClose} aria-label="Close touchpoint" className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-700" autoFocus>
          <XIcon />
        </button>
      </header>
      <div className="min-h-0 flex-1 space-y-5 overflow-y-auto px-5 py-4 text-sm">
        {touchpoint.description && <p className="whitespace-pre-wrap text-slate-700">{touchpoint.description}</p>}
        <dl className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
          {facts.map((fact) => (
            <div key={fact.label} className="grid grid-cols-[8rem_1fr] gap-2 px-3 py-2">
              <dt className="text-slate-500">{fact.label}</dt>
              <dd className="min-w-0 break-words text-slate-900">{fact.value}</dd>
            </div>
          ))}
        </dl>
        {(["obstacle", "opportunity"] as const).map((kind) => {
          const items = insights.filter((i) => i.kind === kind);
          if (items.length === 0) return null;
          return (
            <section key={kind}>
              <h3 className="text-xs font-semibold text-slate-900">{kind === "obstacle" ? "Obstacles" : "Opportunities"}</h3>
              <ul className="mt-2 space-y-2">
                {items.map((item) => (
                  <li key={item.id} className="rounded-lg px-3 py-2 ring-1 ring-slate-200">
                    <div className="flex items-start justify-between gap-2">
                      <p className="font-medium text-slate-900">{item.title}</p>
                      <Badge tone={kind === "opportunity" ? "emerald" : item.severity === "low" ? "slate" : item.severity === "medium" ? "amber" : "red"}>{SEVERITY_LABELS[item.severity]}</Badge>
                    </div>
                    {item.description && <p className="mt-1 text-slate-600">{item.description}</p>}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
