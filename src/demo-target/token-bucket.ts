// Rate limiting as a token bucket: `capacity` tokens at most, refilled continuously at `ratePerSecond`.
// Time comes in as an argument so the arithmetic is tested without clocks.

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A token bucket that starts full. */
export class TokenBucket {
  private tokens: number;
  private updatedAtMs: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    nowMs: number,
  ) {
    this.tokens = capacity;
    this.updatedAtMs = nowMs;
  }

  /** Takes one token if there is one; otherwise says how long until there will be (whole seconds, for Retry-After). */
  take(nowMs: number): TakeResult {
    this.refill(nowMs);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    const waitSeconds = (1 - this.tokens) / this.ratePerSecond;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
  }

  /** True when the bucket has refilled completely, so forgetting it changes nothing. */
  isFull(nowMs: number): boolean {
    this.refill(nowMs);
    return this.tokens >= this.capacity;
  }

  private refill(nowMs: number): void {
    // A clock that steps back must not drain the bucket.
    const elapsedMs = Math.max(0, nowMs - this.updatedAtMs);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsedMs / 1000) * this.ratePerSecond);
    this.updatedAtMs = Math.max(this.updatedAtMs, nowMs);
  }
}

/** One token bucket per key (a username), with idle buckets forgotten so memory stays bounded. */
export class KeyedTokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one token from the key's bucket. */
  take(key: string, nowMs: number): TakeResult {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxKeys) this.forgetFull(nowMs);
      bucket = new TokenBucket(this.ratePerSecond, this.capacity, nowMs);
      this.buckets.set(key, bucket);
    }
    return bucket.take(nowMs);
  }

  /** Number of keys currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  private forgetFull(nowMs: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull(nowMs)) this.buckets.delete(key);
    // Still full of busy keys: drop the oldest rather than grow without bound.
    while (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (oldest.done === true) break;
      this.buckets.delete(oldest.value);
    }
  }
}
