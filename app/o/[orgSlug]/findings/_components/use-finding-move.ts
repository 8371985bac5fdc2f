"use client";
// Moving a finding to another status, shared by the board (drag and drop, the card's menu) and
// the finding's page. The board shows the move at once and takes it back if the server refuses;
// a move that lost a race (CONFLICT) says so and reloads. Server data reaches these screens as
// props of the server-rendered page, so every change ends in router.refresh() (one caching
// model for findings: no client query cache).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useToast } from "@/app/_components/ui/toast";
import type { FindingStatus } from "@/db/finding-constants";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";

export const CONFLICT_MESSAGE = "Someone changed this finding — reloaded.";

export interface MoveTarget {
  id: string;
  number: number;
  title: string;
  version: number;
}

/** A move that needs more than the status waits here for its dialog. */
export type PendingMove = { finding: MoveTarget; status: "wont_fix" | "duplicate" } | null;

export function useFindingMove(orgSlug: string) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  /**
   * Statuses shown before the refreshed page brings the saved finding, by finding id, with the
   * version they were made from: once the card's version moves on, the server's status shows.
   */
  const [optimistic, setOptimistic] = useState<Record<string, { status: FindingStatus; version: number }>>({});
  const [pending, setPending] = useState<PendingMove>(null);
  const mutation = useMutation(trpc.finding.move.mutationOptions());

  const forget = (id: string) =>
    setOptimistic((all) => {
      const { [id]: _dropped, ...rest } = all;
      return rest;
    });

  async function send(finding: MoveTarget, status: FindingStatus, extra: { reason?: string; duplicateOfId?: string } = {}) {
    setOptimistic((all) => ({ ...all, [finding.id]: { status, version: finding.version } }));
    try {
      await mutation.mutateAsync({ orgSlug, findingId: finding.id, version: finding.version, status, ...extra });
      router.refresh();
      return true;
    } catch (error) {
      forget(finding.id);
      const { code, message } = readError(error);
      if (code === "CONFLICT") {
        toast.error(CONFLICT_MESSAGE);
        router.refresh();
      } else toast.error(message);
      return false;
    }
  }

  /** Starts a move: at once, or through the dialog Won't fix and Duplicate need. */
  function move(finding: MoveTarget, status: FindingStatus) {
    if (status === "wont_fix" || status === "duplicate") setPending({ finding, status });
    else void send(finding, status);
  }

  /** The status to show for a card: the move in flight, or what the server says. */
  const statusOf = (card: { id: string; status: FindingStatus; version: number }) => {
    const shown = optimistic[card.id];
    return shown && shown.version === card.version ? shown.status : card.status;
  };

  return { move, send, statusOf, pending, closePending: () => setPending(null), busy: mutation.isPending };
}
