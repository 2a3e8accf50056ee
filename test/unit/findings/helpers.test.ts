import { describe, expect, it } from 'vitest';
import { elasticity, median } from '../../../src/core/findings/numbers';
import { arrivalRateAt, climbIndices, describeLoad, viewOf } from '../../../src/core/findings/run-view';
import { ERROR_RULE, LATENCY_RULE, stretchEnd, sustainedOnset } from '../../../src/core/findings/sustained';
import { closedLoad, inputOf, openLoad, timelineOf } from './builders';

const flags = (text: string) => [...text].map((char) => char === 'x');

describe('sustainedOnset', () => {
  it('finds the first second of a crossing that holds, ignoring a lone noisy second before it', () => {
    expect(sustainedOnset(flags('..x.......xxxxxxx'), LATENCY_RULE)).toBe(10);
  });

  it('tolerates one quiet second inside the crossing', () => {
    expect(sustainedOnset(flags('...xx.xxxx'), LATENCY_RULE)).toBe(3);
  });

  it('never starts on a quiet second', () => {
    expect(sustainedOnset(flags('.xxxxx'), LATENCY_RULE)).toBe(1);
  });

  it('says nothing when the run is shorter than the window', () => {
    expect(sustainedOnset(flags('xxxx'), LATENCY_RULE)).toBeUndefined();
  });

  it('counts errors that come in bursts with gaps as sustained', () => {
    expect(sustainedOnset(flags('....x.x.x.x.x'), ERROR_RULE)).toBe(4);
    expect(sustainedOnset(flags('x.....x......x'), ERROR_RULE)).toBeUndefined();
  });
});

describe('stretchEnd', () => {
  it('runs to the last crossed second when the condition never recovers', () => {
    expect(stretchEnd(flags('..xxxx.xxx.'), 2, LATENCY_RULE)).toBe(9);
  });

  it('ends once the condition is off for a whole window', () => {
    expect(stretchEnd(flags('xxxxxx.....xx'), 0, LATENCY_RULE)).toBe(5);
  });
});

describe('numbers', () => {
  it('median of odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('elasticity is 1 for proportional growth, 0 when flat, undefined when the load barely moved', () => {
    const proportional = [1, 2, 3, 4, 5, 6].map((load) => ({ load, throughput: load * 10 }));
    const flat = [1, 2, 3, 4, 5, 6].map((load) => ({ load, throughput: 50 }));
    expect(elasticity(proportional, 1.4)).toBeCloseTo(1, 5);
    expect(elasticity(flat, 1.4)).toBeCloseTo(0, 5);
    expect(elasticity([10, 10, 11, 11].map((load) => ({ load, throughput: load })), 1.4)).toBeUndefined();
  });
});

describe('the run view', () => {
  it('reads the planned arrival rate of an open model from its stages', () => {
    const load = openLoad([
      { durationSeconds: 10, ratePerSecond: 100 },
      { durationSeconds: 10, ratePerSecond: 100 },
    ]);
    expect(arrivalRateAt(load, 0)).toBe(0);
    expect(arrivalRateAt(load, 5)).toBe(50);
    expect(arrivalRateAt(load, 15)).toBe(100);
    expect(arrivalRateAt(load, 25)).toBe(0);
  });

  it('measures load in users for closed and mixed models, in arrivals for open ones', () => {
    const timeline = timelineOf(4, (t) => ({ users: 10 + t, rps: 5, p50: 1, p99: 2 }));
    expect(viewOf(inputOf(timeline, { loads: [closedLoad(10, 1, 3)] })).load).toEqual([10, 11, 12, 13]);
    const open = viewOf(inputOf(timeline, { loads: [openLoad([{ durationSeconds: 4, ratePerSecond: 40 }])] }));
    expect(open.loadUnit).toBe('arrivals/s');
    expect(open.load).toEqual([0, 10, 20, 30]);
    expect(viewOf(inputOf(timeline, { loads: [openLoad([{ durationSeconds: 4, ratePerSecond: 40 }]), closedLoad(10, 1, 3)] })).loadUnit).toBe('users');
  });

  it('leaves failures and one-off requests (onStart logins) out of the work done', () => {
    const timeline = timelineOf(2, () => ({
      users: 10,
      rps: 50,
      failures: 5,
      p50: 1,
      p99: 2,
      requests: { login: { rps: 10, failuresPerSecond: 2, p50: 1, p95: 1, p99: 1 }, work: { rps: 40, failuresPerSecond: 3, p50: 1, p95: 1, p99: 1 } },
    }));
    expect(viewOf(inputOf(timeline)).goodput).toEqual([45, 45]);
    expect(viewOf(inputOf(timeline, { oneOffRequests: ['login'] })).goodput).toEqual([37, 37]);
  });

  it('climbs up to the last second at the top load, leaving out the partial first and last seconds and the ramp-down', () => {
    const users = [1, 2, 3, 4, 4, 4, 3, 2, 1, 0];
    const view = viewOf(inputOf(timelineOf(users.length, (t) => ({ users: users[t] ?? 0, rps: 1, p50: 1, p99: 1 }))));
    expect(climbIndices(view)).toEqual([1, 2, 3, 4, 5]);
  });

  it('describes loads in plain words', () => {
    expect(describeLoad('users', 1)).toBe('1 user');
    expect(describeLoad('users', 1000)).toBe('1,000 users');
    expect(describeLoad('arrivals/s', 450)).toBe('an arrival rate of 450/s');
  });
});
