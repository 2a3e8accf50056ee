import { describe, expect, it } from 'vitest';
import { KeyedTokenBuckets, TokenBucket } from '../../../src/demo-target/token-bucket';

describe('TokenBucket', () => {
  it('allows a full burst, then refuses with the whole seconds until the next token', () => {
    const bucket = new TokenBucket(2, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)].every((r) => r.allowed)).toBe(true);
    expect(bucket.take(0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at its rate and never above its capacity', () => {
    const bucket = new TokenBucket(10, 5, 0);
    for (let i = 0; i < 5; i += 1) bucket.take(0);
    expect(bucket.take(50).allowed).toBe(false);
    expect(bucket.take(100).allowed).toBe(true);
    expect(bucket.isFull(10_000)).toBe(true);
    let allowed = 0;
    for (let i = 0; i < 10; i += 1) if (bucket.take(10_000).allowed) allowed += 1;
    expect(allowed).toBe(5);
  });

  it('holds a steady rate: 20/s over 10 s lets about 200 of 1000 through', () => {
    const bucket = new TokenBucket(20, 20, 0);
    let allowed = 0;
    for (let ms = 0; ms < 10_000; ms += 10) if (bucket.take(ms).allowed) allowed += 1;
    expect(allowed).toBeGreaterThanOrEqual(215);
    expect(allowed).toBeLessThanOrEqual(221);
  });

  it('rounds a long wait up: 6 a minute means Retry-After 10', () => {
    const bucket = new TokenBucket(0.1, 1, 0);
    bucket.take(0);
    expect(bucket.take(0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(bucket.take(4000)).toEqual({ allowed: false, retryAfterSeconds: 6 });
  });

  it('ignores a clock that steps back', () => {
    const bucket = new TokenBucket(1, 1, 1000);
    expect(bucket.take(1000).allowed).toBe(true);
    expect(bucket.take(0).allowed).toBe(false);
    expect(bucket.take(2000).allowed).toBe(true);
  });
});

describe('KeyedTokenBuckets', () => {
  it('limits each key on its own', () => {
    const buckets = new KeyedTokenBuckets(0.1, 2);
    expect(buckets.take('alice', 0).allowed).toBe(true);
    expect(buckets.take('alice', 0).allowed).toBe(true);
    expect(buckets.take('alice', 0).allowed).toBe(false);
    expect(buckets.take('bob', 0).allowed).toBe(true);
  });

  it('stays within its key limit by forgetting refilled buckets first', () => {
    const buckets = new KeyedTokenBuckets(1, 1, 3);
    buckets.take('a', 0);
    buckets.take('b', 0);
    buckets.take('c', 5000);
    buckets.take('d', 5000);
    expect(buckets.size).toBeLessThanOrEqual(3);
    expect(buckets.take('c', 5000).allowed).toBe(false);
  });
});
