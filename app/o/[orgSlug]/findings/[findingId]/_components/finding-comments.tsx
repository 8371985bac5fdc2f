"use client";
// The finding's comments, oldest first, each with its author, time and body (mentions
// highlighted by the rule the server notifies with), and the composer for those who may
// edit findings. Posting refreshes the server-rendered page (the findings' one caching model).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { CommentComposer } from "@/app/_components/comments/comment-composer";
import { CommentItem } from "@/app/_components/comments/comment-item";
import { MessageIcon } from "@/app/_components/icons";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { useTRPC } from "@/lib/trpc";
import type { Person } from "../../_lib/types";

export interface FindingComment {
  id: string;
  authorName: string | null;
  createdAt: Date;
  body: string;
}

interface FindingCommentsProps {
  orgSlug: string;
  findingId: string;
  comments: FindingComment[];
  people: Person[];
  canComment: boolean;
}

export function FindingComments({ orgSlug, findingId, comments, people, canComment }: FindingCommentsProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const post = useMutation(trpc.finding.comment.mutationOptions());
  const names = people.map((p) => p.name);

  return (
    <Card>
      <CardHeader title={`Comments (${comments.length})`} description={canComment ? "Type @ and a name to bring a teammate in; they are notified." : "Members and above can comment."} />
      {comments.length === 0 ? (
        <EmptyState icon={<MessageIcon className="size-5" />} title="No comments yet" description="Questions, findings on the ground and decisions go here." className="py-6" />
      ) : (
        <ol aria-label="Comments" className="space-y-1 px-3 py-3">
          {comments.map((comment) => (
            <CommentItem key={comment.id} authorName={comment.authorName} createdAt={comment.createdAt} body={comment.body} names={names} className="py-2" />
          ))}
        </ol>
      )}
      {canComment && (
        <div className="border-t border-slate-100 px-5 py-4">
          <CommentComposer
            hint="Posting on this finding."
            members={people}
            submit={(body) => post.mutateAsync({ orgSlug, findingId, body })}
            onPosted={() => router.refresh()}
          />
        </div>
      )}
    </Card>
  );
}
