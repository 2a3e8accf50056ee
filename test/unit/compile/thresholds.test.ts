import { describe, expect, it } from 'vitest';
import { buildThresholds, formatNumber, thresholdForTarget } from '../../../src/core/compile/thresholds';
import { target } from './scenario-builder';

describe('thresholdForTarget', () => {
  it('turns success round into a failure rate', () => {
    expect(thresholdForTarget(target('success', '>=', 0.99))).toEqual({ metricKey: 'http_req_failed', k6Expression: 'rate<=0.01' });
    expect(thresholdForTarget(target('success', '>', 0.999))).toEqual({ metricKey: 'http_req_failed', k6Expression: 'rate<0.001' });
    expect(thresholdForTarget(target('success', '<', 0.5))).toEqual({ metricKey: 'http_req_failed', k6Expression: 'rate>0.5' });
    expect(thresholdForTarget(target('success', '<=', 1))).toEqual({ metricKey: 'http_req_failed', k6Expression: 'rate>=0' });
  });

  it('filters per-request targets on the rid tag', () => {
    expect(thresholdForTarget(target('rps', '>=', 12.5), 'r7')).toEqual({ metricKey: 'http_reqs{rid:r7}', k6Expression: 'rate>=12.5' });
    expect(thresholdForTarget(target('median', '<', 0.5), 'r0')).toEqual({ metricKey: 'http_req_duration{rid:r0}', k6Expression: 'med<0.5' });
  });
});

describe('buildThresholds', () => {
  it('merges targets that become the same expression; abort and the earliest delay win', () => {
    const { thresholds, mapping } = buildThresholds(
      [
        target('p95', '<', 300),
        target('p95', '<', 300, { abortOnFail: true, abortGraceSeconds: 20 }),
        target('p95', '<', 300, { abortOnFail: true, abortGraceSeconds: 5 }),
      ],
      new Map(),
    );
    expect(thresholds).toEqual({ http_req_duration: [{ threshold: 'p(95)<300', abortOnFail: true, delayAbortEval: '5s' }] });
    expect(mapping.map((m) => m.k6Expression)).toEqual(['p(95)<300', 'p(95)<300', 'p(95)<300']);
  });

  it('has only the harmless per-request thresholds when there are no targets', () => {
    expect(buildThresholds([], new Map([['a', 'r0']])).thresholds).toEqual({
      'http_req_duration{rid:r0}': ['max>=0'],
      'http_req_failed{rid:r0}': ['rate>=0'],
      'http_reqs{rid:r0}': ['count>=0'],
    });
  });
});

describe('formatNumber', () => {
  it('drops binary noise and keeps small values exact', () => {
    expect(formatNumber(1 - 0.99)).toBe('0.01');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(250)).toBe('250');
    expect(formatNumber(0.0001)).toBe('0.0001');
  });
});
