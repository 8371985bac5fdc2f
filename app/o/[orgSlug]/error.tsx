"use client";
// Inside an organization the shell stays, and only the page area shows the error.
import { ErrorPanel } from "@/app/_components/error-panel";

export default function OrgError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel {...props} />;
}
