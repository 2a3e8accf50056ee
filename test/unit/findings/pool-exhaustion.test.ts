import { describe, expect, it } from 'vitest';
import { poolExhaustionFinding } from '../../../src/core/findings/pool-exhaustion';
import { viewOf } from '../../../src/core/findings/run-view';
import { inputOf, timelineOf } from './builders';

// 1000 users against a pool of 400/s that gives up after 2 s: from 0:04 responses wait until the timeout.
const exhausted = (options: { errors?: boolean; throughputAfter?: number } = {}) =>
  timelineOf(16, (t) => {
    const users = Math.min(1000, (t + 1) * 200);
    const piled = t >= 4;
    const failures = piled && options.errors !== false ? 100 : 0;
    const served = piled ? (options.throughputAfter ?? 400) : 400;
    return {
      users,
      rps: served + failures,
      failures,
      p50: piled ? 1950 : 300 + t * 250,
      p99: piled ? 2010 : 600 + t * 300,
      statuses: { '201': served, ...(failures > 0 ? { '503': failures } : {}) },
    };
  });

describe('pool exhaustion', () => {
  it('recognises responses piling up at a timeout while throughput stays flat and 503s appear', () => {
    const finding = poolExhaustionFinding(viewOf(inputOf(exhausted())), 400);
    expect(finding).toMatchObject({ kind: 'pool-exhaustion', severity: 'critical', atSeconds: 4, atUsers: 1000 });
    expect(finding?.message).toBe(
      'From 0:04, at 1,000 users, responses piled up at about 2,010 ms (p50 1,950 ms, p99 2,010 ms, against 675 ms before) while throughput stayed at about 400 requests/s ' +
        'and server errors (5xx) appeared: consistent with an exhausted connection pool or queue that gives up after about 2 s (estimated: no server metrics).',
    );
    expect(finding?.evidence).toMatchObject({ fromSeconds: 4, toSeconds: 15, ceilingMs: 2010, serverErrors: 1200, timeouts: 0, serverMetrics: false });
    expect(finding?.suggestion).toContain('gives up after about 2 s');
  });

  it('says when throughput fell', () => {
    const finding = poolExhaustionFinding(viewOf(inputOf(exhausted({ throughputAfter: 150 }))), undefined);
    expect(finding?.message).toContain('while throughput fell from 400 requests/s to 150 requests/s');
  });

  it('needs the errors: slow but error-free responses are not this pattern', () => {
    expect(poolExhaustionFinding(viewOf(inputOf(exhausted({ errors: false }))), 400)).toBeUndefined();
  });

  it('needs the bulk at one ceiling: a long tail is not this pattern', () => {
    const tail = timelineOf(16, () => ({ users: 100, rps: 300, failures: 5, p50: 200, p99: 2000, statuses: { '200': 295, '503': 5 } }));
    expect(poolExhaustionFinding(viewOf(inputOf(tail)), undefined)).toBeUndefined();
  });

  it('needs a ceiling: latency still climbing is a growing queue, not a timeout', () => {
    const climbing = timelineOf(16, (t) => ({ users: 100 * (t + 1), rps: 400, failures: 5, p50: 500 * (t + 1), p99: 550 * (t + 1), statuses: { '200': 395, '503': 5 } }));
    expect(poolExhaustionFinding(viewOf(inputOf(climbing)), 400)).toBeUndefined();
  });

  it('needs throughput that stopped growing', () => {
    const growing = timelineOf(16, (t) => ({ users: 100 * (t + 1), rps: 100 * (t + 1), failures: t >= 4 ? 5 : 0, p50: t >= 4 ? 1900 : 100, p99: 2000, statuses: { '200': 100 * (t + 1), '503': 5 } }));
    expect(poolExhaustionFinding(viewOf(inputOf(growing)), undefined)).toBeUndefined();
  });
});
