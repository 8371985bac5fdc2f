"use client";
// What an error boundary shows: an apology, a retry, and the digest support can look up.
import { AlertIcon } from "./icons";
import { Button, ButtonLink } from "./ui/button";
import { EmptyState } from "./ui/empty-state";

export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <EmptyState
        icon={<AlertIcon className="size-5" />}
        title="Something went wrong"
        description="This page could not be loaded. It is usually temporary: try again, and if it keeps happening, let us know."
        className="py-12"
      >
        <Button onClick={reset}>Try again</Button>
        <ButtonLink href="/" variant="secondary">
          Go to Waymark
        </ButtonLink>
      </EmptyState>
      {error.digest && <p className="pb-5 text-center text-xs text-slate-400">Reference: {error.digest}</p>}
    </div>
  );
}
