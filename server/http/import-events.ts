// An import's answer as NDJSON, so the browser can show the server's progress while a large
// file is read: {"type":"progress","rows":n} lines, then {"type":"outcome",…} or
// {"type":"error","error":{code,message}}. The status is 200 once streaming starts, so
// failures travel in the last line.
import { DomainError } from "../services/errors";
import { GENERIC_ERROR_MESSAGE } from "../trpc/errors";
import { BodyTooLargeError } from "./body-limit";

export type ImportEvent =
  | { type: "progress"; rows: number }
  | { type: "outcome"; outcome: unknown }
  | { type: "error"; error: { code: string; message: string; fieldErrors: Record<string, string[]> | null } };

export function importEventStream(run: (onProgress: (progress: { rows: number }) => void) => Promise<unknown>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent) => controller.enqueue(encoder.encode(JSON.stringify(event) + "\n"));
      try {
        const outcome = await run(({ rows }) => send({ type: "progress", rows }));
        send({ type: "outcome", outcome });
      } catch (error) {
        send({ type: "error", error: errorOf(error) });
      } finally {
        controller.close();
      }
    },
  });
}

function errorOf(error: unknown): Extract<ImportEvent, { type: "error" }>["error"] {
  if (error instanceof DomainError) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors ?? null };
  if (error instanceof BodyTooLargeError) return { code: "PAYLOAD_TOO_LARGE", message: error.message, fieldErrors: null };
  console.error("[imports] upload failed", error);
  return { code: "INTERNAL_SERVER_ERROR", message: GENERIC_ERROR_MESSAGE, fieldErrors: null };
}
