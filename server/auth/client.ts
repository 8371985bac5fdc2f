// Who is on the other end of a request, as far as the guess limits need to know: the
// client's address and the device cookie it holds.
import type { SignInClient } from "../services/sign-in-limits";
import { DEVICE_COOKIE, readDeviceCookie } from "./device-cookie";

/**
 * The client's address. `npm start` and `npm run dev` serve through scripts/run-next.ts,
 * which overwrites X-Forwarded-For with the socket's address (or, behind a proxy the
 * operator declared trusted, the address that proxy saw), so the header holds one address
 * the client cannot choose.
 */
export function clientAddress(headers: Headers): string | null {
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first && first.length <= 64 ? first : null;
}

/**
 * The address to put in X-Forwarded-For before Next sees the request. With no trusted
 * proxy (hops = 0) the client's own header is ignored: the socket's peer is the client.
 * Behind `hops` trusted proxies, each appended the address it saw, so the client is the
 * entry `hops` from the right; anything left of it was written by the client and is ignored.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string | undefined {
  if (hops <= 0) return socketAddress;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through all of them.
  return entries.length >= hops ? entries[entries.length - hops] : socketAddress;
}

export function cookieValue(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index !== -1 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}

export function signInClient(headers: Headers): SignInClient {
  return { address: clientAddress(headers), device: readDeviceCookie(cookieValue(headers, DEVICE_COOKIE)) };
}
