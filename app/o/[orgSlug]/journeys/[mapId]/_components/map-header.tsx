"use client";
// The top of the canvas: which map this is, whose journey, who owns it, and the map's
// actions (comments, history, export, share, edit, delete).
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { plural } from "@/lib/format";
import { ChevronRightIcon, ClockIcon, MessageIcon, PencilIcon, TrashIcon, UserIcon } from "@/app/_components/icons";
import { MapStatusBadge } from "@/app/_components/journey/map-status-badge";
import { Button } from "@/app/_components/ui/button";
import { ConfirmButton } from "@/app/_components/ui/confirm-dialog";
import { PersonaPopover } from "./persona-popover";
import type { MapCanvasData } from "./use-map-canvas";

interface MapHeaderProps {
  orgSlug: string;
  canvas: MapCanvasData;
  commentCount: number;
  panel: "comments" | "history" | null;
  onToggleComments: () => void;
  onToggleHistory: () => void;
  /** The panels engineer's export and share controls. */
  exportMenu: ReactNode;
  shareButton: ReactNode;
  onEdit?: () => void;
  onDelete?: () => void;
  deleting: boolean;
}

export function MapHeader({ orgSlug, canvas, commentCount, panel, onToggleComments, onToggleHistory, exportMenu, shareButton, onEdit, onDelete, deleting }: MapHeaderProps) {
  const { map, persona } = canvas;
  return (
    <header className="mb-4">
      <nav aria-label="Breadcrumb" className="mb-1.5 flex items-center gap-1 text-xs font-medium text-slate-500">
        <Link href={`/o/${orgSlug}/journeys`} className="hover:text-slate-800">
          Journeys
        </Link>
        <ChevronRightIcon className="size-3.5 text-slate-400" />
        <span className="truncate text-slate-400">{map.name}</span>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-center gap-3">
            <h1 className="truncate text-xl font-semibold tracking-tight text-slate-900" title={map.name}>
              {map.name}
            </h1>
            <MapStatusBadge status={map.status} className="shrink-0" />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <PanelButton active={panel === "comments"} onClick={onToggleComments} icon={<MessageIcon />} label="Comments">
            {/* Hidden from the accessible name, which stays "Comments". */}
            {commentCount > 0 && (
              <span aria-hidden className="rounded-full bg-slate-100 px-1.5 text-xs text-slate-600 tabular-nums">
                {commentCount}
              </span>
            )}
          </PanelButton>
          <PanelButton active={panel === "history"} onClick={onToggleHistory} icon={<ClockIcon />} label="History" />
          {exportMenu}
          {shareButton}
          {onEdit && (
            <Button variant="secondary" size="sm" onClick={onEdit}>
              <PencilIcon /> Edit map
            </Button>
          )}
          {onDelete && (
            <ConfirmButton
              triggerLabel="Delete map"
              title={`Delete “${map.name}”?`}
              description="The map, its stages, touchpoints, obstacles, comments, history and share links are deleted for everyone. This cannot be undone."
              confirmLabel="Delete map"
              pending={deleting}
              onConfirm={onDelete}
            >
              <TrashIcon />
            </ConfirmButton>
          )}
        </div>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm text-slate-600">
        {persona ? <PersonaPopover persona={persona} /> : <span className="text-slate-400">No persona</span>}
        <span className="inline-flex items-center gap-1.5">
          <UserIcon className="size-4 text-slate-400" />
          {map.ownerName ? (
            <span>
              Owned by <span className="font-medium text-slate-800">{map.ownerName}</span>
            </span>
          ) : (
            <span className="text-slate-400">No owner</span>
          )}
        </span>
        <span className="text-slate-500 tabular-nums">
          {plural(canvas.stages.length, "stage")} · {plural(canvas.touchpoints.length, "touchpoint")}
        </span>
      </div>
      {map.description && (
        <p className="mt-2 line-clamp-1 max-w-4xl text-sm text-slate-500" title={map.description}>
          {map.description}
        </p>
      )}
    </header>
  );
}

function PanelButton({ active, onClick, icon, label, children }: { active: boolean; onClick: () => void; icon: ReactNode; label: string; children?: ReactNode }) {
  return (
    <Button variant="secondary" size="sm" aria-pressed={active} onClick={onClick} className={cn(active && "bg-indigo-50 text-indigo-800 ring-indigo-300 hover:bg-indigo-50")}>
      {icon}
      {label}
      {children}
    </Button>
  );
}
