// What the sign-in limits know about a client: its address (never what the client claims
// unless a trusted proxy vouches for it) and its device cookie (signed; bound to one account).
import type http from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, resolveClientAddress, signInClient } from "@/server/auth/client";
import { DEVICE_COOKIE, issueDeviceCookie, readDeviceCookie } from "@/server/auth/device-cookie";
import { trustOnlyKnownAddresses } from "@/scripts/run-next";

const request = (remoteAddress: string, headers: http.IncomingHttpHeaders) => ({ socket: { remoteAddress }, headers }) as unknown as http.IncomingMessage;

describe("the client's address", () => {
  it("without a trusted proxy is the socket's peer, whatever X-Forwarded-For claims", () => {
    const req = request("198.51.100.20", { "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example", host: "waymark.test" });
    trustOnlyKnownAddresses(req, 0);
    expect(req.headers["x-forwarded-for"]).toBe("198.51.100.20");
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
    expect(clientAddress(new Headers({ "x-forwarded-for": req.headers["x-forwarded-for"] as string }))).toBe("198.51.100.20");
  });

  it("behind trusted proxies is the entry they appended, not what the client wrote before it", () => {
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(resolveClientAddress("10.0.0.3", "6.6.6.6, 203.0.113.5, 10.0.0.2", 2)).toBe("203.0.113.5");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.5"], 1)).toBe("203.0.113.5");
    // Fewer entries than proxies: it did not pass through them all; the socket is what we know.
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    const req = request("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 203.0.113.5", "x-forwarded-proto": "https" });
    trustOnlyKnownAddresses(req, 1);
    expect(req.headers).toMatchObject({ "x-forwarded-for": "203.0.113.5", "x-forwarded-proto": "https" });
  });
});

describe("the device cookie", () => {
  const secret = "a-test-secret-of-enough-length";

  it("names the account and the browser, and is read back only with our signature", () => {
    const value = issueDeviceCookie("6f1c1c3e-0000-4000-8000-000000000001", "browser-1", secret);
    expect(readDeviceCookie(value, secret)).toEqual({ userId: "6f1c1c3e-0000-4000-8000-000000000001", deviceId: "browser-1" });
    expect(readDeviceCookie(value, "another-secret-of-enough-length")).toBeNull();
    const [version, , deviceId, mac] = value.split(".");
    expect(readDeviceCookie([version, "6f1c1c3e-0000-4000-8000-000000000002", deviceId, mac].join("."), secret)).toBeNull();
    for (const junk of ["", "v1.a.b", "v1.a.b.c.d", value.slice(0, -2), `${value}x`]) expect(readDeviceCookie(junk, secret)).toBeNull();
  });

  it("gives each browser its own id", () => {
    const [a, b] = [issueDeviceCookie("u", undefined, secret), issueDeviceCookie("u", undefined, secret)];
    expect(readDeviceCookie(a, secret)!.deviceId).not.toBe(readDeviceCookie(b, secret)!.deviceId);
  });

  it("is read from the request's cookies", () => {
    const value = issueDeviceCookie("user-1", "browser-9");
    const client = signInClient(new Headers({ cookie: `other=1; ${DEVICE_COOKIE}=${value}; x=y`, "x-forwarded-for": "192.0.2.8" }));
    expect(client).toEqual({ address: "192.0.2.8", device: { userId: "user-1", deviceId: "browser-9" } });
    expect(signInClient(new Headers({ cookie: `${DEVICE_COOKIE}=forged` })).device).toBeNull();
  });
});
