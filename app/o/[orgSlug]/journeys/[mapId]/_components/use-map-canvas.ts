"use client";
// The live canvas of one map: the query every part of the page reads, a cheap revision poll
// that refetches it when someone else changes the map, and the moves and deletions, which
// apply at once and roll back if the server refuses them.
import { useIsMutating, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useCallback, useEffect } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { withStageMoved, withTouchpointMoved } from "@/app/_components/journey-canvas/canvas-model";
import { useToast } from "@/app/_components/ui/toast";

export type MapCanvasData = inferRouterOutputs<AppRouter>["journeyMap"]["get"];

/** Often enough that a colleague's change shows up while you look; the poll is one indexed row. */
const REVISION_POLL_MS = 3_500;

export function useMapCanvas(orgSlug: string, mapId: string, initialCanvas: MapCanvasData) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const input = { orgSlug, mapId };
  const canvasKey = trpc.journeyMap.get.queryKey(input);

  const canvasQuery = useQuery(trpc.journeyMap.get.queryOptions(input, { initialData: initialCanvas }));
  const canvas = canvasQuery.data;
  // react-query pauses the interval while the tab is hidden and polls again on focus.
  const revisionQuery = useQuery(trpc.journeyMap.revision.queryOptions(input, { refetchInterval: REVISION_POLL_MS, staleTime: 0, retry: false }));
  const mutating = useIsMutating();
  const latestRevision = revisionQuery.data?.revision;

  useEffect(() => {
    // While a change of ours is in flight the server's answer refreshes the canvas; a refetch
    // in between would briefly show the card back where it was.
    if (latestRevision === undefined || mutating > 0 || latestRevision === canvas.revision) return;
    void queryClient.invalidateQueries({ queryKey: trpc.journeyMap.get.queryKey({ orgSlug, mapId }) });
  }, [latestRevision, canvas.revision, mutating, queryClient, trpc, orgSlug, mapId]);

  /** Refetches the canvas now, for "Reload" after a conflict; resolves to the latest canvas. */
  const reload = useCallback(async () => {
    const result = await canvasQuery.refetch();
    return result.data;
  }, [canvasQuery]);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.journeyMap.get.queryKey({ orgSlug, mapId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.journeyMap.revision.queryKey({ orgSlug, mapId }) });
  }, [queryClient, trpc, orgSlug, mapId]);

  /** Applies a move locally, rolls it back with the server's reason if refused, and refreshes either way. */
  const optimistic = <T,>(apply: (data: MapCanvasData, input: T) => MapCanvasData, done?: string) => ({
    onMutate: async (variables: T) => {
      await queryClient.cancelQueries({ queryKey: canvasKey });
      const previous = queryClient.getQueryData(canvasKey);
      if (previous) queryClient.setQueryData(canvasKey, apply(previous, variables));
      return { previous };
    },
    onError: (error: unknown, _variables: T, context: { previous?: MapCanvasData } | undefined) => {
      if (context?.previous) queryClient.setQueryData(canvasKey, context.previous);
      toast.error(readError(error).message);
    },
    onSuccess: () => done && toast.success(done),
    onSettled: refresh,
  });

  const moveTouchpoint = useMutation(
    trpc.touchpoint.move.mutationOptions(
      optimistic((data, v: { touchpointId: string; stageId: string; afterTouchpointId: string | null }) =>
        withTouchpointMoved(data, v.touchpointId, v.stageId, v.afterTouchpointId),
      ),
    ),
  );
  const moveStage = useMutation(
    trpc.stage.move.mutationOptions(optimistic((data, v: { stageId: string; afterStageId: string | null }) => withStageMoved(data, v.stageId, v.afterStageId))),
  );

  const deleteStage = useMutation(
    trpc.stage.delete.mutationOptions(
      optimistic((data, v: { stageId: string }) => {
        const gone = new Set(data.touchpoints.filter((t) => t.stageId === v.stageId).map((t) => t.id));
        return {
          ...data,
          stages: data.stages.filter((s) => s.id !== v.stageId),
          touchpoints: data.touchpoints.filter((t) => !gone.has(t.id)),
          obstacles: data.obstacles.filter((o) => !gone.has(o.touchpointId)),
        };
      }, "Stage deleted."),
    ),
  );
  const deleteTouchpoint = useMutation(
    trpc.touchpoint.delete.mutationOptions(
      optimistic(
        (data, v: { touchpointId: string }) => ({
          ...data,
          touchpoints: data.touchpoints.filter((t) => t.id !== v.touchpointId),
          obstacles: data.obstacles.filter((o) => o.touchpointId !== v.touchpointId),
        }),
        "Touchpoint deleted.",
      ),
    ),
  );

  return {
    canvas,
    reload,
    refresh,
    /** The map itself is gone (deleted by someone else): the revision poll says so. */
    gone: readError(revisionQuery.error).code === "NOT_FOUND",
    moveTouchpoint: (touchpointId: string, stageId: string, afterTouchpointId: string | null) =>
      moveTouchpoint.mutate({ orgSlug, touchpointId, stageId, afterTouchpointId }),
    moveStage: (stageId: string, afterStageId: string | null) => moveStage.mutate({ orgSlug, stageId, afterStageId }),
    deleteStage: (stageId: string) => deleteStage.mutate({ orgSlug, stageId }),
    deleteTouchpoint: (touchpointId: string) => deleteTouchpoint.mutate({ orgSlug, touchpointId }),
  };
}
