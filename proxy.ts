// Runs before every page, server action and /api/auth request: refuses cross-site writes
// and sets the security headers, with a fresh script nonce per response. /api/trpc (and the
// survey upload route, /api/imports) is left
// out (see its route handler): Next buffers a body for the proxy before anything can
// refuse it, and that route refuses oversized bodies unread.
import { NextResponse, type NextRequest } from "next/server";
import { declaredLength, formatBytes } from "@/server/http/body-limit";
import { crossOriginRefused, payloadTooLarge } from "@/server/http/error-response";
import { isSameOriginRequest, originSettingsFromEnv } from "@/server/http/same-origin";
import { applyHeaders, newNonce, pageContentSecurityPolicy, securityHeaders } from "@/server/http/security-headers";
import { BODY_LIMITS } from "@/server/schemas/limits";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const contentSecurityPolicy = pageContentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  const headers = securityHeaders({
    contentSecurityPolicy,
    production: process.env.NODE_ENV === "production",
    noReferrer: request.nextUrl.pathname.startsWith("/share/"),
  });

  // Server actions are POSTs to page URLs (with a Next-Action header); all writes are checked alike.
  if (!isSameOriginRequest(request, originSettingsFromEnv())) return crossOriginRefused(headers);
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > BODY_LIMITS.default) return payloadTooLarge(formatBytes(BODY_LIMITS.default), headers);

  // Next reads the nonce for its own scripts from the policy on the request.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", contentSecurityPolicy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  applyHeaders(response.headers, headers);
  return response;
}

export const config = {
  // Everything except the routes that cap and check their own bodies and set their own headers
  // (/api/trpc, the REST API /api/v1 — see server/http/rest.ts —, and the survey uploads
  // /api/imports, whose 200 MB stream the proxy would hold in memory), and the build's static files.
  matcher: ["/((?!api/trpc|api/v1|api/imports|_next/static|_next/image).*)"],
};
