import { describe, expect, it } from 'vitest';
import { decodeK6Summary } from '../../../src/core/k6/summary';

describe('decodeK6Summary', () => {
  it('keeps values, threshold verdicts and the test duration', () => {
    const summary = decodeK6Summary({
      root_group: {},
      state: { testRunDurationMs: 5012.5, isStdOutTTY: false },
      metrics: {
        http_req_duration: { type: 'trend', contains: 'time', values: { med: 4.2, 'p(95)': 12.5 }, thresholds: { 'p(95)<200': { ok: true } } },
        'http_req_failed{rid:r0}': { type: 'rate', values: { rate: 0.5, passes: 1, fails: 1 }, thresholds: { 'rate<0.01': { ok: false } } },
        http_reqs: { type: 'counter', values: { count: 10, rate: 2 } },
      },
    });
    expect(summary).toEqual({
      testRunDurationMs: 5012.5,
      metrics: {
        http_req_duration: { type: 'trend', values: { med: 4.2, 'p(95)': 12.5 }, thresholds: { 'p(95)<200': true } },
        'http_req_failed{rid:r0}': { type: 'rate', values: { rate: 0.5, passes: 1, fails: 1 }, thresholds: { 'rate<0.01': false } },
        http_reqs: { type: 'counter', values: { count: 10, rate: 2 }, thresholds: {} },
      },
    });
  });

  it('drops what is malformed instead of trusting it', () => {
    expect(decodeK6Summary(null)).toBeUndefined();
    expect(decodeK6Summary({ metrics: [] })).toBeUndefined();
    const summary = decodeK6Summary({ metrics: { a: 'x', b: { values: { n: 'NaN', m: 1 }, thresholds: { t: { ok: 'yes' } } } } });
    expect(summary).toEqual({ testRunDurationMs: undefined, metrics: { b: { type: '', values: { m: 1 }, thresholds: {} } } });
  });
});
