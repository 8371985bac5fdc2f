// The header policy as data: what each environment and page gets (the e2e suite checks the
// headers on real responses and that the app works under them).
import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy, securityHeaders } from "@/server/http/security-headers";
import { procedurePaths, trpcBodyLimit } from "@/server/http/trpc-body-limit";
import { BODY_LIMITS } from "@/server/schemas/limits";

describe("the page policy", () => {
  it("allows scripts by this response's nonce only, and eval only in development", () => {
    const production = pageContentSecurityPolicy({ nonce: "abc", development: false });
    expect(production).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(production).not.toContain("unsafe-eval");
    expect(pageContentSecurityPolicy({ nonce: "abc", development: true })).toContain("'unsafe-eval'");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "img-src 'self' data: blob:"]) {
      expect(production).toContain(directive);
    }
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("sends HSTS only in production, and no Referer from the share page", () => {
    expect(securityHeaders({ contentSecurityPolicy: "x", production: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ contentSecurityPolicy: "x", production: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ contentSecurityPolicy: "x", production: true })["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(securityHeaders({ contentSecurityPolicy: "x", production: true, noReferrer: true })["Referrer-Policy"]).toBe("no-referrer");
  });
});

describe("the tRPC body cap by procedure", () => {
  const url = (paths: string) => `http://localhost:3000/api/trpc/${paths}?batch=1`;

  it("reads the procedures from the URL", () => {
    expect(procedurePaths(url("team.create"), "/api/trpc")).toEqual(["team.create"]);
    expect(procedurePaths(url("team.create%2Cteam.list"), "/api/trpc")).toEqual(["team.create", "team.list"]);
    expect(procedurePaths("http://localhost:3000/elsewhere", "/api/trpc")).toEqual([]);
  });

  it("gives the larger cap only to a request whose every call is an import", () => {
    expect(trpcBodyLimit(url("journeyMap.import"), "/api/trpc")).toBe(BODY_LIMITS.mapImport);
    expect(trpcBodyLimit(url("journeyMap.import,journeyMap.import"), "/api/trpc")).toBe(BODY_LIMITS.mapImport);
    expect(trpcBodyLimit(url("journeyMap.import,team.create"), "/api/trpc")).toBe(BODY_LIMITS.default);
    expect(trpcBodyLimit(url("team.create"), "/api/trpc")).toBe(BODY_LIMITS.default);
    expect(trpcBodyLimit("http://localhost:3000/api/trpc", "/api/trpc")).toBe(BODY_LIMITS.default);
  });
});
