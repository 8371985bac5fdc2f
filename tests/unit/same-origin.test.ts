// The cross-site write check (server/http/same-origin.ts) as a decision table.
import { describe, expect, it } from "vitest";
import { appOriginOf, isSameOriginRequest, originSettingsFromEnv, type OriginSettings } from "@/server/http/same-origin";

const direct: OriginSettings = { appOrigin: null, trustProxy: false };
const behindProxy: OriginSettings = { appOrigin: null, trustProxy: true };
const configured: OriginSettings = { appOrigin: "https://waymark.example.com", trustProxy: false };

function request(method: string, headers: Record<string, string>, url = "http://localhost:3000/api/trpc/team.create") {
  return { method, url, headers: new Headers({ host: "localhost:3000", ...headers }) };
}

describe("isSameOriginRequest", () => {
  it.each([
    ["POST from the app itself", request("POST", { origin: "http://localhost:3000" }), true],
    ["POST without an Origin (curl, server-to-server)", request("POST", {}), true],
    ["POST from another site", request("POST", { origin: "https://evil.example" }), false],
    ["POST from another port of the same host", request("POST", { origin: "http://localhost:4000" }), false],
    ["POST from the same host over another scheme", request("POST", { origin: "https://localhost:3000" }), false],
    ["POST with Origin: null (sandboxed frame)", request("POST", { origin: "null" }), false],
    ["POST with a garbled Origin", request("POST", { origin: "not a url" }), false],
    ["POST the browser marked cross-site, even without an Origin", request("POST", { "sec-fetch-site": "cross-site" }), false],
    ["POST marked same-origin", request("POST", { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }), true],
    ["PUT from another site", request("PUT", { origin: "https://evil.example" }), false],
    ["DELETE from another site", request("DELETE", { origin: "https://evil.example" }), false],
    ["PATCH from another site", request("PATCH", { origin: "https://evil.example" }), false],
    ["GET from another site (reads change nothing)", request("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), true],
    ["HEAD from another site", request("HEAD", { origin: "https://evil.example" }), true],
    ["OPTIONS from another site", request("OPTIONS", { origin: "https://evil.example" }), true],
    ["lower-case method from another site", request("post", { origin: "https://evil.example" }), false],
  ])("%s → %s", (_, req, allowed) => {
    expect(isSameOriginRequest(req, direct)).toBe(allowed);
  });

  it("ignores X-Forwarded-Host unless the operator trusts the proxy", () => {
    const forged = request("POST", { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(isSameOriginRequest(forged, direct)).toBe(false);
    const proxied = request("POST", { origin: "https://waymark.example.com", "x-forwarded-host": "waymark.example.com", "x-forwarded-proto": "https" });
    expect(isSameOriginRequest(proxied, direct)).toBe(false);
    expect(isSameOriginRequest(proxied, behindProxy)).toBe(true);
    expect(isSameOriginRequest(forged, behindProxy)).toBe(true); // the trusted proxy vouches for its headers
  });

  it("uses the configured origin when there is one, whatever the Host says", () => {
    expect(isSameOriginRequest(request("POST", { origin: "https://waymark.example.com" }), configured)).toBe(true);
    expect(isSameOriginRequest(request("POST", { origin: "http://localhost:3000" }), configured)).toBe(false);
    expect(isSameOriginRequest(request("POST", { origin: "https://waymark.example.com", host: "evil.example" }), configured)).toBe(true);
  });

  it("refuses a write with an Origin when the request has no Host to compare it with", () => {
    const req = { method: "POST", url: "http://localhost:3000/x", headers: new Headers({ origin: "http://localhost:3000" }) };
    expect(appOriginOf(req, direct)).toBeNull();
    expect(isSameOriginRequest(req, direct)).toBe(false);
  });
});

describe("originSettingsFromEnv", () => {
  it("takes WAYMARK_ORIGIN, then AUTH_URL; trusts a proxy only when told", () => {
    expect(originSettingsFromEnv({})).toEqual({ appOrigin: null, trustProxy: false });
    expect(originSettingsFromEnv({ AUTH_URL: "https://a.example/api/auth", WAYMARK_TRUSTED_PROXY: "1" })).toEqual({ appOrigin: "https://a.example/api/auth", trustProxy: true });
    expect(originSettingsFromEnv({ WAYMARK_ORIGIN: "https://w.example", AUTH_URL: "https://a.example" }).appOrigin).toBe("https://w.example");
    expect(originSettingsFromEnv({ WAYMARK_TRUSTED_PROXY: "0" }).trustProxy).toBe(false);
    expect(originSettingsFromEnv({ WAYMARK_TRUSTED_PROXY: "2" }).trustProxy).toBe(true);
  });
});
