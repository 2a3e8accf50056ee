import { describe, expect, it } from 'vitest';
import { explainK6Exit } from '../../../src/core/k6/exit-codes';

describe('explainK6Exit', () => {
  it.each([
    [0, 'completed'],
    [99, 'thresholds-failed'],
    [103, 'stopped'],
    [105, 'stopped'],
    [104, 'invalid-config'],
    [107, 'script-error'],
    [108, 'script-error'],
    [109, 'k6-crashed'],
    [110, 'thresholds-failed'],
    [255, 'k6-crashed'],
    [1, 'k6-crashed'],
  ] as const)('exit code %i means %s', (code, outcome) => {
    const meaning = explainK6Exit(code, null);
    expect(meaning.outcome).toBe(outcome);
    expect(meaning.words).toMatch(/\.$/);
  });

  it('names the code in its words', () => {
    expect(explainK6Exit(99, null).words).toBe('Some targets were not met (k6 exit code 99).');
    expect(explainK6Exit(42, null).words).toContain('exit code 42');
  });

  it('tells a kill we made from a death by signal', () => {
    expect(explainK6Exit(null, 'SIGKILL', true).outcome).toBe('killed');
    const crash = explainK6Exit(null, 'SIGKILL');
    expect(crash.outcome).toBe('k6-crashed');
    expect(crash.words).toContain('SIGKILL');
  });
});
