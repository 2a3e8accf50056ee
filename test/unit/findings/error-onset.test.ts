import { describe, expect, it } from 'vitest';
import { errorFamily, errorOnsetFindings } from '../../../src/core/findings/error-onset';
import { findFindings } from '../../../src/core/findings/find-findings';
import { viewOf } from '../../../src/core/findings/run-view';
import { errorStat, inputOf, requestStat, timelineOf } from './builders';

describe('errorFamily', () => {
  it('sorts failures into kinds and leaves failed checks out', () => {
    expect(errorFamily('HTTP 429')).toBe('rate-limited');
    expect(errorFamily('HTTP 503')).toBe('server');
    expect(errorFamily('HTTP 401')).toBe('status');
    expect(errorFamily('timeout')).toBe('timeout');
    expect(errorFamily('connect timeout')).toBe('timeout');
    expect(errorFamily('connection refused')).toBe('refused');
    expect(errorFamily('connection reset')).toBe('reset');
    expect(errorFamily('broken pipe')).toBe('reset');
    expect(errorFamily('DNS: no such host')).toBe('network');
    expect(errorFamily('check failed: status is 201')).toBeUndefined();
  });
});

describe('error onsets', () => {
  it('names the requests that were rate limited and the load they began at', () => {
    // 25 reviewers ramping 5 a second; from the third round (0:06) most logins answer 429.
    const timeline = timelineOf(20, (t) => {
      const limited = t >= 6 ? 8 : 0;
      return { users: Math.min(25, (t + 1) * 5), rps: 30, failures: limited, p50: 10, p99: 40, statuses: { '200': 30 - limited, ...(limited > 0 ? { '429': limited } : {}) } };
    });
    const requests = [requestStat('login', 200, 112), requestStat('list pending', 200, 0, 'GET'), requestStat('decide change', 200)];
    const errors = [errorStat('login', 'HTTP 429', 112, 6, 19)];
    const [finding, ...rest] = errorOnsetFindings(viewOf(inputOf(timeline, { requests, errors })));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'rate-limited', severity: 'critical', atSeconds: 6, atUsers: 25 });
    expect(finding?.message).toBe('HTTP 429 (rate limited) on login from 0:06, at 25 users: 112 responses, 56% of login requests.');
    expect(finding?.evidence).toMatchObject({
      fromSeconds: 6,
      toSeconds: 19,
      sustained: true,
      errors: ['HTTP 429'],
      requests: [{ name: 'login', method: 'POST', occurrences: 112, shareOfRequest: 0.56, firstSeenSeconds: 6 }],
    });
    expect(finding?.suggestion).toContain('The target throttles login');
    expect(finding?.suggestion).toContain('log in once per user (onStart)');
  });

  it('groups server errors across codes and requests', () => {
    const timeline = timelineOf(20, (t) => {
      const failing = t >= 10 ? 4 : 0;
      return { users: 10 + t, rps: 40, failures: failing, p50: 10, p99: 40, statuses: { '201': 40 - failing, ...(failing > 0 ? { '503': 3, '500': 1 } : {}) } };
    });
    const requests = [requestStat('create deployment', 500, 30), requestStat('get deployment', 300, 10, 'GET')];
    const errors = [errorStat('create deployment', 'HTTP 503', 30, 10, 19), errorStat('get deployment', 'HTTP 500', 10, 11, 19, 'GET')];
    const [finding] = errorOnsetFindings(viewOf(inputOf(timeline, { requests, errors })));
    expect(finding?.kind).toBe('errors');
    expect(finding?.message).toBe('HTTP 500 and 503 on create deployment and get deployment from 0:10, at 20 users: 40 responses (6% of create deployment, 3.33% of get deployment).');
  });

  it('links client errors to the failure of an earlier step they began with', () => {
    const timeline = timelineOf(20, (t) => {
      const limited = t >= 6 ? 8 : 0;
      return { users: 25, rps: 30, failures: 2 * limited, p50: 10, p99: 40, statuses: { '200': 30 - 2 * limited, ...(limited > 0 ? { '429': limited, '401': limited } : {}) } };
    });
    const requests = [requestStat('login', 200, 112), requestStat('list pending', 200, 112, 'GET')];
    const errors = [errorStat('login', 'HTTP 429', 112, 6, 19), errorStat('list pending', 'HTTP 401', 112, 6, 19, 'GET')];
    const findings = errorOnsetFindings(viewOf(inputOf(timeline, { requests, errors })));
    const unauthorised = findings.find((finding) => finding.kind === 'errors');
    expect(unauthorised?.message).toBe(
      'HTTP 401 on list pending from 0:06, at 25 users: 112 responses, 56% of list pending requests; they began with the HTTP 429 (rate limited) on login, so probably follow from it.',
    );
    expect(unauthorised?.suggestion).toContain('Deal with the HTTP 429 (rate limited) on login first');
  });

  it('calls errors that never settle in "now and then", and a handful of them only info', () => {
    const timeline = timelineOf(60, (t) => ({ users: 10, rps: 100, failures: t === 12 || t === 40 ? 1 : 0, p50: 5, p99: 20, statuses: { '200': 100, ...(t === 12 || t === 40 ? { '502': 1 } : {}) } }));
    const [finding] = errorOnsetFindings(viewOf(inputOf(timeline, { requests: [requestStat('home', 6000, 2, 'GET')], errors: [errorStat('home', 'HTTP 502', 2, 12, 40, 'GET')] })));
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toBe('HTTP 502 on home now and then between 0:12 and 0:40 (first at 10 users): 2 responses, 0.033% of home requests.');
    expect(finding?.evidence.sustained).toBe(false);
  });

  it('links them by their first occurrences, and puts the cause first, when a throttle settles in after a few early refusals', () => {
    // A login throttle refuses now and then from 0:04 and steadily from 0:11; the steps after a refused login fail
    // steadily from 0:05, so their sustained onset comes before the throttle's.
    const timeline = timelineOf(30, (t) => {
      const limited = t >= 11 ? 8 : t === 4 || t === 8 ? 1 : 0;
      const unauthorised = t >= 5 ? Math.max(2, limited) : 0;
      return { users: 25, rps: 30, failures: limited + unauthorised, p50: 10, p99: 40, statuses: { '200': 30 - limited - unauthorised, '429': limited, '401': unauthorised } };
    });
    const requests = [requestStat('login', 300, 154), requestStat('list pending', 300, 186, 'GET')];
    const errors = [errorStat('login', 'HTTP 429', 154, 4, 29), errorStat('list pending', 'HTTP 401', 186, 5, 29, 'GET')];
    const findings = findFindings(inputOf(timeline, { requests, errors }));
    expect(findings.map((finding) => finding.kind).slice(0, 2)).toEqual(['rate-limited', 'errors']);
    expect(findings[1]?.message).toContain('they began with the HTTP 429 (rate limited) on login, so probably follow from it');
  });

  it('says a single error in the singular, at its second', () => {
    const timeline = timelineOf(60, (t) => ({ users: 10, rps: 100, failures: t === 12 ? 1 : 0, p50: 5, p99: 20, statuses: { '200': 100, ...(t === 12 ? { '502': 1 } : {}) } }));
    const [finding] = errorOnsetFindings(viewOf(inputOf(timeline, { requests: [requestStat('home', 6000, 1, 'GET')], errors: [errorStat('home', 'HTTP 502', 1, 12, 12, 'GET')] })));
    expect(finding?.message).toBe('HTTP 502 on home at 0:12, at 10 users: 1 response, 0.017% of home requests.');
  });

  it('reports timeouts and refused connections as their own kinds', () => {
    const networkErrors = (t: number): Record<string, number> => (t < 6 ? { refused: 5 } : { timeout: 5 });
    const timeline = timelineOf(12, (t) => ({
      users: 5,
      rps: 5,
      failures: 5,
      p50: t < 6 ? 0.4 : 60000,
      p99: t < 6 ? 1 : 60000,
      statuses: { '0': 5 },
      errors: networkErrors(t),
    }));
    const requests = [requestStat('home', 60, 60, 'GET')];
    const errors = [errorStat('home', 'connection refused', 30, 0, 5, 'GET'), errorStat('home', 'timeout', 30, 6, 11, 'GET')];
    const findings = errorOnsetFindings(viewOf(inputOf(timeline, { requests, errors })));
    expect(findings.map((finding) => finding.kind)).toEqual(['timeouts', 'errors']);
    expect(findings[0]?.message).toBe('Timeouts (no response in time) on requests to home from 0:06, at 5 users: 30 timeouts, 50% of home requests.');
    expect(findings[1]?.message).toBe('Refused connections on requests to home from 0:00, at 5 users: 30 requests, 50% of home requests.');
    expect(findings[1]?.suggestion).toContain('check that the target is running');
  });

  it('leaves failed checks to the checks and finds nothing without errors', () => {
    const timeline = timelineOf(10, () => ({ users: 5, rps: 10, p50: 5, p99: 10 }));
    expect(errorOnsetFindings(viewOf(inputOf(timeline, { errors: [errorStat('home', 'check failed: status is 201', 3, 1, 5)] })))).toEqual([]);
    expect(errorOnsetFindings(viewOf(inputOf(timeline)))).toEqual([]);
  });

  it('still names the requests when there is no timeline, from when each was first seen', () => {
    const [finding] = errorOnsetFindings(viewOf(inputOf([], { errors: [errorStat('login', 'HTTP 429', 3, 2, 4)] })));
    expect(finding?.message).toBe('HTTP 429 (rate limited) on login during the run: 3 responses.');
    expect(finding?.atSeconds).toBeNull();
  });
});
