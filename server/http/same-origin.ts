// The cross-site write check: a browser attaches the user's cookie to a form post or fetch
// from any site, so a state-changing request that says it comes from another origin is
// refused, whatever the route. Requests without an Origin (curl, server-to-server) pass:
// they cannot carry a victim's browser cookie.

/** Methods that change nothing by contract, so any site may send them. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginSettings {
  /** The app's public origin when the operator set one (WAYMARK_ORIGIN or AUTH_URL). */
  appOrigin: string | null;
  /** Whether X-Forwarded-Host/-Proto come from a proxy the operator trusts. */
  trustProxy: boolean;
}

export interface RequestFacts {
  method: string;
  url: string;
  headers: Headers;
}

/** The origin the app is served from, as the browser sees it. */
export function appOriginOf(request: RequestFacts, settings: OriginSettings): string | null {
  if (settings.appOrigin) return originOf(settings.appOrigin);
  const forwardedHost = settings.trustProxy ? firstValue(request.headers.get("x-forwarded-host")) : null;
  const forwardedProto = settings.trustProxy ? firstValue(request.headers.get("x-forwarded-proto")) : null;
  const host = forwardedHost ?? request.headers.get("host");
  if (!host) return null;
  const protocol = forwardedProto ? `${forwardedProto.replace(/:$/, "")}:` : new URL(request.url).protocol;
  return originOf(`${protocol}//${host}`);
}

/** False for a state-changing request that a browser marked as coming from another site. */
export function isSameOriginRequest(request: RequestFacts, settings: OriginSettings): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  if (request.headers.get("sec-fetch-site")?.toLowerCase() === "cross-site") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  // "null" is what sandboxed frames and some redirects send: present, and not ours.
  const claimed = originOf(origin);
  return claimed !== null && claimed === appOriginOf(request, settings);
}

/**
 * The operator's settings, from the environment. WAYMARK_TRUSTED_PROXY is the number of
 * trusted proxy hops the sign-in limits use too (server/env.ts): any hop means the
 * forwarded host and protocol come from a proxy that sets them.
 */
export function originSettingsFromEnv(env: Record<string, string | undefined> = process.env): OriginSettings {
  return {
    appOrigin: env.WAYMARK_ORIGIN || env.AUTH_URL || null,
    trustProxy: Number(env.WAYMARK_TRUSTED_PROXY ?? 0) > 0,
  };
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.origin === "null" ? null : url.origin;
  } catch {
    return null;
  }
}

function firstValue(header: string | null): string | null {
  const value = header?.split(",")[0]?.trim();
  return value ? value : null;
}
