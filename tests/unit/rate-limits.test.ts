// The REST API's per-organization token bucket, on a clock the test moves.
import { describe, expect, it } from "vitest";
import { RateLimiter } from "@/server/services/rate-limits";

describe("the rate limiter", () => {
  it("allows the burst, then refuses with the seconds until the next token, then refills at the rate", () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 3, perSecond: 0.5 }, () => now);
    expect([1, 2, 3].map(() => limiter.take("org").ok)).toEqual([true, true, true]);
    expect(limiter.take("org")).toEqual({ ok: false, retryAfterSeconds: 2 });
    now += 2000;
    expect(limiter.take("org").ok).toBe(true);
    expect(limiter.take("org").ok).toBe(false);
  });

  it("keeps one bucket per organization", () => {
    const limiter = new RateLimiter({ burst: 1, perSecond: 1 }, () => 0);
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    expect(limiter.take("b").ok).toBe(true);
  });
});
