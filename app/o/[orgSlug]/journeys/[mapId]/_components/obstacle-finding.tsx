"use client";
// Where an obstacle meets the findings board: the finding it became (a link), or, for people
// who work findings, the one-click "Turn into a finding". The server routes it by the rules
// and never makes a second finding for one obstacle, so a double click is harmless.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import type { ObstacleFinding } from "@/app/_components/journey-canvas/canvas-model";
import { FlagIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { useToast } from "@/app/_components/ui/toast";

interface ObstacleFindingProps {
  orgSlug: string;
  obstacle: { id: string; title: string };
  /** The finding it already became, from the canvas. */
  finding: ObstacleFinding | undefined;
  /** May turn obstacles into findings (finding.edit). */
  canCreate: boolean;
  /** Refreshes the canvas, so counts and the other views of this obstacle follow. */
  onCreated: () => void;
}

const findingPath = (orgSlug: string, findingId: string) => `/o/${orgSlug}/findings/${findingId}`;

export function ObstacleFindingAction({ orgSlug, obstacle, finding, canCreate, onCreated }: ObstacleFindingProps) {
  const trpc = useTRPC();
  const toast = useToast();
  const turn = useMutation(
    trpc.finding.fromObstacle.mutationOptions({
      onSuccess: (made) => {
        const where = made.teamName ? `routed to ${made.teamName}` : "no rule or touchpoint names a team yet";
        const message = made.created ? `F-${made.number} created, ${where}.` : `This obstacle is already F-${made.number}, ${where}.`;
        toast.success(message, made.visible ? { href: findingPath(orgSlug, made.id), label: `Open F-${made.number}` } : undefined);
        onCreated();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );
  // Until the refreshed canvas arrives, the answer itself says what the obstacle became.
  const made = turn.data;
  const shown = finding ?? (made ? { obstacleId: obstacle.id, findingId: made.visible ? made.id : null, number: made.visible ? made.number : null } : undefined);

  if (shown) {
    return shown.findingId ? (
      <Link
        href={findingPath(orgSlug, shown.findingId)}
        className="inline-flex items-center gap-1 rounded text-xs font-medium whitespace-nowrap text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <FlagIcon className="size-3.5" /> Finding F-{shown.number}
      </Link>
    ) : (
      <span className="inline-flex items-center gap-1 text-xs text-slate-500" title="Its finding belongs to a team whose findings you do not see.">
        <FlagIcon className="size-3.5" /> Already a finding (another team’s)
      </span>
    );
  }
  if (!canCreate) return null;
  return (
    <Button
      variant="secondary"
      size="sm"
      className="h-7 px-2 text-xs"
      aria-label={`Turn “${obstacle.title}” into a finding`}
      pending={turn.isPending}
      onClick={() => turn.mutate({ orgSlug, obstacleId: obstacle.id })}
    >
      <FlagIcon className="size-3.5" /> Turn into a finding
    </Button>
  );
}
