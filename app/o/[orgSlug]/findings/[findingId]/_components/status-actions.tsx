"use client";
// The finding's status and the moves it can make from here (the same rules and dialogs as the
// board: Won't fix asks why, Duplicate asks which finding).
import { Button } from "@/app/_components/ui/button";
import { FINDING_STATUS_LABELS, type FindingStatus } from "@/db/finding-constants";
import { movesFrom } from "../../_components/findings-board";
import { MoveDialogs } from "../../_components/move-dialogs";
import { useFindingMove, type MoveTarget } from "../../_components/use-finding-move";

export function StatusActions({ orgSlug, finding, status, canEdit }: { orgSlug: string; finding: MoveTarget; status: FindingStatus; canEdit: boolean }) {
  const mover = useFindingMove(orgSlug);
  const shown = mover.statusOf({ ...finding, status });
  const moves = canEdit ? movesFrom(shown) : [];
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-600">
        Status: <strong className="font-semibold text-slate-900" data-testid="finding-status">{FINDING_STATUS_LABELS[shown]}</strong>
      </span>
      {moves.length > 0 && (
        <div role="group" aria-label="Move to" className="flex flex-wrap gap-1.5">
          {moves.map((to) => (
            <Button key={to} size="sm" variant={to === "wont_fix" || to === "duplicate" ? "ghost" : "secondary"} disabled={mover.busy} onClick={() => mover.move(finding, to)}>
              Move to {FINDING_STATUS_LABELS[to]}
            </Button>
          ))}
        </div>
      )}
      <MoveDialogs orgSlug={orgSlug} mover={mover} />
    </div>
  );
}
