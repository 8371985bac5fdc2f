// The response headers every page and API route carries: a Content-Security-Policy (scripts
// only with this response's nonce), no framing, no MIME sniffing, no powerful browser
// features, a careful Referer, and HSTS in production.

export interface PolicyOptions {
  /** A fresh random value per response; the scripts Next renders carry it. */
  nonce: string;
  /** `next dev` needs eval for React's dev tooling (error stacks rebuilt in the browser). */
  development: boolean;
}

/** The policy of a page: scripts by nonce only, nothing from other origins. */
export function pageContentSecurityPolicy({ nonce, development }: PolicyOptions): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': the chunks Next's nonced bootstrap loads are trusted through it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React renders style="…" attributes (board positions, colours) and a nonce cannot cover
    // attributes; with a nonce in the list browsers would also ignore 'unsafe-inline'. Styles
    // cannot run code, so inline styles stay allowed.
    "style-src 'self' 'unsafe-inline'",
    // data: and blob: for the PNG export (html-to-image draws the board through a data: SVG).
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API responses are data, never documents: they may load nothing and be framed nowhere. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

// Only features Chromium knows: an unknown one logs an error in every page's console.
const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
].join(", ");

export interface HeaderOptions {
  contentSecurityPolicy: string;
  production: boolean;
  /** The share page's address holds its token: it must not travel to other sites. */
  noReferrer?: boolean;
}

export function securityHeaders({ contentSecurityPolicy, production, noReferrer }: HeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy,
    "Referrer-Policy": noReferrer ? "no-referrer" : "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": PERMISSIONS_POLICY,
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    // Only where the app is served over HTTPS; a dev server on http://localhost must stay reachable.
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

export function applyHeaders(target: Headers, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) target.set(name, value);
}

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
