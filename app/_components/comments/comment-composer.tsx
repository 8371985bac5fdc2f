"use client";
// Writing a comment (on a journey map or a finding): a textarea that completes "@Ma…" to a
// member's full name (the form the server recognises as a mention), posted with the button or
// Ctrl/⌘+Enter. Where the comment goes is the caller's `submit`; the composer owns the draft,
// the completions and the body's validation (one rule for every comment).
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { z } from "zod";
import { listOf } from "@/lib/format";
import { commentBodySchema } from "@/server/schemas/collaboration";
import { Button } from "@/app/_components/ui/button";
import { TextAreaField } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { matchMembers, mentionQuery } from "./mentions";

const FIELDS = ["body"] as const;
const bodyInput = z.object({ body: commentBodySchema });

interface CommentComposerProps {
  /** The hint under the field, e.g. "Posting on the whole map." */
  hint: string;
  members: readonly { userId: string; name: string }[];
  /** Posts the body; resolves with the members the server notified. */
  submit: (body: string) => Promise<{ mentioned: readonly { name: string }[] }>;
  onPosted: () => void;
  /** When it changes (another target), an error about the last draft is cleared. */
  resetKey?: string;
}

export function CommentComposer({ hint, members, submit, onPosted, resetKey }: CommentComposerProps) {
  const toast = useToast();
  const listId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const [body, setBody] = useState("");
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  /** The "@" whose suggestions were dismissed with Escape. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const { errors, check, onError, reset } = useFormErrors(FIELDS);

  const mention = mentionQuery(body, caret);
  const suggestions = mention && mention.start !== dismissedAt ? matchMembers(members, mention.query) : [];
  const listOpen = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);

  // An error about the last target's draft does not belong to the next one.
  useEffect(() => reset(), [resetKey, reset]);

  // After inserting a name, put the caret after it (the DOM value changes on the next render).
  useEffect(() => {
    const position = pendingCaret.current;
    const field = wrapper.current?.querySelector("textarea");
    if (position === null || !field) return;
    pendingCaret.current = null;
    field.focus();
    field.setSelectionRange(position, position);
  }, [body]);

  const post = useMutation({
    mutationFn: submit,
    onSuccess: ({ mentioned }) => {
      reset();
      setBody("");
      setCaret(0);
      const names = mentioned.map((m) => m.name);
      toast.success(names.length > 0 ? `Comment posted. ${listOf(names)} ${names.length === 1 ? "was" : "were"} notified.` : "Comment posted");
      onPosted();
    },
    onError,
  });

  function send() {
    if (post.isPending) return;
    if (check(bodyInput, { body })) post.mutate(body);
  }

  function choose(member: { name: string }) {
    if (!mention) return;
    const inserted = `@${member.name} `;
    const next = body.slice(0, mention.start) + inserted + body.slice(caret);
    pendingCaret.current = mention.start + inserted.length;
    setBody(next);
    setCaret(mention.start + inserted.length);
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      send();
      return;
    }
    if (!listOpen || !mention) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      const member = suggestions[activeIndex];
      if (member) choose(member);
    } else if (event.key === "Escape") {
      // Closes the suggestions only, not the panel around the composer.
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(mention.start);
    }
  }

  const trackCaret = (field: HTMLTextAreaElement) => setCaret(field.selectionStart ?? field.value.length);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      className="space-y-2"
    >
      <div ref={wrapper} className="relative">
        <TextAreaField
          label="Comment"
          hideLabel
          name="body"
          rows={3}
          placeholder="Write a comment. Type @ to mention someone."
          value={body}
          errors={errors.body}
          hint={`${hint} Ctrl+Enter or ⌘+Enter to post.`}
          aria-autocomplete="list"
          aria-controls={listOpen ? listId : undefined}
          aria-activedescendant={listOpen ? `${listId}-${activeIndex}` : undefined}
          onChange={(event) => {
            setBody(event.target.value);
            trackCaret(event.target);
            setActive(0);
          }}
          onSelect={(event) => trackCaret(event.currentTarget)}
          onKeyDown={onKeyDown}
          onBlur={() => setDismissedAt(mention?.start ?? null)}
          onFocus={() => setDismissedAt(null)}
        />
        {listOpen && (
          <ul id={listId} role="listbox" aria-label="Mention a member" className="absolute right-0 bottom-full left-0 z-10 mb-1 max-h-56 overflow-y-auto rounded-lg bg-white py-1 shadow-lg ring-1 ring-slate-200">
            {suggestions.map((member, index) => (
              <li
                key={member.userId}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                // Keeps the focus (and the caret) in the textarea.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(member)}
                onMouseEnter={() => setActive(index)}
                className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm ${index === activeIndex ? "bg-indigo-50 text-indigo-900" : "text-slate-700"}`}
              >
                <span className="font-medium">{member.name}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex justify-end">
        <Button type="submit" size="sm" pending={post.isPending}>
          Comment
        </Button>
      </div>
    </form>
  );
}
