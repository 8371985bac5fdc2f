// A survey's imports, newest first: who (or which key) uploaded what, how it went and how
// long it took. One whose server died shows as failed (the list marks it so when read).
import { Card, CardHeader } from "@/app/_components/ui/card";
import { RelativeTime } from "@/app/_components/ui/relative-time";
import { ImportStatus } from "./import-status";

interface ImportSummary {
  id: string;
  source: "upload" | "api" | "cli";
  actorKind: "user" | "api_key" | "system";
  actorName: string | null;
  fileName: string | null;
  status: "running" | "succeeded" | "rejected" | "failed";
  rows: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  failure: string | null;
  startedAt: Date;
  durationMs: number | null;
}

const who = (i: ImportSummary) => (i.actorKind === "user" ? (i.actorName ?? "A former member") : i.actorKind === "api_key" ? "An API key" : "The operator CLI");
const SOURCES = { upload: "upload", api: "API", cli: "CLI" } as const;

export function ImportHistory({ imports }: { imports: ImportSummary[] }) {
  return (
    <Card className="overflow-hidden">
      <CardHeader title="Imports" description={imports.length === 0 ? "No file has been imported into this survey yet." : undefined} />
      {imports.length > 0 && (
        <ul aria-label="Imports" className="divide-y divide-slate-200">
          {imports.map((i) => (
            <li key={i.id} className="grid gap-1 px-4 py-3 text-sm sm:grid-cols-[1fr_auto] sm:items-center sm:px-6">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <ImportStatus status={i.status} />
                  <span className="truncate font-medium text-slate-900">{i.fileName ?? `${SOURCES[i.source]} import`}</span>
                </p>
                <p className="mt-0.5 text-slate-500">
                  {who(i)} · {SOURCES[i.source]} · <RelativeTime date={i.startedAt} />
                  {i.durationMs !== null && ` · ${(i.durationMs / 1000).toFixed(1)} s`}
                </p>
                {i.failure && <p className="mt-0.5 text-red-700">{i.failure}</p>}
              </div>
              <p className="text-slate-600 tabular-nums sm:text-right">
                {i.rows.toLocaleString("en-US")} rows · <span className="font-semibold text-slate-900">{i.inserted.toLocaleString("en-US")}</span> inserted · {i.duplicates.toLocaleString("en-US")} duplicates · {i.rejected.toLocaleString("en-US")} rejected
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
