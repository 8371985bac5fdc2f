// The REST API's per-organization request rate: a token bucket per organization, kept in
// this process's memory. Memory, not Postgres: a counter row would add a write (and a hot
// row lock) to every request of the live feed, the API's busiest path, and Waymark runs as
// one app process (PGlite allows only one; the job runner assumes one). With several app
// instances each would allow the full rate — move the buckets to Postgres then.

export interface RateLimit {
  /** Requests an idle organization may make at once. */
  burst: number;
  /** Requests per second, sustained. */
  perSecond: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Buckets kept before full (idle) ones are dropped; a full bucket is the same as none. */
const PRUNE_AT = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one request from the key's bucket, or says when the next one will be allowed. */
  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond)) };
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > PRUNE_AT) this.prune(now);
    return { ok: true };
  }

  private prune(now: number) {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
