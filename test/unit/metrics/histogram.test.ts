import { describe, expect, it } from 'vitest';
import { LogHistogram, RELATIVE_ACCURACY } from '../../../src/core/metrics/histogram';

/** Deterministic generator so a failing case can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Percentile as k6 computes it: linear interpolation between the neighbouring sorted values. */
function exactPercentile(sorted: number[], q: number): number {
  const rank = q * (sorted.length - 1);
  const lower = Math.floor(rank);
  const a = sorted[lower] ?? 0;
  const b = sorted[Math.min(lower + 1, sorted.length - 1)] ?? a;
  return a + (b - a) * (rank - lower);
}

const distributions: Record<string, (r: () => number) => number> = {
  uniform: (r) => 1 + r() * 29,
  exponential: (r) => -Math.log(1 - r()) * 20,
  lognormal: (r) => Math.exp(2 + 1.2 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())),
  bimodal: (r) => (r() < 0.9 ? 2 + r() * 3 : 800 + r() * 400),
  'sub-millisecond': (r) => 0.05 + r() * 0.9,
};
const quantiles = [0.01, 0.1, 0.5, 0.66, 0.75, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999, 0.9999];

describe('LogHistogram', () => {
  it('is empty at first', () => {
    const h = new LogHistogram();
    expect(h.count).toBe(0);
    expect(h.quantile(0.5)).toBeNull();
    expect(h.min).toBeNull();
    expect(h.max).toBeNull();
    expect(h.mean).toBeNull();
  });

  for (const [name, draw] of Object.entries(distributions)) {
    it(`matches exact percentiles within ${RELATIVE_ACCURACY * 100}% on a ${name} distribution`, () => {
      const random = seededRandom(name.length * 7919);
      const values: number[] = [];
      const h = new LogHistogram();
      for (let i = 0; i < 50_000; i++) {
        const v = draw(random);
        values.push(v);
        h.add(v);
      }
      values.sort((a, b) => a - b);
      for (const q of quantiles) {
        const exact = exactPercentile(values, q);
        const estimate = h.quantile(q) ?? NaN;
        expect(Math.abs(estimate - exact) / exact, `q=${q}`).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-9);
      }
      expect(h.min).toBe(values[0]);
      expect(h.max).toBe(values[values.length - 1]);
      expect(h.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
      expect(h.count).toBe(values.length);
    });
  }

  it('is exact at the extremes and for a single value', () => {
    const h = new LogHistogram();
    h.add(12.345);
    expect(h.quantile(0)).toBe(12.345);
    expect(h.quantile(0.5)).toBe(12.345);
    expect(h.quantile(1)).toBe(12.345);
  });

  it('keeps zeros (requests that never connected) apart', () => {
    const h = new LogHistogram();
    for (let i = 0; i < 90; i++) h.add(0);
    for (let i = 0; i < 10; i++) h.add(100);
    expect(h.quantile(0.5)).toBe(0);
    expect(Math.abs((h.quantile(0.95) ?? 0) - 100)).toBeLessThanOrEqual(100 * RELATIVE_ACCURACY);
    expect(h.min).toBe(0);
  });

  it('merges to the same result as one histogram of all values', () => {
    const random = seededRandom(42);
    const whole = new LogHistogram();
    const parts = [new LogHistogram(), new LogHistogram(), new LogHistogram()];
    for (let i = 0; i < 30_000; i++) {
      const v = i % 3 === 0 ? random() * 5 : i % 3 === 1 ? 50 + random() * 50 : 2000 + random() * 9000;
      whole.add(v);
      parts[i % 3]?.add(v);
    }
    const merged = new LogHistogram();
    for (const part of parts) merged.merge(part);
    for (const q of quantiles) expect(merged.quantile(q)).toBeCloseTo(whole.quantile(q) ?? NaN, 9);
    expect(merged.count).toBe(whole.count);
    expect(merged.min).toBe(whole.min);
    expect(merged.max).toBe(whole.max);
  });

  it('round-trips through its sparse form', () => {
    const h = new LogHistogram();
    for (const v of [0, 0.5, 3, 3, 3, 70, 70000]) h.add(v);
    const copy = LogHistogram.fromSparse(JSON.parse(JSON.stringify(h.toSparse())));
    for (const q of quantiles) expect(copy.quantile(q)).toBe(h.quantile(q));
    expect(copy.count).toBe(7);
    expect(h.toSparse().indexes.length).toBe(4);
  });

  it('holds memory by spread of values, not by their count', () => {
    const small = new LogHistogram();
    const large = new LogHistogram();
    const random = seededRandom(7);
    for (let i = 0; i < 1_000; i++) small.add(1 + random() * 99);
    for (let i = 0; i < 1_000_000; i++) large.add(1 + random() * 99);
    expect(large.retainedBytes).toBeLessThanOrEqual(small.retainedBytes * 2);
    expect(large.retainedBytes).toBeLessThan(16_384);
  });

  it('ignores NaN and counts negative values as zero', () => {
    const h = new LogHistogram();
    h.add(Number.NaN);
    h.add(-3);
    expect(h.count).toBe(1);
    expect(h.max).toBe(0);
  });
});
