"use client";
// The error boundary for pages outside an organization.
import { CenteredPage } from "./_components/centered-page";
import { ErrorPanel } from "./_components/error-panel";

export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <CenteredPage>
      <ErrorPanel {...props} />
    </CenteredPage>
  );
}
