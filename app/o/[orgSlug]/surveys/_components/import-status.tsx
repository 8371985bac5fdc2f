// An import's status as a badge.
import { Badge } from "@/app/_components/ui/badge";

const TONES = { succeeded: "emerald", rejected: "red", failed: "red", running: "indigo" } as const;
const LABELS = { succeeded: "Imported", rejected: "Rejected", failed: "Failed", running: "Running" } as const;

export function ImportStatus({ status }: { status: keyof typeof TONES }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
