import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../../src/core/compare/statistics/holm';
import { mannWhitneyTest, median } from '../../../src/core/compare/statistics/mann-whitney';
import { twoSidedPValue } from '../../../src/core/compare/statistics/normal';
import { lag1Autocorrelation, varianceInflation } from '../../../src/core/compare/statistics/serial-correlation';
import { dispersionOf, twoProportionTest } from '../../../src/core/compare/statistics/two-proportions';

describe('normal tail', () => {
  it('gives the textbook two-sided p-values', () => {
    expect(twoSidedPValue(0)).toBeCloseTo(1, 6);
    expect(twoSidedPValue(1.959964)).toBeCloseTo(0.05, 5);
    expect(twoSidedPValue(-2.575829)).toBeCloseTo(0.01, 5);
    expect(twoSidedPValue(3.290527)).toBeCloseTo(0.001, 5);
    expect(twoSidedPValue(Number.NaN)).toBe(1);
  });
});

describe('Mann-Whitney U', () => {
  it('counts U as the pairs the second sample wins, ties a half', () => {
    // b beats a in 3 of 4 pairs outright; 3 vs 3 is a tie.
    expect(mannWhitneyTest([1, 3], [2, 4]).u).toBe(3);
    expect(mannWhitneyTest([1, 3], [3, 4]).u).toBe(3.5);
  });

  it('matches the normal approximation of a worked example', () => {
    const a = [12, 15, 11, 18, 14, 13, 16, 17, 10, 19];
    const b = [22, 25, 21, 28, 24, 23, 26, 27, 20, 29];
    const test = mannWhitneyTest(a, b);
    expect(test.u).toBe(100);
    // Completely separated samples of 10: z = (50 - 0.5) / sqrt(175) before the correlation widening.
    expect(test.z).toBeGreaterThan(0);
    expect(test.pValue).toBeLessThan(0.001);
    expect(test.medianShift).toBe(10);
  });

  it('finds nothing in equal or empty samples', () => {
    expect(mannWhitneyTest([5, 5, 5], [5, 5, 5]).pValue).toBe(1);
    expect(mannWhitneyTest([], [1, 2]).pValue).toBe(1);
    expect(mannWhitneyTest([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]).pValue).toBe(1);
  });

  it('widens the variance for a series that drifts, so a trend is not taken for a shift', () => {
    const trendA = Array.from({ length: 30 }, (_, i) => 100 + i);
    const trendB = Array.from({ length: 30 }, (_, i) => 105 + i);
    const shuffledA = [...trendA].sort((x, y) => ((x * 7919) % 31) - ((y * 7919) % 31));
    const shuffledB = [...trendB].sort((x, y) => ((x * 7919) % 31) - ((y * 7919) % 31));
    expect(mannWhitneyTest(trendA, trendB).pValue).toBeGreaterThan(mannWhitneyTest(shuffledA, shuffledB).pValue);
  });

  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('serial correlation', () => {
  it('is near 1 for a trend, near or below 0 for an alternating series', () => {
    expect(lag1Autocorrelation(Array.from({ length: 40 }, (_, i) => i))).toBeGreaterThan(0.9);
    expect(lag1Autocorrelation(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 : -1)))).toBeLessThan(0);
    expect(lag1Autocorrelation([1, 2])).toBe(0);
    expect(lag1Autocorrelation([3, 3, 3, 3])).toBe(0);
  });

  it('never shrinks the variance and caps how much it grows', () => {
    expect(varianceInflation([[1, -1, 1, -1, 1, -1]])).toBe(1);
    expect(varianceInflation([Array.from({ length: 50 }, (_, i) => i)])).toBeCloseTo(19, 5);
    expect(varianceInflation([])).toBe(1);
  });
});

describe('two proportions', () => {
  it('finds 2 % against 0.5 % over 10,000 requests each', () => {
    const test = twoProportionTest({ requests: 10_000, failures: 50 }, { requests: 10_000, failures: 200 });
    expect(test.z).toBeGreaterThan(8);
    expect(test.pValue).toBeLessThan(1e-6);
  });

  it('finds nothing when neither run failed, or a run is empty', () => {
    expect(twoProportionTest({ requests: 100, failures: 0 }, { requests: 100, failures: 0 }).pValue).toBe(1);
    expect(twoProportionTest({ requests: 0, failures: 0 }, { requests: 100, failures: 5 }).pValue).toBe(1);
  });

  it('widens the variance when failures come in bursts', () => {
    const even = Array.from({ length: 20 }, () => ({ requests: 100, failures: 1 }));
    const bursty = Array.from({ length: 20 }, (_, i) => ({ requests: 100, failures: i === 3 ? 20 : 0 }));
    expect(dispersionOf(even)).toBe(1);
    expect(dispersionOf(bursty)).toBeGreaterThan(10);
    const a = { requests: 2000, failures: 20 };
    const b = { requests: 2000, failures: 40 };
    expect(twoProportionTest(a, b, bursty, bursty).pValue).toBeGreaterThan(twoProportionTest(a, b, even, even).pValue);
  });
});

describe('Holm', () => {
  it('adjusts step-down and keeps the order monotone', () => {
    expect(holmAdjust([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});
