// Reading a request body without letting a client make the server hold more than a cap:
// a declared Content-Length over the cap is refused before a byte is read, and any other
// body is read through a counter that stops at the cap. Route handlers answer 413.

export type CappedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too-large" };

/** The declared body length, or null when absent or not a plain non-negative integer. */
export function declaredLength(headers: Headers): number | null {
  const value = headers.get("content-length");
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value);
}

/** The body, or too-large as soon as it passes maxBytes (the rest is never pulled). */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<CappedBody> {
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return { ok: false, reason: "too-large" };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(new ArrayBuffer(0)) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** Human-readable byte size for messages: "1 MB", "512 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Thrown by a capped body stream once the body passes its cap. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    /** What to do instead, added to the message. */
    readonly hint?: string,
  ) {
    super(`The request body is larger than ${formatBytes(maxBytes)}.${hint ? ` ${hint}` : ""}`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * For bodies too large to hold (file uploads): the body as a stream that throws
 * BodyTooLargeError once it passes maxBytes, or too-large at once when the declared length
 * says so (nothing read).
 */
export function streamBodyCapped(request: Request, maxBytes: number): { ok: true; chunks: AsyncIterable<Uint8Array> } | { ok: false; reason: "too-large" } {
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > maxBytes) {
    request.body?.cancel().catch(() => {});
    return { ok: false, reason: "too-large" };
  }
  const body = request.body;
  return {
    ok: true,
    chunks: (async function* () {
      if (!body) return;
      const reader = body.getReader();
      let total = 0;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          total += value.byteLength;
          if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
          yield value;
        }
      } finally {
        await reader.cancel().catch(() => {});
      }
    })(),
  };
}
