// The return path after sign-in: only same-origin paths survive, whatever a browser would
// make of the rest (backslashes read as slashes, tabs and newlines dropped).
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/return-path";

const base = "http://localhost:3000";

/** Where a browser would land if it followed the path from the app's origin. */
const landing = (path: string) => new URL(path, base);

describe("safeReturnPath", () => {
  it.each([
    "/\\evil.com",
    "/%5Cevil.com",
    "/%5cevil.com",
    "/%09/evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "//evil.com",
    "///evil.com",
    "/\\/evil.com",
    "/%2F/evil.com",
    "https://evil.com",
    "javascript:alert(document.domain)",
    "evil.com",
    "",
    "/%E0%A4%A", // malformed escape
  ])("refuses %j", (payload) => {
    expect(safeReturnPath(payload)).toBeUndefined();
  });

  it.each(["/", "/account", "/o/acme/journeys?view=list#stage-2", "/invite/abc%20def"])("keeps the same-origin path %j", (path) => {
    const kept = safeReturnPath(path);
    expect(kept).toBe(path);
    expect(landing(kept!).origin).toBe(base);
  });

  it("normalises dot segments and never leaves the origin", () => {
    expect(safeReturnPath("/a/../b")).toBe("/b");
    expect(safeReturnPath("/..//evil.com")).toBeUndefined();
  });

  it("takes the first of repeated query values and ignores non-strings", () => {
    expect(safeReturnPath(["/account", "//evil.com"])).toBe("/account");
    expect(safeReturnPath(undefined)).toBeUndefined();
    expect(safeReturnPath(42)).toBeUndefined();
  });
});
