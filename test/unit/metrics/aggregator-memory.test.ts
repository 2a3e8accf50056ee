import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MetricsAggregator } from '../../../src/core/metrics/aggregator';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const T0 = 1_800_000_000_000;
const SECONDS = 60;
const NAMES = 5;
const plan = Array.from({ length: NAMES }, (_, i) => ({ key: `r${i}`, name: `request ${i}`, method: 'GET', group: 'g' }));

/** Feeds `samples` requests spread evenly over the same seconds and names, closing seconds as a live run would. */
function feed(samples: number): { aggregator: MetricsAggregator; maxOpenSeconds: number } {
  const aggregator = new MetricsAggregator({ requests: plan });
  let maxOpenSeconds = 0;
  let state = 12345;
  const perSecond = samples / SECONDS;
  for (let i = 0; i < samples; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const timeMs = T0 + Math.floor((i / perSecond) * 1000);
    const duration = 1 + (state % 100_000) / 1000; // 1..101 ms
    aggregator.request(timeMs, `r${i % NAMES}`, duration, state % 50 === 0 ? 503 : 200, undefined, state % 50 === 0);
    if (i % 10_000 === 0) {
      aggregator.advance(timeMs);
      maxOpenSeconds = Math.max(maxOpenSeconds, aggregator.openSeconds);
    }
  }
  return { aggregator, maxOpenSeconds };
}

function heapAfter(samples: number): { bytes: number; requests: number; maxOpenSeconds: number } {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const { aggregator, maxOpenSeconds } = feed(samples);
  collectGarbage();
  const bytes = process.memoryUsage().heapUsed - before;
  const requests = aggregator.totalsSoFar().requests + 0;
  // Keep the aggregator alive until after the measurement.
  return { bytes: bytes + (aggregator.openSeconds > 1e9 ? 1 : 0), requests, maxOpenSeconds };
}

describe('MetricsAggregator memory', () => {
  it('retains memory by seconds × names, not by the number of samples', () => {
    const small = heapAfter(200_000);
    const large = heapAfter(2_000_000);
    // Ten times the samples, same seconds and names: nearly the same retained heap.
    expect(large.bytes).toBeLessThan(Math.max(small.bytes * 1.5, small.bytes + 1_000_000));
    expect(large.bytes).toBeLessThan(20_000_000);
    expect(large.maxOpenSeconds).toBeLessThanOrEqual(4);
  }, 60_000);
});
