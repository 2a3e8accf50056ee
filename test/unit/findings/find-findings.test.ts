import { describe, expect, it } from 'vitest';
import { findFindings, sortFindings, type FindingsInput } from '../../../src/core/findings/find-findings';
import type { Finding } from '../../../src/core/findings/finding';
import type { RunResult } from '../../../src/core/results';
import { burstRun, k6MissingRun, passingRun, refusedRun } from '../report/fixtures';
import { closedLoad, closedRamp, inputOf, latencyTarget, openLoad } from './builders';

function inputFrom(result: RunResult, loads: FindingsInput['loads']): FindingsInput {
  return { ...result, loads };
}

describe('findFindings', () => {
  it('says only that a run that passed with wide margins was healthy', () => {
    const findings = findFindings(inputFrom(passingRun(), [closedLoad(100, 10, 290)]));
    expect(findings.map((finding) => finding.kind)).toEqual(['healthy']);
    expect(findings[0]?.message).toMatch(/^Passed with room to spare: p99 34 ms against < 500ms at 100 users \(15x margin\), no errors, and throughput grew with the load/);
  });

  it('tells the story of the burst: rate limiting, the crossing, the exhausted pool, timeouts, and the closed-model caveat', () => {
    const findings = findFindings(inputFrom(burstRun(), [closedLoad(1000, 10, 230), openLoad([{ durationSeconds: 240, ratePerSecond: 20 }], 50, 20)]));
    const kinds = findings.map((finding) => finding.kind);
    expect(kinds).toEqual(expect.arrayContaining(['rate-limited', 'target-crossed', 'pool-exhaustion', 'timeouts', 'errors', 'coordinated-omission', 'dropped-iterations']));
    expect(kinds).not.toContain('healthy');
    const severities = findings.map((finding) => finding.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['critical', 'warning', 'info'].indexOf(a) - ['critical', 'warning', 'info'].indexOf(b)));
    const limited = findings.find((finding) => finding.kind === 'rate-limited');
    expect(limited?.message).toMatch(/^HTTP 429 \(rate limited\) on create deployment and login from 0:03, at 450 users/);
    const pool = findings.find((finding) => finding.kind === 'pool-exhaustion');
    expect(pool?.message).toMatch(/^From 0:20, at 1,050 users, responses piled up at about 27,000 ms .* throughput fell .* exhausted connection pool or queue .*\(estimated: no server metrics\)\.$/);
  });

  it('calls refused connections what they are and nothing more', () => {
    const findings = findFindings(inputFrom(refusedRun(), [closedLoad(5, 1, 9)]));
    expect(findings.map((finding) => `${finding.kind} ${finding.severity}`)).toEqual(['errors critical']);
    expect(findings[0]?.message).toBe('Refused connections on requests to home from 0:00, at 5 users: 50 requests, 100% of home requests.');
  });

  it('finds saturation and the closed-model caveat on a ramp past capacity, with the rate to rerun at', () => {
    const timeline = closedRamp({ seconds: 22, users: (t) => 1 + Math.round((23 * Math.min(t, 20)) / 20), capacity: 200, perUser: 25, serviceMs: 40 });
    const findings = findFindings(inputOf(timeline, { targets: [latencyTarget('p99', 100, 180)], verdict: 'fail', outcome: 'thresholds-failed' }));
    expect(findings.map((finding) => finding.kind)).toEqual(['saturation', 'target-crossed', 'coordinated-omission']);
    expect(findings.find((finding) => finding.kind === 'coordinated-omission')?.suggestion).toContain('about 200/s, the measured capacity');
  });

  it('has nothing to say about a run with no measurements, or one too short to judge', () => {
    expect(findFindings(inputFrom(k6MissingRun(), []))).toEqual([]);
    const short = closedRamp({ seconds: 4, users: (t) => t + 1, capacity: 200, perUser: 25, serviceMs: 40 });
    expect(findFindings(inputOf(short, { targets: [latencyTarget('p99', 500, 80)] }))).toEqual([]);
  });
});

describe('sortFindings', () => {
  const finding = (kind: Finding['kind'], severity: Finding['severity'], atSeconds: number | null): Finding => ({
    kind,
    severity,
    atSeconds,
    atUsers: null,
    atRps: null,
    message: '',
    suggestion: '',
    evidence: { fromSeconds: 0, toSeconds: 0 },
  });

  it('puts the most severe first, then the earliest, then by kind', () => {
    const sorted = sortFindings([
      finding('coordinated-omission', 'warning', 3),
      finding('errors', 'critical', 9),
      finding('healthy', 'info', null),
      finding('saturation', 'critical', 9),
      finding('rate-limited', 'critical', 2),
    ]);
    expect(sorted.map((f) => f.kind)).toEqual(['rate-limited', 'saturation', 'errors', 'coordinated-omission', 'healthy']);
  });
});
