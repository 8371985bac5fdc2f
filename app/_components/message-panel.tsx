// A page-sized message in a white panel, where a page cannot be shown: not found, or an error.
import type { ComponentProps, ReactNode } from "react";
import { EmptyState } from "./ui/empty-state";

type MessagePanelProps = Omit<ComponentProps<typeof EmptyState>, "className"> & {
  /** A line under the message, inside the panel (an error's reference). */
  footnote?: ReactNode;
};

export function MessagePanel({ footnote, ...message }: MessagePanelProps) {
  return (
    <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <EmptyState {...message} className="py-12" />
      {footnote}
    </div>
  );
}
