// The words at the end of a line: figures people look for first, verdicts with their value and margin.
import { describe, expect, it } from 'vitest';
import { requestFigures, targetVerdict } from '../../../src/extension/results-in-editor/annotation-text';
import { judged, requestStats } from './fixtures';

describe('request figures', () => {
  it('gives p50, p95, p99 and the error rate', () => {
    expect(requestFigures(requestStats({ count: 68_902, failures: 689, p50: 4.8, p95: 212, p99: 1_950 }))).toBe('p50 4.8 ms · p95 212 ms · p99 1,950 ms · 1% errors');
  });

  it('says when nothing answered instead of printing zeros', () => {
    expect(requestFigures(requestStats({ count: 0 }))).toBe('no responses in the last run');
  });
});

describe('target verdict', () => {
  it('gives a latency target’s value and margin', () => {
    expect(targetVerdict(judged({ metric: 'p95', comparison: '<', threshold: 300, expression: '< 300ms', actual: 120, margin: '2.5x better' }))).toBe('✓ passed: 120 ms, 2.5x better');
    expect(targetVerdict(judged({ metric: 'p99', comparison: '<', threshold: 500, expression: '< 500ms', actual: 612, passed: false, margin: '1.22x over' }))).toBe('✗ failed: 612 ms, 1.22x over');
  });

  it('does not repeat a rate, which its margin already states', () => {
    expect(targetVerdict(judged({ metric: 'errors', comparison: '<', threshold: 0.01, expression: '< 1%', actual: 0.05, passed: false, margin: '5%, 4 points above the limit' }))).toBe(
      '✗ failed: 5%, 4 points above the limit',
    );
  });

  it('gives a throughput in requests per second', () => {
    expect(targetVerdict(judged({ metric: 'rps', comparison: '>', threshold: 50, expression: '> 50/s', actual: 48.2, passed: false, margin: '1.04x under' }))).toBe('✗ failed: 48.2/s, 1.04x under');
  });

  it('says when nothing was measured', () => {
    expect(targetVerdict(judged({ metric: 'p95', comparison: '<', threshold: 300, expression: '< 300ms', actual: null, passed: false, margin: 'nothing measured' }))).toBe('✗ failed: nothing measured');
    expect(targetVerdict(judged({ metric: 'p95', comparison: '<', threshold: 300, expression: '< 300ms', actual: null, passed: false, margin: '' }))).toBe('✗ failed: nothing measured');
  });
});
