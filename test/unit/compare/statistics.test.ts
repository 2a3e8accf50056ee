import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../../src/core/compare/statistics/holm';
import { twoSidedPValue } from '../../../src/core/compare/statistics/normal';
import { lag1Autocorrelation, meanVarianceFactor, pooledCorrelation, varianceBiasCorrection } from '../../../src/core/compare/statistics/serial-correlation';
import { incompleteBeta, studentTwoSidedPValue } from '../../../src/core/compare/statistics/student-t';
import { trimmedMeansTest } from '../../../src/core/compare/statistics/trimmed-means';
import { dispersionOf, smallestAttainablePValue, twoProportionTest } from '../../../src/core/compare/statistics/two-proportions';
import { seededRandom } from './synthetic-runs';

describe('normal tail', () => {
  it('gives the textbook two-sided p-values', () => {
    expect(twoSidedPValue(0)).toBeCloseTo(1, 6);
    expect(twoSidedPValue(1.959964)).toBeCloseTo(0.05, 5);
    expect(twoSidedPValue(-2.575829)).toBeCloseTo(0.01, 5);
    expect(twoSidedPValue(3.290527)).toBeCloseTo(0.001, 5);
    expect(twoSidedPValue(Number.NaN)).toBe(1);
  });
});

describe('Student t tail', () => {
  it('gives the textbook critical values, for whole and fractional degrees of freedom', () => {
    expect(incompleteBeta(2, 3, 0.5)).toBeCloseTo(11 / 16, 12);
    expect(studentTwoSidedPValue(12.706, 1)).toBeCloseTo(0.05, 4);
    expect(studentTwoSidedPValue(-4.303, 2)).toBeCloseTo(0.05, 4);
    expect(studentTwoSidedPValue(2.228, 10)).toBeCloseTo(0.05, 4);
    expect(studentTwoSidedPValue(2.75, 30)).toBeCloseTo(0.01, 4);
    // Many degrees of freedom: the normal curve.
    expect(studentTwoSidedPValue(1.959964, 1e7)).toBeCloseTo(0.05, 5);
    const between = studentTwoSidedPValue(3, 2.5);
    expect(between).toBeLessThan(studentTwoSidedPValue(3, 2));
    expect(between).toBeGreaterThan(studentTwoSidedPValue(3, 3));
  });

  it('is 1 at zero, 0 at infinity, and 1 when the degrees of freedom are not positive', () => {
    expect(studentTwoSidedPValue(0, 5)).toBe(1);
    expect(studentTwoSidedPValue(Infinity, 5)).toBe(0);
    expect(studentTwoSidedPValue(3, 0)).toBe(1);
    expect(studentTwoSidedPValue(Number.NaN, 5)).toBe(1);
  });
});

/** An AR(1) series with unit variance: each value keeps `rho` of the last one. */
function autoregressive(random: () => number, n: number, rho: number, shift = 0): number[] {
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
  const series: number[] = [];
  let value = normal();
  for (let i = 0; i < n; i++) {
    if (i > 0) value = rho * value + Math.sqrt(1 - rho * rho) * normal();
    series.push(value + shift);
  }
  return series;
}

describe("trimmed means (Yuen's test)", () => {
  it('compares 20 %-trimmed means, so a few wild seconds do not make a difference', () => {
    const calm = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    const wild = [10, 11, 12, 13, 14, 15, 16, 17, 900, 950];
    const test = trimmedMeansTest(calm, wild);
    // Plain means would differ by 185; the trimmed means (the middle six values of each) are 14.5 and 14.5.
    expect(test.difference).toBeCloseTo(0, 10);
    expect(test.pValue).toBeGreaterThan(0.5);
  });

  it('finds a clear shift between two short series, and says which way', () => {
    const a = [12, 15, 11, 18, 14, 13, 16, 17, 10, 19, 14, 15, 13, 16, 12];
    const b = a.map((value) => value + 10);
    const test = trimmedMeansTest(a, b);
    expect(test.difference).toBeCloseTo(10, 10);
    expect(test.t).toBeGreaterThan(5);
    expect(test.pValue).toBeLessThan(0.001);
    expect(trimmedMeansTest(b, a).difference).toBeCloseTo(-10, 10);
  });

  it('finds nothing in equal or empty samples', () => {
    expect(trimmedMeansTest([5, 5, 5, 5], [5, 5, 5, 5]).pValue).toBe(1);
    expect(trimmedMeansTest([], [1, 2]).pValue).toBe(1);
    expect(trimmedMeansTest([1], [1, 2]).pValue).toBe(1);
    expect(trimmedMeansTest([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]).pValue).toBe(1);
    expect(trimmedMeansTest([5, 5, 5, 5], [7, 7, 7, 7]).pValue).toBe(0);
  });

  it('widens the error for a series that drifts, so a trend is not taken for a shift', () => {
    const trendA = Array.from({ length: 30 }, (_, i) => 100 + i);
    const trendB = Array.from({ length: 30 }, (_, i) => 105 + i);
    const shuffledA = [...trendA].sort((x, y) => ((x * 7919) % 31) - ((y * 7919) % 31));
    const shuffledB = [...trendB].sort((x, y) => ((x * 7919) % 31) - ((y * 7919) % 31));
    expect(trimmedMeansTest(trendA, trendB).pValue).toBeGreaterThan(trimmedMeansTest(shuffledA, shuffledB).pValue);
    expect(trimmedMeansTest(trendA, trendB).pValue).toBeGreaterThan(0.05);
  });

  // The per-second p50 of two real 15-second runs against a target answering in 20 ms, then in 30 ms: the first
  // run's median sits on a histogram bucket's edge and flips once from 20.8 to 21.0 ms. A rank test with its
  // variance widened for that "drift" could not get below p ≈ 0.01 however far apart the runs were.
  it('calls a 10 ms shift over seconds that vary by 0.2 ms significant, even when they flip between two buckets', () => {
    const a = [20.8, 20.8, 20.8, 20.8, 20.8, 20.8, 20.7, 21.0, 21.0, 21.0, 21.0, 21.0, 21.0, 21.0, 21.0];
    const b = [31.0, 30.7, 31.0, 31.0, 31.0, 31.0, 31.3, 31.0, 31.0, 31.0, 31.0, 31.0, 30.7, 31.0, 31.3];
    const test = trimmedMeansTest(a, b, 0.005);
    expect(test.difference).toBeCloseTo(10.09, 2);
    expect(test.pValue).toBeLessThan(1e-4);
    // Counting the flip within the histogram's resolution as drift costs an order of magnitude.
    expect(trimmedMeansTest(a, b, 0).pValue).toBeGreaterThan(test.pValue);
  });

  // Measured over many seeds: ρ ≤ 0.6 gives 2-4 % at 5 % and about 1 % at 1 %; ρ = 0.8 gives 6 % and 2 % (docs/comparison.md).
  it('keeps false alarms near the nominal rate on 15-second runs that drift (AR(1) up to ρ = 0.6)', () => {
    const random = seededRandom(20260122);
    for (const rho of [0, 0.3, 0.6]) {
      let at5 = 0;
      let at1 = 0;
      const trials = 3000;
      for (let trial = 0; trial < trials; trial++) {
        const p = trimmedMeansTest(autoregressive(random, 15, rho), autoregressive(random, 15, rho)).pValue;
        if (p < 0.05) at5++;
        if (p < 0.01) at1++;
      }
      expect(at5 / trials, `ρ = ${rho}, at 5 %`).toBeLessThan(0.05);
      expect(at1 / trials, `ρ = ${rho}, at 1 %`).toBeLessThan(0.016);
    }
  });

  it('still finds a shift of two standard deviations in most pairs of 15 independent seconds', () => {
    const random = seededRandom(7);
    let found = 0;
    for (let trial = 0; trial < 400; trial++) {
      if (trimmedMeansTest(autoregressive(random, 15, 0), autoregressive(random, 15, 0, 2)).pValue < 0.05) found++;
    }
    expect(found / 400).toBeGreaterThan(0.85);
  });
});

describe('serial correlation', () => {
  it('is near 1 for a trend, near or below 0 for an alternating series', () => {
    expect(lag1Autocorrelation(Array.from({ length: 40 }, (_, i) => i))).toBeGreaterThan(0.9);
    expect(lag1Autocorrelation(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 : -1)))).toBeLessThan(0);
    expect(lag1Autocorrelation([1, 2])).toBe(0);
    expect(lag1Autocorrelation([3, 3, 3, 3])).toBe(0);
  });

  it('counts variation within the rounding of the values as noise, not drift', () => {
    const flip = [20.8, 20.8, 20.8, 20.8, 20.8, 20.8, 20.8, 21, 21, 21, 21, 21, 21, 21, 21];
    expect(lag1Autocorrelation(flip, (0.005 * 20.9) ** 2 / 3)).toBeLessThan(lag1Autocorrelation(flip) - 0.15);
  });

  it('pools both series, raises the estimate by a standard error, never goes below 0 and caps at 0.9', () => {
    // Independent-looking seconds still get a little correlation: 15 s cannot rule it out.
    const alternating = Array.from({ length: 15 }, (_, i) => (i % 2 === 0 ? 1 : 2));
    expect(pooledCorrelation([alternating])).toBe(0);
    expect(pooledCorrelation([Array.from({ length: 50 }, (_, i) => i)])).toBe(0.9);
    expect(pooledCorrelation([])).toBe(0);
    const noise = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
    expect(pooledCorrelation([noise, noise])).toBeCloseTo(Math.min(0.9, Math.max(0, lag1Autocorrelation(noise) + Math.sqrt((1 - lag1Autocorrelation(noise) ** 2) / 30))), 10);
  });

  it('turns the correlation into the exact finite-length variance factor of a mean', () => {
    expect(meanVarianceFactor(0, 15)).toBe(1);
    expect(meanVarianceFactor(-0.3, 15)).toBe(1);
    // 1 + 2 Σ (1 - k/15) 0.5^k: below the asymptotic (1 + 0.5) / (1 - 0.5) = 3 for a short series, close to it for a long one.
    expect(meanVarianceFactor(0.5, 15)).toBeCloseTo(2.7333, 3);
    expect(meanVarianceFactor(0.5, 10_000)).toBeCloseTo(3, 2);
    expect(varianceBiasCorrection(1, 15)).toBe(1);
    expect(varianceBiasCorrection(5, 15)).toBeCloseTo(14 / 10, 10);
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

  it('knows when no split of the failures could be significant', () => {
    expect(smallestAttainablePValue({ requests: 1000, failures: 0 }, { requests: 1000, failures: 0 })).toBe(1);
    // One failure in 2000 requests, whichever run had it: z = 1.
    expect(smallestAttainablePValue({ requests: 1000, failures: 1 }, { requests: 1000, failures: 0 })).toBeCloseTo(0.3173, 3);
    expect(smallestAttainablePValue({ requests: 1000, failures: 3 }, { requests: 1000, failures: 2 })).toBeLessThan(0.05);
    // Two failures in ten requests of a short run B, none in A's thousand: that could be significant.
    expect(smallestAttainablePValue({ requests: 1000, failures: 0 }, { requests: 10, failures: 2 })).toBeLessThan(1e-6);
    expect(smallestAttainablePValue({ requests: 0, failures: 0 }, { requests: 10, failures: 2 })).toBe(1);
  });
});

describe('Holm', () => {
  it('adjusts step-down and keeps the order monotone', () => {
    expect(holmAdjust([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});
