import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { payloadTooLarge, crossOriginRefused } from "@/server/http/error-response";
import { formatBytes, readBodyCapped } from "@/server/http/body-limit";
import { isSameOriginRequest, originSettingsFromEnv } from "@/server/http/same-origin";
import { API_CONTENT_SECURITY_POLICY, applyHeaders, securityHeaders } from "@/server/http/security-headers";
import { trpcBodyLimit } from "@/server/http/trpc-body-limit";
import { TRPC_MAX_BATCH_SIZE } from "@/server/schemas/limits";
import { appRouter } from "@/server/trpc/root";
import { createRequestContext } from "@/server/trpc/server";

export const dynamic = "force-dynamic";

const ENDPOINT = "/api/trpc";

// proxy.ts leaves this route alone: Next buffers a request body for the proxy before
// anything can refuse it, and here the body must be refused before it is read. So the
// cross-site check and the headers the proxy gives other routes are applied here.
async function handler(req: Request): Promise<Response> {
  const headers = securityHeaders({ contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, production: process.env.NODE_ENV === "production" });
  if (!isSameOriginRequest(req, originSettingsFromEnv())) return crossOriginRefused(headers);

  let request = req;
  if (req.method !== "GET" && req.method !== "HEAD") {
    const maxBytes = trpcBodyLimit(req.url, ENDPOINT);
    const body = await readBodyCapped(req, maxBytes);
    if (!body.ok) return payloadTooLarge(formatBytes(maxBytes), headers);
    request = new Request(req.url, { method: req.method, headers: req.headers, body: body.bytes, signal: req.signal });
  }

  const response = await fetchRequestHandler({
    endpoint: ENDPOINT,
    req: request,
    router: appRouter,
    createContext: createRequestContext,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
  });
  applyHeaders(response.headers, headers);
  return response;
}

export { handler as GET, handler as POST };
