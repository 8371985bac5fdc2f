// Where to go after signing in: only same-site paths are honoured, so a crafted link cannot
// send someone to another site.
export function safeReturnPath(value: unknown): string | undefined {
  if (Array.isArray(value)) value = value[0];
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : undefined;
}

/** `/sign-in?callbackUrl=…&email=…`, leaving out what is not set. */
export function authHref(page: "/sign-in" | "/sign-up", params: { callbackUrl?: string; email?: string }): string {
  const query = new URLSearchParams();
  if (params.callbackUrl) query.set("callbackUrl", params.callbackUrl);
  if (params.email) query.set("email", params.email);
  const search = query.toString();
  return search ? `${page}?${search}` : page;
}
