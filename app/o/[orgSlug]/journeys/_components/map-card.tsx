// One journey map in the list: what it is, whose journey, who owns it, how far it has come
// and when it last changed. The whole card opens the map's canvas.
import Link from "next/link";
import type { MapStatus } from "@/db/journey-constants";
import { initials, plural } from "@/lib/format";
import { PersonaIcon } from "@/app/_components/icons";
import { MapStatusBadge } from "@/app/_components/journey/map-status-badge";
import { RelativeTime } from "@/app/_components/ui/relative-time";

export interface MapSummary {
  id: string;
  name: string;
  description: string;
  status: MapStatus;
  personaName: string | null;
  ownerName: string | null;
  stageCount: number;
  touchpointCount: number;
  obstacleCount: number;
  lastChangedAt: Date;
}

export function MapCard({ orgSlug, map, now }: { orgSlug: string; map: MapSummary; now: Date }) {
  return (
    <li className="group relative flex flex-col rounded-lg bg-white shadow-sm ring-1 ring-slate-200 transition focus-within:ring-indigo-300 hover:ring-indigo-300">
      <div className="flex-1 px-5 pt-4 pb-4">
        <div className="flex items-start justify-between gap-3">
          <h3 className="min-w-0 text-base font-semibold text-slate-900">
            {/* The link stretches over the card; the name is its accessible name. */}
            <Link href={`/o/${orgSlug}/journeys/${map.id}`} className="outline-none after:absolute after:inset-0 after:rounded-lg group-hover:text-indigo-700">
              {map.name}
            </Link>
          </h3>
          <MapStatusBadge status={map.status} />
        </div>
        {map.description ? (
          <p className="mt-1 line-clamp-2 text-sm text-slate-600">{map.description}</p>
        ) : (
          <p className="mt-1 text-sm text-slate-400">No description.</p>
        )}
        <dl className="mt-4 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
          <div className="flex min-w-0 items-center gap-1.5">
            <dt className="sr-only">Persona</dt>
            <PersonaIcon className="size-4 shrink-0 text-slate-400" />
            <dd className={map.personaName ? "truncate text-slate-700" : "text-slate-400"}>{map.personaName ?? "No persona"}</dd>
          </div>
          <div className="flex min-w-0 items-center gap-1.5">
            <dt className="sr-only">Owner</dt>
            <span aria-hidden className="flex size-5 shrink-0 items-center justify-center rounded-full bg-slate-100 text-[9px] font-semibold text-slate-600">
              {map.ownerName ? initials(map.ownerName) : "–"}
            </span>
            <dd className={map.ownerName ? "truncate text-slate-700" : "text-slate-400"}>{map.ownerName ?? "No owner"}</dd>
          </div>
        </dl>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-t border-slate-100 px-5 py-2.5 text-xs text-slate-500">
        <p>
          {plural(map.stageCount, "stage")} · {plural(map.touchpointCount, "touchpoint")} ·{" "}
          <span className={map.obstacleCount > 0 ? "text-amber-700" : undefined}>{plural(map.obstacleCount, "obstacle")}</span>
        </p>
        <p>
          Changed <RelativeTime date={map.lastChangedAt} now={now} />
        </p>
      </div>
    </li>
  );
}
