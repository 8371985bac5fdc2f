// Talking to the upload route from the browser. The file goes by XMLHttpRequest, the only
// browser API that reports upload progress; the answer is NDJSON read as it arrives, so
// the server's own progress (rows read) shows while it works.
import type { ImportEvent } from "@/server/http/import-events";
import { MAPPING_HEADER } from "@/server/schemas/survey";
import type { ColumnMapping } from "@/server/schemas/survey-mapping";

/** The preview reads the file's first megabyte (the route's cap). */
export const PREVIEW_SLICE_BYTES = 1024 * 1024;

export interface UploadError {
  code: string;
  message: string;
}

const uploadUrl = (orgSlug: string, query: Record<string, string>) => `/api/imports/${encodeURIComponent(orgSlug)}?${new URLSearchParams(query)}`;

async function errorOf(response: Response): Promise<UploadError> {
  const body = (await response.json().catch(() => null)) as { error?: UploadError } | null;
  return body?.error ?? { code: String(response.status), message: `The upload failed (HTTP ${response.status}).` };
}

export async function requestPreview<T>(orgSlug: string, surveyId: string, file: File): Promise<{ ok: true; preview: T } | { ok: false; error: UploadError }> {
  const slice = file.slice(0, PREVIEW_SLICE_BYTES);
  const truncated = file.size > PREVIEW_SLICE_BYTES ? "1" : "0";
  const response = await fetch(uploadUrl(orgSlug, { survey: surveyId, mode: "preview", truncated }), { method: "POST", body: slice, headers: { "content-type": "text/csv" } });
  if (!response.ok) return { ok: false, error: await errorOf(response) };
  return { ok: true, preview: (await response.json()) as T };
}

export interface SendCallbacks {
  onUploadProgress: (sent: number, total: number) => void;
  onRows: (rows: number) => void;
}

/** Sends the whole file for a dry run or an import; resolves with the final event (outcome or error). */
export function sendFile(
  orgSlug: string,
  input: { surveyId: string; file: File; mode: "dry-run" | "import"; mapping: ColumnMapping; skipInvalid: boolean },
  callbacks: SendCallbacks,
): Promise<Exclude<ImportEvent, { type: "progress" }>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const query = { survey: input.surveyId, mode: input.mode, fileName: input.file.name.slice(0, 255), skipInvalid: input.skipInvalid ? "1" : "0" };
    xhr.open("POST", uploadUrl(orgSlug, query));
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.setRequestHeader(MAPPING_HEADER, encodeURIComponent(JSON.stringify(input.mapping)));
    xhr.upload.onprogress = (event) => callbacks.onUploadProgress(event.loaded, event.lengthComputable ? event.total : input.file.size);
    let read = 0;
    let last: Exclude<ImportEvent, { type: "progress" }> | null = null;
    const drain = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n");
      if (end < read) return;
      for (const line of text.slice(read, end).split("\n")) {
        if (!line.trim()) continue;
        try {
          const event = JSON.parse(line) as ImportEvent;
          if (event.type === "progress") callbacks.onRows(event.rows);
          else last = event;
        } catch {
          // A non-JSON answer (an error page) is reported on load.
        }
      }
      read = end + 1;
    };
    xhr.onprogress = drain;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let error: UploadError = { code: String(xhr.status), message: `The upload failed (HTTP ${xhr.status}).` };
        try {
          error = (JSON.parse(xhr.responseText) as { error: UploadError }).error ?? error;
        } catch {
          // Not JSON (a proxy's error page): the status line says enough.
        }
        return resolve({ type: "error", error: { ...error, fieldErrors: null } });
      }
      drain();
      resolve(last ?? { type: "error", error: { code: "INCOMPLETE", message: "The server stopped answering before the import finished.", fieldErrors: null } });
    };
    xhr.onerror = () => resolve({ type: "error", error: { code: "NETWORK", message: "The connection broke during the upload. Nothing was stored; try again.", fieldErrors: null } });
    xhr.send(input.file);
  });
}
