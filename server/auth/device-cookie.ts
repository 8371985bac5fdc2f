// The device cookie (OWASP "device cookies"): after a successful sign-in the browser gets
// a signed token naming the account and a random id for the browser. Guesses from a
// browser holding one for the account spend that browser's own budget, so strangers
// exhausting the shared budget do not lock the owner out of a browser they used before.
import { createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { env } from "../env";

export const DEVICE_COOKIE = "waymark-device";
/** A year: the cookie only marks a browser as known; it grants no access by itself. */
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

const VERSION = "v1";

export interface Device {
  userId: string;
  deviceId: string;
}

let fallbackSecret: string | undefined;

/**
 * A key of its own, derived from AUTH_SECRET, so a device cookie can never be mistaken for
 * anything next-auth signs. Without AUTH_SECRET (tests) a per-process secret is used.
 */
function signingKey(secret?: string): Buffer {
  const base = secret ?? env().AUTH_SECRET ?? process.env.AUTH_SECRET ?? (fallbackSecret ??= randomBytes(32).toString("base64url"));
  return Buffer.from(hkdfSync("sha256", base, "", "waymark device cookie v1", 32));
}

function sign(payload: string, secret?: string): string {
  return createHmac("sha256", signingKey(secret)).update(payload).digest("base64url");
}

/** A new device cookie value for the user (a fresh device id unless one is given). */
export function issueDeviceCookie(userId: string, deviceId: string = randomUUID(), secret?: string): string {
  const payload = `${VERSION}.${userId}.${deviceId}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** The device a cookie names, or null when it is missing, malformed or not signed by us. */
export function readDeviceCookie(value: string | null | undefined, secret?: string): Device | null {
  if (!value || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [version, userId, deviceId, mac] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${version}.${userId}.${deviceId}`, secret));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, deviceId };
}
