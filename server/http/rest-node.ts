// The start script's HTTP server answers the public REST API (/api/v1) itself, with the same
// endpoints and adapter as Next's route files (rest-endpoints.ts): Next's routing and request
// wrapping cost about as much CPU per request as storing a live-feed response does, and the
// live feed is many small requests. Paths and methods it does not know go on to Next (404/405).
import type http from "node:http";
import { REST_ROUTES, type RestRouteName } from "./rest-routes";
import { restEndpoint } from "./rest-endpoints";

type Endpoint = (request: Request) => Promise<Response>;

const ROUTES = (Object.keys(REST_ROUTES) as RestRouteName[]).map((name) => {
  const [method, path] = name.split(" ") as [string, string];
  // "[findingId]" matches one path segment, as in Next's file routes.
  const pattern = new RegExp(`^${path.replace(/\[[^\]/]+\]/g, "[^/]+")}/?$`);
  return { method, pattern, endpoint: restEndpoint(name) };
});

/** The endpoint serving this method and path, or null when Next should answer. */
export function restEndpointFor(method: string | undefined, url: string | undefined): Endpoint | null {
  if (!url?.startsWith("/api/v1/")) return null;
  const pathname = url.split("?", 1)[0]!;
  return ROUTES.find((route) => route.method === method && route.pattern.test(pathname))?.endpoint ?? null;
}

/** What is read and dropped of a refused body after its answer, before the connection is closed. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

interface BodyState {
  /** The body has not been read to its end. */
  unread: boolean;
  /** The endpoint stopped reading it (cancelled the stream). */
  cancelled: boolean;
}

/**
 * The request's body as a web stream that reads from the socket only when pulled. Cancelling
 * it (the adapter does for a refused request: a 401, or a body over the limit) stops reading
 * without destroying the socket, so the answer still reaches the client.
 */
function bodyOf(req: http.IncomingMessage, state: BodyState): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk: Buffer) => {
          if (state.cancelled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on("end", () => {
          state.unread = false;
          if (!state.cancelled) controller.close();
        });
        req.on("error", (error) => {
          if (!state.cancelled) controller.error(error);
        });
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        state.cancelled = true;
        req.pause();
      },
    },
    { highWaterMark: 4 },
  );
}

/** Answers the request with the endpoint: a web Request in, its Response written back. */
export async function serveRest(endpoint: Endpoint, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const state: BodyState = { unread: req.method !== "GET" && req.method !== "HEAD", cancelled: false };
  let response: Response;
  try {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    const request = new Request(new URL(req.url!, "http://localhost"), {
      method: req.method,
      headers,
      body: state.unread ? bodyOf(req, state) : undefined,
      // @ts-expect-error Node's fetch needs it for a streamed body; the DOM types lack it.
      duplex: "half",
    });
    response = await endpoint(request);
  } catch {
    // The adapter maps every error of an endpoint; this is a request Node cannot even represent.
    response = Response.json({ error: { code: "BAD_REQUEST", message: "The request is malformed." } }, { status: 400 });
  }
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body) {
    res.end();
    dropUnreadBody(req, state);
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // A client gone mid-answer: stop, instead of waiting for a drain that never comes.
      if (!res.write(value)) await new Promise((resolve) => (res.once("drain", resolve), res.once("close", resolve)));
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
    }
    res.end();
    dropUnreadBody(req, state);
  } catch {
    res.destroy();
  }
}

/**
 * A body refused before it was read to its end: once the answer is written, the rest is read
 * and dropped, so a client that stops sending keeps its connection; past DRAIN_LIMIT_BYTES the
 * connection is closed. (Closing at once, with the client's bytes unread, makes TCP reset the
 * connection, and the client may lose the answer.)
 */
function dropUnreadBody(req: http.IncomingMessage, state: BodyState) {
  if (!state.unread) return;
  state.cancelled = true;
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
}
