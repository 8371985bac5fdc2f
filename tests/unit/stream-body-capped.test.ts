// A streamed upload body stops at its cap: refused unread when the declared length is over,
// and cut off with BodyTooLargeError once an undeclared body passes it (the rest not pulled).
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, streamBodyCapped } from "@/server/http/body-limit";

function body(chunks: number, size: number, headers: Record<string, string> = {}) {
  const stats = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= chunks) return controller.close();
      stats.pulled++;
      controller.enqueue(new Uint8Array(size));
    },
  });
  // @ts-expect-error Node's fetch needs duplex for a stream body; the DOM types lack it.
  const request = new Request("http://localhost/upload", { method: "POST", body: stream, headers, duplex: "half" });
  return { request, stats };
}

async function drain(chunks: AsyncIterable<Uint8Array>) {
  let total = 0;
  for await (const chunk of chunks) total += chunk.byteLength;
  return total;
}

describe("streamBodyCapped", () => {
  it("passes a body under the cap through whole", async () => {
    const { request } = body(4, 100);
    const capped = streamBodyCapped(request, 1000);
    expect(capped.ok).toBe(true);
    if (capped.ok) expect(await drain(capped.chunks)).toBe(400);
  });

  it("refuses a declared length over the cap before reading", () => {
    const { request, stats } = body(100, 100, { "content-length": "10000" });
    expect(streamBodyCapped(request, 1000)).toEqual({ ok: false, reason: "too-large" });
    expect(stats.pulled).toBeLessThanOrEqual(1);
  });

  it("throws once an undeclared body passes the cap, without pulling the rest", async () => {
    const { request, stats } = body(1000, 100);
    const capped = streamBodyCapped(request, 1000);
    if (!capped.ok) throw new Error("expected a stream");
    await expect(drain(capped.chunks)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(stats.pulled).toBeLessThan(20);
  });
});
