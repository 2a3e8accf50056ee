import { describe, expect, it } from 'vitest';
import { ConnectionPool, PoolCancelledError, PoolTimeoutError, type PoolLease } from '../../../src/demo-target/connection-pool';
import { createFakeTimers, flushPromises } from './fake-timers';

type Outcome = { lease: PoolLease } | { error: unknown } | undefined;

function track(promise: Promise<PoolLease>): { readonly outcome: Outcome } {
  const holder: { outcome: Outcome } = { outcome: undefined };
  promise.then(
    (lease) => (holder.outcome = { lease }),
    (error: unknown) => (holder.outcome = { error }),
  );
  return holder;
}

function leaseOf(holder: { readonly outcome: Outcome }): PoolLease {
  const outcome = holder.outcome;
  if (outcome === undefined || !('lease' in outcome)) throw new Error('expected a lease');
  return outcome.lease;
}

describe('ConnectionPool', () => {
  it('hands out connections at once while some are free', async () => {
    const pool = new ConnectionPool(2, 1000, createFakeTimers());
    const a = track(pool.acquire());
    const b = track(pool.acquire());
    await flushPromises();
    expect(a.outcome).toHaveProperty('lease');
    expect(b.outcome).toHaveProperty('lease');
    expect(pool.stats()).toMatchObject({ inUse: 2, waiting: 0, acquired: 2 });
  });

  it('queues when all are busy and serves waiters first in, first out', async () => {
    const pool = new ConnectionPool(1, 1000, createFakeTimers());
    const first = track(pool.acquire());
    const second = track(pool.acquire());
    const third = track(pool.acquire());
    await flushPromises();
    expect(pool.stats()).toMatchObject({ inUse: 1, waiting: 2, maxWaiting: 2 });
    leaseOf(first).release();
    await flushPromises();
    expect(second.outcome).toHaveProperty('lease');
    expect(third.outcome).toBeUndefined();
    leaseOf(second).release();
    await flushPromises();
    expect(third.outcome).toHaveProperty('lease');
    leaseOf(third).release();
    expect(pool.stats()).toMatchObject({ inUse: 0, waiting: 0, acquired: 3, timedOut: 0 });
  });

  it('does not let a newcomer overtake the queue when a connection comes free', async () => {
    const pool = new ConnectionPool(1, 1000, createFakeTimers());
    const holder = track(pool.acquire());
    const waiter = track(pool.acquire());
    await flushPromises();
    leaseOf(holder).release();
    const newcomer = track(pool.acquire());
    await flushPromises();
    expect(waiter.outcome).toHaveProperty('lease');
    expect(newcomer.outcome).toBeUndefined();
  });

  it('fails a waiter with PoolTimeoutError after the queue timeout', async () => {
    const timers = createFakeTimers();
    const pool = new ConnectionPool(1, 2000, timers);
    track(pool.acquire());
    const waiter = track(pool.acquire());
    timers.advance(1999);
    await flushPromises();
    expect(waiter.outcome).toBeUndefined();
    timers.advance(1);
    await flushPromises();
    const outcome = waiter.outcome;
    expect(outcome !== undefined && 'error' in outcome && outcome.error instanceof PoolTimeoutError).toBe(true);
    expect(outcome !== undefined && 'error' in outcome && outcome.error instanceof PoolTimeoutError ? outcome.error.waitedMs : -1).toBe(2000);
    expect(pool.stats()).toMatchObject({ waiting: 0, timedOut: 1 });
  });

  it('skips timed-out waiters when handing over, and clears timers of served ones', async () => {
    const timers = createFakeTimers();
    const pool = new ConnectionPool(1, 100, timers);
    const holder = track(pool.acquire());
    const early = track(pool.acquire());
    timers.advance(60);
    const late = track(pool.acquire());
    timers.advance(50);
    await flushPromises();
    expect(early.outcome).toHaveProperty('error');
    leaseOf(holder).release();
    await flushPromises();
    expect(late.outcome).toHaveProperty('lease');
    expect(timers.pending()).toBe(0);
  });

  it('under a burst beyond capacity, serves what it can and times out the rest', async () => {
    const timers = createFakeTimers();
    const pool = new ConnectionPool(2, 100, timers);
    const serviceMs = 40;
    const results: string[] = [];
    // 20 requests at once; each holds its connection 40 ms: 2 connections serve 5 in each 100 ms.
    for (let i = 0; i < 20; i += 1) {
      pool.acquire().then(
        (lease) => {
          results.push('served');
          timers.setTimeout(() => lease.release(), serviceMs);
        },
        () => results.push('timeout'),
      );
    }
    for (let t = 0; t < 300; t += 10) {
      timers.advance(10);
      await flushPromises();
    }
    expect(results.filter((r) => r === 'served')).toHaveLength(6);
    expect(results.filter((r) => r === 'timeout')).toHaveLength(14);
    expect(pool.stats()).toMatchObject({ inUse: 0, waiting: 0, maxWaiting: 18 });
  });

  it('lets a waiting request give up when its client goes away', async () => {
    const pool = new ConnectionPool(1, 1000, createFakeTimers());
    const holder = track(pool.acquire());
    const controller = new AbortController();
    const abandoned = track(pool.acquire(controller.signal));
    const next = track(pool.acquire());
    controller.abort();
    await flushPromises();
    const outcome = abandoned.outcome;
    expect(outcome !== undefined && 'error' in outcome && outcome.error instanceof PoolCancelledError).toBe(true);
    leaseOf(holder).release();
    await flushPromises();
    expect(next.outcome).toHaveProperty('lease');
    expect(pool.stats()).toMatchObject({ cancelled: 1 });
  });

  it('releasing twice returns the connection once', async () => {
    const pool = new ConnectionPool(1, 1000, createFakeTimers());
    const lease = await pool.acquire();
    lease.release();
    lease.release();
    expect(pool.stats().inUse).toBe(0);
    await pool.acquire();
    expect(pool.stats().inUse).toBe(1);
  });

  it('fails everyone waiting when closed, and refuses new requests', async () => {
    const timers = createFakeTimers();
    const pool = new ConnectionPool(1, 1000, timers);
    track(pool.acquire());
    const waiter = track(pool.acquire());
    pool.close();
    await flushPromises();
    expect(waiter.outcome).toHaveProperty('error');
    await expect(pool.acquire()).rejects.toBeInstanceOf(PoolCancelledError);
    expect(timers.pending()).toBe(0);
  });

  it('keeps no stale waiters after thousands of timeouts and hand-overs', async () => {
    const timers = createFakeTimers();
    const pool = new ConnectionPool(1, 10, timers);
    let holder = await pool.acquire();
    for (let round = 0; round < 3000; round += 1) {
      void pool.acquire().then(
        (lease) => (holder = lease),
        () => undefined,
      );
      timers.advance(5);
      if (round % 3 === 0) holder.release();
      await flushPromises();
    }
    expect(pool.stats().waiting).toBeLessThanOrEqual(3);
  });
});
