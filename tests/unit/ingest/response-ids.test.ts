// The ids staged responses get: uuid v7 (RFC 9562), drawn from a pool of random bytes.
import { afterEach, describe, expect, it, vi } from "vitest";
import { newResponseId } from "@/server/services/response-staging";

afterEach(() => vi.useRealTimers());

describe("response ids", () => {
  it("are uuid v7: the millisecond first, version 7, variant 10, random bits that do not repeat", () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 30, 12, 0, 0, 123), toFake: ["Date"] });
    // 2026-11-30T12:00:00.123Z is 1,796,040,000,123 ms after the epoch = 0x01a22c53827b.
    const ids = Array.from({ length: 20_000 }, () => newResponseId());
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^01a22c53-827b-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
