"use client";
// The map canvas page: the header, the board and everything opened from them (the forms,
// the confirmations, the comments and history drawers). Owns which of those is open.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { Role } from "@/db/constants";
import { OPEN_STATUSES } from "@/server/findings/workflow";
import { can } from "@/server/auth/permissions";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { JourneyBoard, type BoardEditing } from "@/app/_components/journey-canvas/journey-board";
import { findingsByObstacle, insightsByTouchpoint, type BoardInsight } from "@/app/_components/journey-canvas/canvas-model";
import { boardHref } from "@/app/o/[orgSlug]/findings/_lib/board-query";
import { ButtonLink } from "@/app/_components/ui/button";
import { FormAlert } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";
import { CommentsPanel } from "./panels/comments-panel";
import { ExportMenu } from "./panels/export-menu";
import { HistoryPanel } from "./panels/history-panel";
import { ShareDialogButton } from "./panels/share-dialog";
import { DeleteDialog } from "./delete-dialog";
import { MapDialog } from "./map-dialog";
import { MapHeader } from "./map-header";
import { ObstacleFindingAction } from "./obstacle-finding";
import { StageDialog } from "./stage-dialog";
import { TouchpointDetails } from "./touchpoint-details";
import { TouchpointDialog } from "./touchpoint-dialog";
import { useMapCanvas, type MapCanvasData } from "./use-map-canvas";
import { CustomerCurve, type CurveOnBoard } from "./customer-curve/customer-curve";
import type { CurveRange } from "./customer-curve/curve-model";

export const BOARD_ELEMENT_ID = "journey-board";
/** The drawers' width (panels/side-panel.tsx): the page makes room for them. */
const DRAWER_WIDTH = 400;

type Dialog =
  | { kind: "map" }
  | { kind: "stage"; stageId?: string; afterStageId?: string }
  | { kind: "touchpoint"; stageId: string; touchpointId?: string }
  | { kind: "view-touchpoint"; touchpointId: string }
  | { kind: "delete-stage"; stageId: string }
  | { kind: "delete-touchpoint"; touchpointId: string };

type CommentTarget = { touchpointId: string | null; obstacleId: string | null };

interface MapCanvasProps {
  orgSlug: string;
  mapId: string;
  role: Role;
  initialCanvas: MapCanvasData;
  /** From the URL (`?comments=1&touchpoint=…`, where notifications link): open the comments on load. */
  initialComments: { touchpointId: string | null } | null;
  /** The period of the customers' curve, from the URL (`?range=30d` or `?from=…&to=…`). */
  initialCurveRange: CurveRange;
}

export function MapCanvas({ orgSlug, mapId, role, initialCanvas, initialComments, initialCurveRange }: MapCanvasProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const { canvas, reload, refresh, gone, moveTouchpoint, moveStage, deleteStage, deleteTouchpoint } = useMapCanvas(orgSlug, mapId, initialCanvas);
  const canEdit = can(role, "journey.edit");
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [panel, setPanel] = useState<"comments" | "history" | null>(initialComments ? "comments" : null);
  const [commentTarget, setCommentTarget] = useState<CommentTarget | null>(
    initialComments?.touchpointId ? { touchpointId: initialComments.touchpointId, obstacleId: null } : null,
  );
  const insights = useMemo(() => insightsByTouchpoint(canvas), [canvas]);
  const obstacleFindings = useMemo(() => findingsByObstacle(canvas), [canvas]);
  const close = () => setDialog(null);

  // The findings board meets the map: each card's open findings link to the board filtered to them,
  // and each obstacle shows its finding or the one click that makes it.
  const canReadFindings = can(role, "finding.read");
  const findingsHref = useCallback(
    (touchpointId: string) => boardHref(`/o/${orgSlug}/findings`, { touchpointId, statuses: [...OPEN_STATUSES] }),
    [orgSlug],
  );
  const obstacleFooter = (obstacle: BoardInsight) => (
    <ObstacleFindingAction
      orgSlug={orgSlug}
      obstacle={obstacle}
      finding={obstacleFindings.get(obstacle.id)}
      canCreate={can(role, "finding.edit")}
      onCreated={refresh}
    />
  );

  // Someone else deleted what an open dialog is about: say so rather than leave a form that cannot save.
  const dialogTouchpointId = dialog && "touchpointId" in dialog ? dialog.touchpointId : undefined;
  const dialogStageId =
    dialog?.kind === "stage" || dialog?.kind === "delete-stage" || (dialog?.kind === "touchpoint" && !dialog.touchpointId) ? dialog.stageId : undefined;
  const subjectGone =
    (dialogTouchpointId !== undefined && !canvas.touchpoints.some((t) => t.id === dialogTouchpointId)) ||
    (dialogStageId !== undefined && !canvas.stages.some((s) => s.id === dialogStageId));
  useEffect(() => {
    if (!subjectGone) return;
    toast.error(dialogTouchpointId ? "This touchpoint was deleted by someone else." : "This stage was deleted by someone else.");
    setDialog(null);
  }, [subjectGone, dialogTouchpointId, toast]);

  const removeMap = useMutation(
    trpc.journeyMap.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`“${canvas.map.name}” deleted.`);
        router.push(`/o/${orgSlug}/journeys`);
        router.refresh();
      },
      onError: (e) => toast.error(readError(e).message),
    }),
  );

  const page = useRef<HTMLDivElement>(null);
  const drawerInset = useDrawerInset(page, panel !== null);
  const focusedTouchpointId = panel === "comments" ? (commentTarget?.touchpointId ?? null) : null;
  useEffect(() => {
    // The card being discussed scrolls into view, e.g. when a notification links to it.
    if (!focusedTouchpointId) return;
    document.querySelector(`#${BOARD_ELEMENT_ID} article[data-touchpoint-id="${focusedTouchpointId}"]`)?.scrollIntoView({ block: "nearest", inline: "center", behavior: "smooth" });
  }, [focusedTouchpointId, drawerInset]);

  const editing: BoardEditing | undefined = canEdit
    ? {
        onAddStage: (afterStageId) => setDialog({ kind: "stage", afterStageId }),
        onEditStage: (stageId) => setDialog({ kind: "stage", stageId }),
        onDeleteStage: (stageId) => setDialog({ kind: "delete-stage", stageId }),
        onMoveStage: moveStage,
        onAddTouchpoint: (stageId) => setDialog({ kind: "touchpoint", stageId }),
        onEditTouchpoint: (touchpointId) => {
          const touchpoint = canvas.touchpoints.find((t) => t.id === touchpointId);
          if (touchpoint) setDialog({ kind: "touchpoint", stageId: touchpoint.stageId, touchpointId });
        },
        onDeleteTouchpoint: (touchpointId) => setDialog({ kind: "delete-touchpoint", touchpointId }),
        onMoveTouchpoint: moveTouchpoint,
      }
    : undefined;

  const openComments = (target: CommentTarget | null) => {
    setCommentTarget(target);
    setPanel("comments");
  };
  const closePanel = () => {
    setPanel(null);
    // Leaving the notification's link in the address bar would reopen the drawer on reload.
    // The curve's period stays.
    if (initialComments) {
      const url = new URL(window.location.href);
      for (const name of ["comments", "touchpoint"]) url.searchParams.delete(name);
      router.replace(`${url.pathname}${url.search}`, { scroll: false });
    }
  };

  return (
    <div ref={page} style={{ marginRight: drawerInset }}>
      <MapHeader
        orgSlug={orgSlug}
        canvas={canvas}
        commentCount={canvas.commentCounts.reduce((n, c) => n + c.count, 0)}
        panel={panel}
        onToggleComments={() => (panel === "comments" ? closePanel() : openComments(null))}
        onToggleHistory={() => setPanel(panel === "history" ? null : "history")}
        exportMenu={<ExportMenu orgSlug={orgSlug} mapId={mapId} mapName={canvas.map.name} boardElementId={BOARD_ELEMENT_ID} />}
        shareButton={can(role, "journey.share") && <ShareDialogButton orgSlug={orgSlug} mapId={mapId} />}
        onEdit={canEdit ? () => setDialog({ kind: "map" }) : undefined}
        onDelete={can(role, "journey.delete") ? () => removeMap.mutate({ orgSlug, mapId }) : undefined}
        deleting={removeMap.isPending}
      />

      {gone && (
        <div className="mb-4">
          <FormAlert>
            <span className="flex items-center justify-between gap-3">
              This map was deleted by someone else. What you see is the last version that was loaded.
              <ButtonLink href={`/o/${orgSlug}/journeys`} size="sm" variant="secondary">
                Back to journeys
              </ButtonLink>
            </span>
          </FormAlert>
        </div>
      )}

      {/* Members see what customers said beside what the team designed; a share link never does. */}
      <CustomerCurve orgSlug={orgSlug} mapId={mapId} canvas={canvas} enabled={can(role, "dashboard.read")} initialRange={initialCurveRange}>
        {(curve) => (
          <>
            {/* The viewport scrolls; the board inside is the full width, so an export captures all of it. */}
            {/* Focusable, so the arrow keys scroll it. */}
            <div role="region" aria-label="Journey board" tabIndex={0} className="relative overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600">
              <JourneyBoard
                id={BOARD_ELEMENT_ID}
                canvas={canvas}
                editing={editing}
                selectedTouchpointId={focusedTouchpointId}
                onOpenComments={(touchpointId, obstacleId) => openComments({ touchpointId, obstacleId: obstacleId ?? null })}
                onOpenTouchpoint={(touchpointId) => setDialog({ kind: "view-touchpoint", touchpointId })}
                emotionOverlay={curve?.emotionOverlay}
                cardFooter={curve?.cardFooter}
                findingsHref={canReadFindings ? findingsHref : undefined}
              />
            </div>
            {renderDialog(curve)}
          </>
        )}
      </CustomerCurve>
      {canEdit && canvas.stages.length > 0 && (
        <p className="mt-2 text-xs text-slate-500">
          Drag cards to reorder them or move them to another stage; drag a stage header to reorder stages. Each card’s and stage’s menu can move them too.
        </p>
      )}

      <CommentsPanel
        orgSlug={orgSlug}
        mapId={mapId}
        canvas={canvas}
        target={commentTarget}
        onTargetChange={setCommentTarget}
        open={panel === "comments"}
        onClose={closePanel}
        canComment={can(role, "journey.comment")}
      />
      <HistoryPanel orgSlug={orgSlug} mapId={mapId} open={panel === "history"} onClose={() => setPanel(null)} />
    </div>
  );

  function renderDialog(curve: CurveOnBoard | null) {
    if (!dialog) return null;
    switch (dialog.kind) {
      case "map":
        return <MapDialog orgSlug={orgSlug} map={canvas.map} reload={reload} onSaved={refresh} onClose={close} />;
      case "stage": {
        const stage = canvas.stages.find((s) => s.id === dialog.stageId);
        if (dialog.stageId && !stage) return null;
        const after = canvas.stages.find((s) => s.id === dialog.afterStageId);
        return (
          <StageDialog
            key={dialog.stageId ?? "new"}
            orgSlug={orgSlug}
            mapId={mapId}
            stage={stage}
            afterStageId={after?.id}
            afterStageName={after?.name}
            reload={reload}
            onSaved={refresh}
            onClose={close}
          />
        );
      }
      case "touchpoint": {
        const touchpoint = canvas.touchpoints.find((t) => t.id === dialog.touchpointId);
        // Follows the touchpoint if someone moves it while the editor is open.
        const stage = canvas.stages.find((s) => s.id === (touchpoint?.stageId ?? dialog.stageId));
        if (!stage || (dialog.touchpointId && !touchpoint)) return null;
        return (
          <TouchpointDialog
            key={dialog.touchpointId ?? `new-${dialog.stageId}`}
            orgSlug={orgSlug}
            stage={stage}
            touchpoint={touchpoint}
            insights={touchpoint ? (insights.get(touchpoint.id) ?? []) : undefined}
            reload={reload}
            onSaved={refresh}
            onClose={close}
            obstacleFooter={canReadFindings ? obstacleFooter : undefined}
          />
        );
      }
      case "view-touchpoint": {
        const touchpoint = canvas.touchpoints.find((t) => t.id === dialog.touchpointId);
        if (!touchpoint) return null;
        return (
          <TouchpointDetails
            touchpoint={touchpoint}
            stageName={canvas.stages.find((s) => s.id === touchpoint.stageId)?.name ?? ""}
            insights={insights.get(touchpoint.id) ?? []}
            customers={curve?.details(touchpoint.id)}
            onComment={() => (close(), openComments({ touchpointId: touchpoint.id, obstacleId: null }))}
            onClose={close}
            obstacleFooter={canReadFindings ? obstacleFooter : undefined}
          />
        );
      }
      case "delete-stage": {
        const stage = canvas.stages.find((s) => s.id === dialog.stageId);
        if (!stage) return null;
        const n = canvas.touchpoints.filter((t) => t.stageId === stage.id).length;
        return (
          <DeleteDialog
            title={`Delete the stage “${stage.name}”?`}
            description={
              n === 0
                ? "The stage has no touchpoints."
                : `Its ${n === 1 ? "touchpoint goes" : `${n} touchpoints go`} too, with their obstacles, opportunities and comments. This cannot be undone.`
            }
            confirmLabel="Delete stage"
            onConfirm={() => deleteStage(stage.id)}
            onClose={close}
          />
        );
      }
      case "delete-touchpoint": {
        const touchpoint = canvas.touchpoints.find((t) => t.id === dialog.touchpointId);
        if (!touchpoint) return null;
        return (
          <DeleteDialog
            title={`Delete the touchpoint “${touchpoint.name}”?`}
            description="Its obstacles, opportunities and comments are deleted with it. This cannot be undone."
            confirmLabel="Delete touchpoint"
            onConfirm={() => deleteTouchpoint(touchpoint.id)}
            onClose={close}
          />
        );
      }
    }
  }
}

/** How far the page reaches under an open drawer: it narrows by that much, so the whole board stays reachable. */
function useDrawerInset(page: RefObject<HTMLDivElement | null>, open: boolean) {
  const [inset, setInset] = useState(0);
  useLayoutEffect(() => {
    if (!open) return setInset(0);
    const measure = () => {
      const element = page.current;
      // On narrow screens the drawer covers the page anyway.
      if (!element || window.innerWidth < 1024) return setInset(0);
      // Measured without the current inset: where the page would end if the drawer were closed.
      const right = element.getBoundingClientRect().right + (parseFloat(element.style.marginRight) || 0);
      setInset(Math.max(0, Math.round(right - (window.innerWidth - DRAWER_WIDTH - 16))));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [page, open]);
  return inset;
}
