"use client";
// The upload wizard: choose a file → check the proposed mapping → dry run (the whole file,
// nothing stored) → import with progress → the counts and an error report. The file goes
// to the upload route by XMLHttpRequest (streamed; tRPC caps bodies at 1 MB).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { EXPORT_LAYOUT_LABELS } from "@/db/survey-constants";
import type { ImportRowError } from "@/db/schema/surveys";
import type { DraftMapping } from "@/server/ingest/mapping-proposal";
import type { ResponseRow } from "@/server/ingest/response-rows";
import { columnMappingSchema } from "@/server/schemas/survey-mapping";
import type { ExportPreview } from "@/server/services/export-preview";
import { UploadIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { FormAlert } from "@/app/_components/ui/field";
import { requestPreview, sendFile, type UploadError } from "../_lib/upload";
import { ErrorReportLink } from "./error-report-link";
import { MappingEditor, type TouchpointChoice } from "./mapping-editor";
import { ProgressBar } from "./progress-bar";

/** What the server answers for a dry run or an import (dates arrive as strings). */
interface Outcome {
  status: "succeeded" | "rejected";
  rows: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  errors: ImportRowError[];
  durationMs: number;
  sample: (Omit<ResponseRow, "submittedAt"> & { submittedAt: string })[];
}

type Step =
  | { name: "choose" }
  | { name: "map"; file: File; preview: ExportPreview }
  | { name: "sending"; file: File; preview: ExportPreview; mode: "dry-run" | "import"; sent: number; total: number; rows: number }
  | { name: "checked"; file: File; preview: ExportPreview; outcome: Outcome }
  | { name: "done"; file: File; outcome: Outcome };

const MAX_FILE_BYTES = 200 * 1024 * 1024;
const SHOWN_ERRORS = 50;

const DELIMITER_LABELS: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

export function UploadWizard({ orgSlug, surveyId, surveyName, touchpoints }: { orgSlug: string; surveyId: string; surveyName: string; touchpoints: TouchpointChoice[] }) {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ name: "choose" });
  const [draft, setDraft] = useState<DraftMapping | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [error, setError] = useState<UploadError | null>(null);
  const [reading, setReading] = useState(false);

  async function choose(file: File | undefined) {
    setError(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setError({ code: "PAYLOAD_TOO_LARGE", message: `${file.name} is larger than 200 MB.` });
    setReading(true);
    const answer = await requestPreview<ExportPreview>(orgSlug, surveyId, file).finally(() => setReading(false));
    if (!answer.ok) return setError(answer.error);
    setDraft(answer.preview.savedMapping ?? answer.preview.proposal.draft);
    setStep({ name: "map", file, preview: answer.preview });
  }

  async function send(mode: "dry-run" | "import") {
    if (step.name !== "map" && step.name !== "checked") return;
    const parsed = columnMappingSchema.safeParse(draft);
    if (!parsed.success) return setError({ code: "VALIDATION", message: parsed.error.issues[0]?.message ?? "Complete the mapping." });
    setError(null);
    const { file, preview } = step;
    setStep({ name: "sending", file, preview, mode, sent: 0, total: file.size, rows: 0 });
    const last = await sendFile(orgSlug, { surveyId, file, mode, mapping: parsed.data, skipInvalid }, {
      onUploadProgress: (sent, total) => setStep((s) => (s.name === "sending" ? { ...s, sent, total } : s)),
      onRows: (rows) => setStep((s) => (s.name === "sending" ? { ...s, rows } : s)),
    });
    if (last.type === "error") {
      setError(last.error);
      return setStep({ name: "map", file, preview });
    }
    const outcome = last.outcome as Outcome;
    if (mode === "dry-run") return setStep({ name: "checked", file, preview, outcome });
    setStep({ name: "done", file, outcome });
    router.refresh();
  }

  const restart = () => {
    setStep({ name: "choose" });
    setError(null);
  };

  return (
    <Card>
      <CardHeader title="Upload responses" description={`A CSV or TSV export (up to 200 MB) from Qualtrics, SurveyMonkey, Google Forms, Typeform or any tool, into “${surveyName}”.`} />
      <CardBody className="space-y-5 py-5">
        <Steps current={step.name} />
        {error && <FormAlert>{error.message}</FormAlert>}

        {step.name === "choose" && (
          <label
            className="flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed border-slate-300 px-6 py-10 text-center hover:border-indigo-400"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (!reading) void choose(e.dataTransfer.files[0]);
            }}
          >
            <UploadIcon className="size-6 text-indigo-600" />
            <span className="text-sm font-medium text-slate-900">{reading ? "Reading the file…" : "Drop a CSV or TSV file here, or choose one"}</span>
            <span className="text-xs text-slate-500">Nothing is stored until you confirm the mapping and import.</span>
            <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" className="sr-only" aria-label="Survey export file" disabled={reading} onChange={(e) => choose(e.target.files?.[0])} />
          </label>
        )}

        {/* The check's findings first: the mapping they came from stays below, to fix and check again. */}
        {step.name === "checked" && <DryRunReport outcome={step.outcome} touchpoints={touchpoints} />}

        {(step.name === "map" || step.name === "checked" || step.name === "sending") && draft && (
          <>
            <FileFacts file={step.file} preview={step.preview} />
            {step.name !== "sending" && (
              <>
                <MappingEditor draft={draft} columns={step.preview.columns} touchpoints={touchpoints} reasons={step.preview.proposal.reasons} onChange={setDraft} />
                <FirstRows preview={step.preview} />
              </>
            )}
          </>
        )}

        {step.name === "sending" && (
          <div className="space-y-3" aria-live="polite">
            <ProgressBar label={step.sent < step.total ? "Uploading" : "Uploaded"} value={step.total ? step.sent / step.total : 0} detail={`${formatMb(step.sent)} of ${formatMb(step.total)}`} />
            <ProgressBar
              label={step.mode === "dry-run" ? "Checking every row" : "Importing"}
              value={step.sent >= step.total ? null : 0}
              detail={`${counted(step.rows, "row")} read`}
            />
          </div>
        )}

        {step.name === "done" && <ImportReport outcome={step.outcome} fileName={step.file.name} />}

        {(step.name === "map" || step.name === "checked") && (
          <div className="flex flex-col gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:items-center sm:justify-between">
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} className="size-4 rounded border-slate-300" />
              Import the valid rows and skip the rest
            </label>
            <div className="flex flex-wrap gap-2">
              <Button variant="ghost" onClick={restart}>
                Choose another file
              </Button>
              <Button variant="secondary" onClick={() => send("dry-run")}>
                {step.name === "checked" ? "Check again" : "Check the whole file"}
              </Button>
              <Button onClick={() => send("import")}>Import</Button>
            </div>
          </div>
        )}
        {step.name === "done" && (
          <div className="flex justify-end border-t border-slate-200 pt-4">
            <Button variant="secondary" onClick={restart}>
              Upload another file
            </Button>
          </div>
        )}
      </CardBody>
    </Card>
  );
}

const STEP_LABELS = [
  ["choose", "File"],
  ["map", "Mapping"],
  ["checked", "Check"],
  ["done", "Import"],
] as const;

function Steps({ current }: { current: Step["name"] }) {
  const index = current === "sending" ? 2 : STEP_LABELS.findIndex(([name]) => name === current);
  return (
    <ol className="flex gap-2 text-xs font-medium" aria-label="Steps">
      {STEP_LABELS.map(([name, label], i) => (
        <li key={name} aria-current={i === index ? "step" : undefined} className={`flex-1 rounded-md px-2 py-1.5 text-center ring-1 ring-inset ${i === index ? "bg-indigo-50 text-indigo-700 ring-indigo-200" : i < index ? "bg-slate-50 text-slate-600 ring-slate-200" : "text-slate-400 ring-slate-200"}`}>
          <span className="hidden sm:inline">{i + 1}. </span>
          {label}
        </li>
      ))}
    </ol>
  );
}

/** "1 row", "12,345 rows". */
const counted = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${n === 1 ? noun : `${noun}s`}`;

const formatMb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`);

function FileFacts({ file, preview }: { file: File; preview: ExportPreview }) {
  return (
    <div className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
      <p className="font-medium text-slate-900 break-all">{file.name}</p>
      <p className="mt-1">
        {EXPORT_LAYOUT_LABELS[preview.layout]} export · {preview.encoding} · {DELIMITER_LABELS[preview.delimiter] ?? preview.delimiter}-separated · {preview.columns.length} columns · {formatMb(file.size)}
      </p>
      {preview.savedMapping && <p className="mt-1 text-slate-600">The mapping saved from this survey&apos;s last import is filled in.</p>}
      {[...preview.notes, ...preview.proposal.warnings].map((note) => (
        <p key={note} className="mt-1 text-amber-800">
          {note}
        </p>
      ))}
    </div>
  );
}

function FirstRows({ preview }: { preview: ExportPreview }) {
  if (preview.rows.length === 0) return null;
  return (
    <details className="rounded-md ring-1 ring-slate-200">
      <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-700">The file&apos;s first {preview.rows.length} rows</summary>
      <div className="overflow-x-auto">
        <table className="min-w-full text-xs">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-2 py-1.5">Line</th>
              {preview.columns.map((c) => (
                <th key={c.name} className="max-w-48 truncate px-2 py-1.5" title={c.question ?? c.name}>
                  {c.letter} {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.rows.map((row) => (
              <tr key={row.line}>
                <td className="px-2 py-1 text-slate-500">{row.line}</td>
                {preview.columns.map((c, i) => (
                  <td key={c.name} className="max-w-48 truncate px-2 py-1">
                    {row.fields[i] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Counts({ items }: { items: [string, number | string][] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-inset ring-slate-200">
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="text-lg font-semibold text-slate-900 tabular-nums">{typeof value === "number" ? value.toLocaleString("en-US") : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Problems({ outcome }: { outcome: Outcome }) {
  if (outcome.errors.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">Problems by line and column</h3>
      <ul className="mt-2 max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md text-sm ring-1 ring-slate-200" aria-label="Problems">
        {outcome.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
          <li key={i} className="px-3 py-1.5">
            <span className="font-medium text-slate-900">Line {e.line}</span>
            {e.column && <span className="text-slate-600">, column {e.column}</span>}: {e.message}
          </li>
        ))}
      </ul>
      {outcome.rejected > SHOWN_ERRORS && <p className="mt-1 text-xs text-slate-500">The first {SHOWN_ERRORS} are shown; the error report has {outcome.errors.length < outcome.rejected ? `the first ${outcome.errors.length}` : "them all"}.</p>}
    </div>
  );
}

function DryRunReport({ outcome, touchpoints }: { outcome: Outcome; touchpoints: TouchpointChoice[] }) {
  const touchpointName = new Map(touchpoints.map((t) => [t.id, t.name]));
  const clean = outcome.rejected === 0;
  return (
    <div className="space-y-4">
      <FormAlert tone={clean ? "success" : "error"}>
        {clean
          ? `Every row reads correctly: ${outcome.inserted.toLocaleString("en-US")} new, ${outcome.duplicates.toLocaleString("en-US")} already imported. Nothing was stored yet.`
          : `${outcome.rejected.toLocaleString("en-US")} of ${outcome.rows.toLocaleString("en-US")} rows have problems. Nothing was stored. Fix the file or the mapping, or import the valid rows and skip the rest.`}
      </FormAlert>
      <Counts items={[["Rows", outcome.rows], ["New", outcome.inserted], ["Already imported", outcome.duplicates], ["With problems", outcome.rejected]]} />
      <Problems outcome={outcome} />
      {outcome.sample.length > 0 && (
        <div className="overflow-x-auto rounded-md ring-1 ring-slate-200">
          <table className="min-w-full text-xs" aria-label="Rows as they will be stored">
            <caption className="px-3 py-2 text-left text-sm font-semibold text-slate-900">The first rows as they will be stored</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                {["Response id", "Submitted", "Touchpoint", "CSAT", "NPS", "CES", "Channel", "Comment"].map((h) => (
                  <th key={h} className="px-2 py-1.5">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {outcome.sample.slice(0, 10).map((r) => (
                <tr key={r.externalId}>
                  <td className="max-w-40 truncate px-2 py-1">{r.externalId}</td>
                  <td className="px-2 py-1 whitespace-nowrap">{new Date(r.submittedAt).toISOString().replace("T", " ").slice(0, 16)} UTC</td>
                  <td className="px-2 py-1 whitespace-nowrap">{touchpointName.get(r.touchpointId) ?? "—"}</td>
                  <td className="px-2 py-1">{r.csat ?? "—"}</td>
                  <td className="px-2 py-1">{r.nps ?? "—"}</td>
                  <td className="px-2 py-1">{r.ces ?? "—"}</td>
                  <td className="px-2 py-1">{r.channel ?? "—"}</td>
                  <td className="max-w-64 truncate px-2 py-1">{r.comment ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ImportReport({ outcome, fileName }: { outcome: Outcome; fileName: string }) {
  const message =
    outcome.status === "rejected"
      ? `Nothing was imported: ${counted(outcome.rejected, "row")} ${outcome.rejected === 1 ? "has" : "have"} problems, and the import is all-or-nothing.`
      : outcome.inserted === 0 && outcome.duplicates > 0
        ? `Nothing new: ${counted(outcome.duplicates, "duplicate")}. Every response in this file was imported before.`
        : `Imported ${counted(outcome.inserted, "response")}.${outcome.duplicates > 0 ? ` ${counted(outcome.duplicates, "duplicate")} skipped.` : ""}`;
  return (
    <div className="space-y-4">
      <FormAlert tone={outcome.status === "rejected" ? "error" : "success"}>{message}</FormAlert>
      <Counts items={[["Inserted", outcome.inserted], ["Duplicates skipped", outcome.duplicates], ["Rejected", outcome.rejected], ["Time taken", `${(outcome.durationMs / 1000).toFixed(1)} s`]]} />
      <Problems outcome={outcome} />
      {outcome.errors.length > 0 && <ErrorReportLink errors={outcome.errors} fileName={fileName} />}
    </div>
  );
}
