// The JSON error a route handler answers before any procedure runs, in the shape the public
// API uses for all its errors: { error: { code, message } }.

export function jsonError(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return Response.json({ error: { code, message } }, { status, headers });
}

export const payloadTooLarge = (maxBytesLabel: string, headers?: Record<string, string>) =>
  jsonError(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytesLabel}.`, headers);

export const crossOriginRefused = (headers?: Record<string, string>) =>
  jsonError(403, "FORBIDDEN", "This request came from another site and was refused.", headers);
