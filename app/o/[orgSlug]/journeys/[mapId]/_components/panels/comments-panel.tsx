"use client";
// The map's comments drawer: every comment on the map, each labelled with what it is about,
// or only the comments on one target (the map itself, a touchpoint, an obstacle) with a
// composer that posts there. Oldest first, newest at the bottom; polled while open.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import type { Canvas } from "@/server/services/journey-maps";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { MessageIcon } from "@/app/_components/icons";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { FormAlert } from "@/app/_components/ui/field";
import { CommentComposer } from "@/app/_components/comments/comment-composer";
import { CommentItem } from "@/app/_components/comments/comment-item";
import { SidePanel } from "./side-panel";

const POLL_MS = 10_000;
/** Within this distance of the bottom, new comments keep the list scrolled to the bottom. */
const STICKY_PX = 80;

export interface CommentTarget {
  touchpointId: string | null;
  obstacleId: string | null;
}

interface CommentsPanelProps {
  orgSlug: string;
  mapId: string;
  canvas: Canvas;
  /** null: every comment on the map. */
  target: CommentTarget | null;
  onTargetChange: (target: CommentTarget | null) => void;
  open: boolean;
  onClose: () => void;
  canComment: boolean;
}

export function CommentsPanel({ open, ...props }: CommentsPanelProps) {
  if (!open) return null;
  return <OpenCommentsPanel {...props} />;
}

/** What a comment (or the panel's target) is about, in words, and the target to focus it. */
interface About {
  kind: "Map" | "Touchpoint" | "Obstacle" | "Opportunity";
  label: string;
  /** For an obstacle or opportunity: the touchpoint it is on. */
  context?: string;
  /** null when the object is gone from the canvas. */
  target: CommentTarget | null;
}

function aboutOf(canvas: Canvas, ids: CommentTarget): About {
  if (ids.obstacleId) {
    const obstacle = canvas.obstacles.find((o) => o.id === ids.obstacleId);
    return obstacle
      ? {
          kind: obstacle.kind === "opportunity" ? "Opportunity" : "Obstacle",
          label: obstacle.title,
          context: canvas.touchpoints.find((t) => t.id === obstacle.touchpointId)?.name,
          target: { touchpointId: obstacle.touchpointId, obstacleId: obstacle.id },
        }
      : { kind: "Obstacle", label: "a removed obstacle", target: null };
  }
  if (ids.touchpointId) {
    const touchpoint = canvas.touchpoints.find((t) => t.id === ids.touchpointId);
    return touchpoint ? { kind: "Touchpoint", label: touchpoint.name, target: { touchpointId: touchpoint.id, obstacleId: null } } : { kind: "Touchpoint", label: "a removed touchpoint", target: null };
  }
  return { kind: "Map", label: canvas.map.name, target: { touchpointId: null, obstacleId: null } };
}

/**
 * The comments a target shows: an obstacle's own; a touchpoint's together with those on its
 * obstacles and opportunities (the card counts them all); the map's own for the map.
 */
function isOn(comment: CommentTarget, target: CommentTarget, canvas: Canvas): boolean {
  if (target.obstacleId) return comment.obstacleId === target.obstacleId;
  if (target.touchpointId) {
    if (comment.touchpointId === target.touchpointId) return true;
    return comment.obstacleId !== null && canvas.obstacles.some((o) => o.id === comment.obstacleId && o.touchpointId === target.touchpointId);
  }
  return comment.touchpointId === null && comment.obstacleId === null;
}

function OpenCommentsPanel({ orgSlug, mapId, canvas, target, onTargetChange, onClose, canComment }: Omit<CommentsPanelProps, "open">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const comments = useQuery(trpc.comment.list.queryOptions({ orgSlug, mapId }, { refetchInterval: POLL_MS, staleTime: 0 }));
  const members = useQuery(trpc.member.list.queryOptions({ orgSlug }, { staleTime: 5 * 60_000 }));
  const memberNames = useMemo(() => (members.data ?? []).map((m) => m.name), [members.data]);
  const post = useMutation(trpc.comment.create.mutationOptions());
  const postTo = target ?? { touchpointId: null, obstacleId: null };

  const body = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const targetKey = target ? `${target.touchpointId}/${target.obstacleId}` : "all";
  const shown = useMemo(() => (comments.data ?? []).filter((comment) => !target || isOn(comment, target, canvas)), [comments.data, target, canvas]);
  const lastShownId = shown.at(-1)?.id;

  // A new target starts at its newest comment.
  useEffect(() => {
    stickToBottom.current = true;
  }, [targetKey]);
  useEffect(() => {
    if (stickToBottom.current && body.current) body.current.scrollTop = body.current.scrollHeight;
  }, [lastShownId, targetKey, comments.isPending]);

  const focused = target ? aboutOf(canvas, target) : null;
  const subheader = focused && (
    <div className="flex items-center justify-between gap-3">
      <p className="min-w-0 text-sm text-slate-700">
        <span className="text-xs font-medium tracking-wide text-slate-500 uppercase">
          {focused.kind === "Map" ? "The map itself" : focused.kind}
          {focused.context && <span className="tracking-normal normal-case"> on {focused.context}</span>}
        </span>
        <span className="mt-0.5 line-clamp-2 font-medium text-slate-900" title={focused.label}>
          {focused.label}
        </span>
      </p>
      <button type="button" onClick={() => onTargetChange(null)} className="shrink-0 text-sm font-medium text-indigo-600 hover:text-indigo-500">
        Show all comments
      </button>
    </div>
  );

  const footer = canComment ? (
    <CommentComposer
      hint={`Posting on ${!focused || focused.kind === "Map" ? "the whole map" : `“${focused.label}”`}.`}
      resetKey={targetKey}
      submit={(text) => post.mutateAsync({ orgSlug, mapId, ...postTo, body: text })}
      members={members.data ?? []}
      onPosted={() => {
        stickToBottom.current = true;
        void queryClient.invalidateQueries({ queryKey: trpc.comment.list.queryKey({ orgSlug, mapId }) });
        // The canvas shows comment counts, and the history lists the comment.
        void queryClient.invalidateQueries({ queryKey: trpc.journeyMap.get.queryKey({ orgSlug, mapId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.journeyMap.history.pathKey() });
      }}
    />
  ) : (
    <p className="text-xs text-slate-500">You can read comments on this map but not write them.</p>
  );

  return (
    <SidePanel
      title="Comments"
      onClose={onClose}
      subheader={subheader}
      footer={footer}
      bodyRef={body}
      onBodyScroll={(event) => {
        const el = event.currentTarget;
        stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_PX;
      }}
    >
      {comments.isPending ? (
        <p className="px-4 py-6 text-sm text-slate-500">Loading comments…</p>
      ) : !comments.data ? (
        <div className="p-4">
          <FormAlert>{readError(comments.error).message}</FormAlert>
        </div>
      ) : shown.length === 0 ? (
        <EmptyState
          icon={<MessageIcon className="size-5" />}
          title={focused ? `No comments on this ${focused.kind.toLowerCase()} yet` : "No comments yet"}
          description={canComment ? "Ask a question or note what you see. Type @ and a name to bring a teammate in." : "Comments from your team will appear here."}
        />
      ) : (
        <ol aria-label={focused ? `Comments on ${focused.label}` : "All comments"} className="space-y-1 px-2 py-3">
          {shown.map((comment) => {
            // Labelled when it is not about the focused target itself (all comments, or an obstacle's under its touchpoint).
            const about = !target || (comment.obstacleId && !target.obstacleId) ? aboutOf(canvas, comment) : null;
            return (
              <CommentItem
                key={comment.id}
                authorName={comment.authorName}
                createdAt={comment.createdAt}
                body={comment.body}
                names={memberNames}
                note={about && <AboutLabel about={about} onFocus={onTargetChange} />}
                className="py-2.5"
              />
            );
          })}
        </ol>
      )}
    </SidePanel>
  );
}

/** "On touchpoint Checkout": focuses that target when clicked, unless it is gone from the map. */
function AboutLabel({ about, onFocus }: { about: About; onFocus: (target: CommentTarget) => void }) {
  const { target } = about;
  if (!target) return <p className="mt-0.5 truncate text-xs text-slate-500">On {about.label}</p>;
  return (
    <button
      type="button"
      onClick={() => onFocus(target)}
      title={about.kind === "Map" ? "Show only the comments on the map itself" : `Show only the comments on ${about.label}`}
      className="mt-0.5 block max-w-full truncate rounded text-left text-xs text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <span className="text-slate-500">{about.kind === "Map" ? "On the map" : `On ${about.kind.toLowerCase()}`}</span>{" "}
      {about.kind !== "Map" && <span className="font-medium">{about.label}</span>}
    </button>
  );
}
