// A timeline recorded from the quick burst scenario against `loadscope demo-target` (1000 users at 200/s against a
// pool of 20 x 50 ms = 400 requests/s that gives up after 2 s), as noisy as a run on two busy cores gets.

import { describe, expect, it } from 'vitest';
import { findFindings } from '../../../src/core/findings/find-findings';
import { closedLoad, errorStat, inputOf, latencyTarget, openLoad, requestStat, timelineOf } from './builders';

// t, users, responses, failures (503), p50, p99, logins answered (200)
const RECORDED: readonly (readonly [number, number, number, number, number, number, number])[] = [
  [0, 0, 0, 0, 0, 0, 0],
  [1, 252, 137, 0, 105, 355, 51],
  [2, 476, 313, 0, 286, 448, 73],
  [3, 476, 888, 0, 349, 571, 404],
  [4, 677, 411, 0, 949, 1281, 135],
  [5, 869, 433, 0, 1255, 2008, 187],
  [6, 869, 165, 0, 1799, 2043, 19],
  [7, 1000, 432, 1, 2579, 2908, 39],
  [8, 1000, 693, 79, 2404, 3118, 92],
  [9, 1000, 317, 0, 1835, 2129, 0],
  [10, 1000, 518, 201, 2111, 2449, 0],
  [11, 1000, 525, 77, 2008, 2429, 0],
  [12, 1000, 454, 66, 1969, 2111, 0],
  [13, 1000, 519, 140, 2028, 2111, 0],
  [14, 1000, 383, 70, 2133, 2453, 0],
  [15, 1000, 590, 183, 2176, 2310, 0],
  [16, 860, 410, 6, 1949, 2069, 0],
  [17, 321, 587, 223, 2028, 2133, 0],
  [18, 321, 134, 15, 2028, 2069, 0],
];

function recordedBurst() {
  const timeline = timelineOf(RECORDED.length, (t) => {
    const [, users, responses, failures, p50, p99, logins] = RECORDED[t] ?? [t, 0, 0, 0, 0, 0, 0];
    const statuses: Record<string, number> = responses > 0 ? { '200': logins, '201': responses - logins - failures } : {};
    if (failures > 0) statuses['503'] = failures;
    return { users, rps: responses, failures, p50: responses > 0 ? p50 : null, p99: responses > 0 ? p99 : null, avg: responses > 0 ? p50 : null, statuses };
  });
  const failures = RECORDED.reduce((sum, row) => sum + row[3], 0);
  return inputOf(timeline, {
    loads: [closedLoad(1000, 5, 10)],
    verdict: 'fail',
    outcome: 'thresholds-failed',
    targets: [latencyTarget('median', 1000, 2001), latencyTarget('p99', 1000, 2939)],
    requests: [requestStat('login', 1000), requestStat('create deployment', 6909, failures)],
    errors: [errorStat('create deployment', 'HTTP 503', failures, 7, 18)],
    totals: { p95: 2657, iterations: 6909 },
  });
}

describe('the recorded quick burst', () => {
  const findings = findFindings(recordedBurst());
  const of = (kind: string) => findings.find((finding) => finding.kind === kind);

  it('finds the pool saturated at about its 400 requests/s, without claiming a knee it could not see', () => {
    const saturation = of('saturation');
    expect(Math.abs(Number(saturation?.evidence.capacityPerSecond) - 400) / 400).toBeLessThan(0.1);
    expect(saturation?.evidence.knee).not.toBe('measured');
    expect(saturation?.message).toMatch(/^Throughput levelled at about \d+ requests\/s (by|already)/);
    expect(saturation?.message).toContain('while the load grew to 1,000 users');
  });

  it('recognises the pool timing out at about 2 s', () => {
    const pool = of('pool-exhaustion');
    expect(pool?.message).toMatch(/responses piled up at about 2,\d{3} ms .* gives up after about 2(\.\d)? s \(estimated: no server metrics\)\.$/);
  });

  it('names the 503s, the crossings and the closed-model caveat', () => {
    expect(of('errors')?.message).toMatch(/^HTTP 503 on create deployment from 0:0\d, at 1,000 users/);
    expect(findings.filter((finding) => finding.kind === 'target-crossed')).toHaveLength(2);
    expect(of('coordinated-omission')).toBeDefined();
    expect(of('healthy')).toBeUndefined();
  });
});

// The open variant, recorded the same way: arrivals climb to 600/s in 5 s and hold for 10 against the 400/s pool.
// Each new user logs in first (onStart), so logins swell the first seconds; past the global login limit they get
// 429, and the users left without a token get 401.
// t, users, create deployment (answered, failed with 401/503), login (answered, failed with 429), p50, p99, 503s
const RECORDED_OPEN: readonly (readonly [number, number, number, number, number, number, number, number, number])[] = [
  [0, 2, 8, 0, 10, 0, 1, 56, 0],
  [1, 8, 102, 0, 108, 0, 4, 59, 0],
  [2, 15, 228, 0, 234, 0, 5, 61, 0],
  [3, 22, 341, 0, 350, 0, 4, 60, 0],
  [4, 14, 481, 81, 472, 82, 2, 135, 0],
  [5, 189, 401, 15, 26, 14, 146, 316, 0],
  [6, 315, 479, 78, 0, 0, 448, 649, 0],
  [7, 490, 419, 18, 0, 0, 777, 817, 0],
  [8, 587, 502, 96, 0, 0, 949, 1147, 0],
  [9, 689, 506, 96, 0, 0, 1255, 1306, 0],
  [10, 782, 508, 100, 0, 0, 1429, 1580, 0],
  [11, 822, 559, 157, 0, 0, 1580, 1797, 0],
  [12, 868, 551, 148, 0, 0, 1799, 1948, 0],
  [13, 896, 574, 172, 0, 0, 1930, 2049, 0],
  [14, 860, 636, 229, 0, 0, 2028, 2049, 43],
  [15, 680, 519, 115, 0, 0, 2028, 2049, 22],
  [16, 263, 412, 15, 0, 0, 2049, 2049, 15],
  [17, 263, 260, 17, 0, 0, 2049, 2049, 17],
];

describe('the recorded quick open burst', () => {
  const timeline = timelineOf(RECORDED_OPEN.length, (t) => {
    const [, users, creates, createFailures, logins, loginFailures, p50, p99, unavailable] = RECORDED_OPEN[t] ?? [t, 0, 0, 0, 0, 0, 0, 0, 0];
    const statuses: Record<string, number> = { '200': logins - loginFailures, '201': creates - createFailures };
    if (loginFailures > 0) statuses['429'] = loginFailures;
    if (createFailures - unavailable > 0) statuses['401'] = createFailures - unavailable;
    if (unavailable > 0) statuses['503'] = unavailable;
    return {
      users,
      rps: creates + logins,
      failures: createFailures + loginFailures,
      p50,
      p99,
      statuses,
      requests: {
        ...(logins > 0 ? { login: { rps: logins, failuresPerSecond: loginFailures, p50: 2, p95: 5, p99: 9 } } : {}),
        'create deployment': { rps: creates, failuresPerSecond: createFailures, p50, p95: p99, p99 },
      },
    };
  });
  const input = inputOf(timeline, {
    loads: [openLoad([{ durationSeconds: 5, ratePerSecond: 600 }, { durationSeconds: 10, ratePerSecond: 600 }], 1500)],
    oneOffRequests: ['login'],
    verdict: 'fail',
    outcome: 'thresholds-failed',
    targets: [latencyTarget('median', 1000, 678), latencyTarget('p99', 1000, 2054)],
    requests: [requestStat('login', 1200, 96), requestStat('create deployment', 7486, 1337)],
    errors: [errorStat('login', 'HTTP 429', 96, 4, 5), errorStat('create deployment', 'HTTP 401', 1240, 4, 15), errorStat('create deployment', 'HTTP 503', 97, 14, 17)],
  });
  const findings = findFindings(input);
  const of = (kind: string) => findings.find((finding) => finding.kind === kind);

  it('finds the pool saturated near 400 requests/s at an arrival rate near 400/s', () => {
    const saturation = of('saturation');
    expect(Math.abs(Number(saturation?.evidence.capacityPerSecond) - 400) / 400).toBeLessThan(0.1);
    expect(Number(saturation?.evidence.kneeLoad)).toBeGreaterThan(340);
    expect(Number(saturation?.evidence.kneeLoad)).toBeLessThan(480);
    expect(saturation?.message).toMatch(/^Throughput levelled at about 4\d\d requests\/s from 0:0\d, at an arrival rate of \d+\/s, while the load grew to an arrival rate of 600\/s/);
  });

  it('names the login throttling, and the 401s that follow from it', () => {
    expect(of('rate-limited')?.message).toMatch(/^HTTP 429 \(rate limited\) on login /);
    expect(of('errors')?.message).toMatch(/they began with the HTTP 429 \(rate limited\) on login, so probably follow from it\.$/);
  });

  it('has no closed-model caveat for an open model', () => {
    expect(of('coordinated-omission')).toBeUndefined();
  });
});
