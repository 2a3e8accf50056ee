import { describe, expect, it } from 'vitest';
import { describeTarget, parseTargetExpression, type MetricKind } from '../../../src/core/scenario/target-expression';

describe('parseTargetExpression', () => {
  it.each<[string, string, MetricKind, string, number]>([
    ['< 200ms', 'median', 'latency', '<', 200],
    ['<= 1s', 'p99', 'latency', '<=', 1000],
    ['<1.5s', 'p95', 'latency', '<', 1500],
    ['< 0.1%', 'errors', 'percent', '<', 0.001],
    ['> 99.9%', 'success', 'percent', '>', 0.999],
    ['>= 50/s', 'rps', 'throughput', '>=', 50],
    ['>= 600/m', 'rps', 'throughput', '>=', 10],
  ])('reads %s for %s', (text, metric, kind, comparison, value) => {
    const result = parseTargetExpression(text, metric, kind);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.comparison).toBe(comparison);
      expect(result.value.value).toBeCloseTo(value);
    }
  });

  it.each<[string, MetricKind, string]>([
    ['< 5%', 'latency', 'target-unit'],
    ['< 200ms', 'percent', 'target-unit'],
    ['>= 50ms', 'throughput', 'target-unit'],
    ['< 200', 'latency', 'target-unit'],
    ['= 200ms', 'latency', 'bad-target'],
    ['== 1%', 'percent', 'bad-target'],
    ['fast', 'latency', 'bad-target'],
    ['< 120%', 'percent', 'bad-target'],
    ['< -5ms', 'latency', 'bad-target'],
  ])('refuses %s for a %s metric (%s)', (text, kind, code) => {
    const result = parseTargetExpression(text, 'metric', kind);
    expect(result.ok ? undefined : result.problem.code).toBe(code);
  });

  it('adds a missing unit or operator as a fix', () => {
    const noUnit = parseTargetExpression('< 200', 'p99', 'latency');
    expect(noUnit.ok ? undefined : noUnit.problem.fix?.replacement).toBe('< 200ms');
    const noOperator = parseTargetExpression('200ms', 'p99', 'latency');
    expect(noOperator.ok ? undefined : noOperator.problem.fix?.replacement).toBe('< 200ms');
    const success = parseTargetExpression('99%', 'success', 'percent');
    expect(success.ok ? undefined : success.problem.fix?.replacement).toBe('> 99%');
    const rps = parseTargetExpression('50', 'rps', 'throughput');
    expect(rps.ok ? undefined : rps.problem.fix?.replacement).toBe('>= 50/s');
    const reversed = parseTargetExpression('=< 1s', 'p99', 'latency');
    expect(reversed.ok ? undefined : reversed.problem.fix?.replacement).toBe('<= 1s');
  });

  it('names the metric and its units when the unit does not fit', () => {
    const result = parseTargetExpression('< 5%', 'p99', 'latency');
    expect(result.ok ? '' : result.problem.message).toContain("'%' does not fit p99: it takes a response time in ms or s");
  });
});

describe('describeTarget', () => {
  it.each<[string, MetricKind, string, string]>([
    ['p99', 'latency', '< 500ms', '99% of responses faster than 500 ms'],
    ['median', 'latency', '< 200ms', 'half of the responses faster than 200 ms'],
    ['p95', 'latency', '<= 1s', '95% of responses take at most 1 second'],
    ['avg', 'latency', '< 300ms', 'the average response time below 300 ms'],
    ['p90', 'latency', '> 10ms', 'the 90th percentile response time above 10 ms'],
    ['errors', 'percent', '< 0.1%', 'fewer than 0.1% of requests fail'],
    ['success', 'percent', '> 99.9%', 'more than 99.9% of requests succeed'],
    ['rps', 'throughput', '>= 50/s', 'at least 50 requests per second'],
  ])('%s %s %s → %s', (metric, kind, text, words) => {
    const parsed = parseTargetExpression(text, metric, kind);
    expect(parsed.ok && describeTarget(metric, kind, parsed.value)).toBe(words);
  });
});
