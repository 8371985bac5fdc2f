// Where to go after signing in: only paths on this site are honoured, so a crafted link
// cannot send someone to another site.

/** A fixed base to resolve against: whatever resolves to another origin is refused. */
const BASE = new URL("http://waymark.invalid");

/**
 * The path to return to, or undefined when the value could lead off-site. Browsers read
 * `\` as `/` and drop tabs and newlines inside URLs, so `/\evil.com` and `/<tab>/evil.com`
 * mean `//evil.com`; those characters are refused outright, also percent-encoded, since a
 * later redirect may decode them once more. What is returned is the normalised path.
 */
export function safeReturnPath(value: unknown): string | undefined {
  if (Array.isArray(value)) value = value[0];
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return undefined;
  }
  for (const form of [value, decoded]) {
    // Control characters are exactly what the check is for (a tab after the slash is an open redirect).
    // eslint-disable-next-line no-control-regex
    if (/[\\\u0000-\u001f\u007f]/.test(form) || form.startsWith("//")) return undefined;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/..//evil.com" resolves to the path "//evil.com", which a browser reads as a host.
  if (url.origin !== BASE.origin || path.startsWith("//")) return undefined;
  return path;
}

/** `/sign-in?callbackUrl=…&email=…`, leaving out what is not set. */
export function authHref(page: "/sign-in" | "/sign-up", params: { callbackUrl?: string; email?: string }): string {
  const query = new URLSearchParams();
  if (params.callbackUrl) query.set("callbackUrl", params.callbackUrl);
  if (params.email) query.set("email", params.email);
  const search = query.toString();
  return search ? `${page}?${search}` : page;
}
