// A comment's body with its @mentions highlighted, by the same rule the server notifies with.
import { splitMentions } from "@/lib/mentions";

export function MentionedText({ body, names }: { body: string; names: readonly string[] }) {
  return (
    <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-700">
      {splitMentions(body, names).map((part, index) =>
        part.mention ? (
          <span key={index} className="rounded bg-indigo-50 px-0.5 font-medium text-indigo-700">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
