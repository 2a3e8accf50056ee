import { describe, expect, it } from 'vitest';
import type { ErrorStat, TargetResult } from '../../../src/core/results';
import { decideOutcome, type ExitFacts } from '../../../src/core/run/outcome';
import { totals } from './fixtures';

const exit = (facts: Partial<ExitFacts>): ExitFacts => ({ code: 0, signal: null, stopRequested: false, killedByUs: false, ...facts });
const error = (text: string, occurrences: number): ErrorStat => ({ method: 'GET', name: 'home', error: text, occurrences, firstSeen: '', lastSeen: '' });
const failedTarget: TargetResult = {
  metric: 'p99',
  comparison: '<',
  threshold: 200,
  expression: '< 200ms',
  actual: 250,
  passed: false,
  margin: '1.25x over',
  abortOnFail: false,
};

describe('decideOutcome', () => {
  it('passes a completed run whose targets held', () => {
    expect(decideOutcome({ exit: exit({ code: 0 }), totals: totals(), errors: [], targets: [] })).toEqual({
      outcome: 'completed',
      verdict: 'pass',
      message: 'The test ran to the end.',
    });
  });

  it('lists the failed targets with their margin', () => {
    const ending = decideOutcome({ exit: exit({ code: 99 }), totals: totals(), errors: [], targets: [failedTarget, { ...failedTarget, request: 'login', metric: 'median' }] });
    expect(ending.outcome).toBe('thresholds-failed');
    expect(ending.verdict).toBe('fail');
    expect(ending.message).toBe(
      'Some targets were not met (k6 exit code 99). Failed targets: p99 < 200ms (1.25x over); login: median < 200ms (1.25x over).',
    );
  });

  it('fails a run where every request was refused, naming the URL', () => {
    const ending = decideOutcome({
      exit: exit({ code: 0, failedUrl: 'http://127.0.0.1:9/' }),
      totals: totals({ requests: 1234, failures: 1234 }),
      errors: [error('connection refused', 1234)],
      targets: [],
    });
    expect(ending.verdict).toBe('fail');
    expect(ending.message).toBe(
      'The test ran to the end. All 1,234 requests failed: connection refused at http://127.0.0.1:9/. Is the target running and listening there?',
    );
  });

  it('does not put a URL on HTTP errors', () => {
    const ending = decideOutcome({
      exit: exit({ code: 0, failedUrl: 'http://x/' }),
      totals: totals({ requests: 3, failures: 3 }),
      errors: [error('check failed: status is 200', 3), error('HTTP 503', 3)],
      targets: [],
    });
    expect(ending.message).toContain('All 3 requests failed: HTTP 503.');
  });

  it('calls a graceful stop we asked for "stopped"', () => {
    const ending = decideOutcome({ exit: exit({ code: 105, stopRequested: true }), totals: totals(), errors: [], targets: [failedTarget] });
    expect(ending.outcome).toBe('stopped');
    expect(ending.verdict).toBe('stopped');
    expect(ending.message).toMatch(/^The test was stopped on request; the results cover the time it ran\./);
  });

  it('calls a stop that ended k6 while it was starting "stopped"', () => {
    const ending = decideOutcome({ exit: exit({ code: null, signal: 'SIGINT', stopRequested: true }), totals: totals({ requests: 0 }), errors: [], targets: [] });
    expect(ending).toMatchObject({ outcome: 'stopped', verdict: 'stopped' });
  });

  it('calls a kill we made "killed"', () => {
    const ending = decideOutcome({ exit: exit({ code: null, signal: 'SIGKILL', stopRequested: true, killedByUs: true }), totals: totals(), errors: [], targets: [] });
    expect(ending).toMatchObject({ outcome: 'killed', verdict: 'stopped' });
  });

  it('quotes k6 on errors', () => {
    const ending = decideOutcome({
      exit: exit({ code: 107, k6Error: 'SyntaxError: Unexpected token at script.js:3:4' }),
      totals: totals({ requests: 0 }),
      errors: [],
      targets: [],
    });
    expect(ending).toEqual({
      outcome: 'script-error',
      verdict: 'error',
      message: 'The test script failed with an error (k6 exit code 107). k6 said: SyntaxError: Unexpected token at script.js:3:4',
    });
  });

  it('reports a crash by signal', () => {
    const ending = decideOutcome({ exit: exit({ code: null, signal: 'SIGSEGV' }), totals: totals(), errors: [], targets: [] });
    expect(ending.outcome).toBe('k6-crashed');
    expect(ending.message).toContain('SIGSEGV');
  });

  it('reports a k6 that could not start', () => {
    const ending = decideOutcome({ exit: exit({ spawnError: 'spawn /x/k6 ENOENT' }), totals: totals(), errors: [], targets: [] });
    expect(ending.outcome).toBe('k6-missing');
    expect(ending.message).toContain('spawn /x/k6 ENOENT');
    expect(ending.message).toContain('LOADSCOPE_K6');
  });

  it('fails a completed run that made no request', () => {
    const ending = decideOutcome({ exit: exit({ code: 0 }), totals: totals({ requests: 0 }), errors: [], targets: [] });
    expect(ending.verdict).toBe('fail');
    expect(ending.message).toContain('No request was made');
  });
});
