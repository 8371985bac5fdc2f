// A journey map's status as a badge, the same in the maps list and on the map's canvas.
import { MAP_STATUS_LABELS, type MapStatus } from "@/db/journey-constants";
import { Badge } from "@/app/_components/ui/badge";

// Archived stands out, so nobody edits an archived map thinking it is current.
const STATUS_TONES = { draft: "slate", active: "emerald", archived: "amber" } as const satisfies Record<MapStatus, string>;

export function MapStatusBadge({ status, className }: { status: MapStatus; className?: string }) {
  return (
    <Badge tone={STATUS_TONES[status]} className={className}>
      {MAP_STATUS_LABELS[status]}
    </Badge>
  );
}
