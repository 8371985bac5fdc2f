"use client";
// What an error boundary shows: an apology, a retry, and the digest support can look up.
import { AlertIcon } from "./icons";
import { MessagePanel } from "./message-panel";
import { Button, ButtonLink } from "./ui/button";

export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <MessagePanel
      icon={<AlertIcon className="size-5" />}
      title="Something went wrong"
      description="This page could not be loaded. It is usually temporary: try again, and if it keeps happening, let us know."
      footnote={error.digest && <p className="pb-5 text-center text-xs text-slate-400">Reference: {error.digest}</p>}
    >
      <Button onClick={reset}>Try again</Button>
      <ButtonLink href="/" variant="secondary">
        Go to Waymark
      </ButtonLink>
    </MessagePanel>
  );
}
