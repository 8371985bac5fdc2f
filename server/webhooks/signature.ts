// Signing outgoing webhooks the way Stripe does, so receivers can use the scheme they know:
// the header `Waymark-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
// The timestamp is inside the signed text, so a captured delivery cannot be replayed later
// than the tolerance, and the comparison is constant-time.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Waymark-Signature";
/** How old a delivery a receiver should still accept. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

export function signatureHeader(secret: string, body: string, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: "malformed" | "mismatch" | "too_old" };

/** What a receiver does (and what the tests do with a local receiver). Several v1 values may be present while a secret rotates. */
export function verifySignature(secret: string, body: string, header: string, now: Date, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS): VerifyResult {
  const parts = header.split(",").map((part) => part.trim().split("="));
  const timestamp = Number(parts.find(([k]) => k === "t")?.[1]);
  const signatures = parts.filter(([k, v]) => k === "v1" && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => v!);
  if (!Number.isInteger(timestamp) || signatures.length === 0) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(hmac(secret, timestamp, body), "hex");
  if (!signatures.some((s) => timingSafeEqual(Buffer.from(s, "hex"), expected))) return { ok: false, reason: "mismatch" };
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: "too_old" };
  return { ok: true };
}
