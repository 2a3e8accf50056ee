// Yuen's test of two trimmed means (Welch's unequal variances, on 20 %-trimmed means and winsorized variances),
// applied to two series of per-second figures with each variance widened for serial correlation.
//
// Why this test: it weighs how far apart the two runs' seconds are against how much each run's seconds vary, so a
// 50 % slowdown over seconds that vary by 1 % is unmistakable even in 15 seconds. A rank test cannot see that: once
// the two series no longer overlap its answer stops growing, and on a short drifting series that cap sits above
// any significance level. Trimming the highest and lowest fifth of each run's seconds (and winsorizing them for
// the variance) keeps the test as indifferent to a few wild seconds (a garbage collection, a neighbour's build)
// as a rank test would be.

import { meanVarianceFactor, pooledCorrelation, varianceBiasCorrection } from './serial-correlation';
import { studentTwoSidedPValue } from './student-t';

/** Share of seconds cut from each end before averaging: 20 %, the usual robust choice. */
export const TRIM = 0.2;

export interface TrimmedMeansTest {
  /** Trimmed mean of the second sample minus that of the first: the direction and size of the shift. */
  difference: number;
  /** Standard score of the difference after the serial-correlation widening. */
  t: number;
  /** Welch-Satterthwaite degrees of freedom, counted in effective (independent) seconds. */
  degreesOfFreedom: number;
  pValue: number;
  /** The lag-1 correlation assumed for both series (see serial-correlation.ts). */
  correlation: number;
}

interface TrimmedSample {
  n: number;
  /** Values kept after trimming. */
  kept: number;
  trimmedMean: number;
  /** The series in its own order with the trimmed values pulled in to the nearest kept one. */
  winsorized: number[];
  winsorizedVariance: number;
}

function trimmedSample(values: readonly number[]): TrimmedSample {
  const n = values.length;
  const sorted = [...values].sort((x, y) => x - y);
  const cut = Math.floor(TRIM * n);
  const kept = n - 2 * cut;
  const middle = sorted.slice(cut, n - cut);
  const trimmedMean = middle.reduce((sum, value) => sum + value, 0) / kept;
  const low = sorted[cut] ?? 0;
  const high = sorted[n - 1 - cut] ?? 0;
  const winsorized = values.map((value) => Math.min(high, Math.max(low, value)));
  const mean = winsorized.reduce((sum, value) => sum + value, 0) / n;
  const winsorizedVariance = winsorized.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  return { n, kept, trimmedMean, winsorized, winsorizedVariance };
}

/** Squared standard error of one trimmed mean (Yuen), widened for the correlation, and its degrees of freedom. */
function errorOf(sample: TrimmedSample, correlation: number): { squaredError: number; degreesOfFreedom: number } {
  const factor = meanVarianceFactor(correlation, sample.n);
  const yuen = ((sample.n - 1) * sample.winsorizedVariance) / (sample.kept * (sample.kept - 1));
  return {
    squaredError: yuen * factor * varianceBiasCorrection(factor, sample.n),
    // A run of n seconds that counts as n / factor independent ones has that many fewer degrees of freedom.
    degreesOfFreedom: Math.max(1, (sample.kept - 1) / factor),
  };
}

/**
 * Two-sided test of `b`'s trimmed mean against `a`'s; p = 1 when either side has fewer than 2 values.
 * `relativeResolution`: how closely each value was measured relative to itself (per-second percentiles come from
 * a histogram kept to ±0.5 %); variation within it is not taken for drift.
 */
export function trimmedMeansTest(a: readonly number[], b: readonly number[], relativeResolution = 0): TrimmedMeansTest {
  if (a.length < 2 || b.length < 2) return { difference: 0, t: 0, degreesOfFreedom: 0, pValue: 1, correlation: 0 };
  const sampleA = trimmedSample(a);
  const sampleB = trimmedSample(b);
  const difference = sampleB.trimmedMean - sampleA.trimmedMean;
  const correlation = pooledCorrelation([sampleA.winsorized, sampleB.winsorized], relativeResolution);
  const errorA = errorOf(sampleA, correlation);
  const errorB = errorOf(sampleB, correlation);
  const squaredError = errorA.squaredError + errorB.squaredError;
  if (squaredError <= 0) {
    // Both runs held one value throughout (after trimming): any difference is beyond noise, none is within it.
    const pValue = difference === 0 ? 1 : 0;
    return { difference, t: difference === 0 ? 0 : Math.sign(difference) * Infinity, degreesOfFreedom: 0, pValue, correlation };
  }
  const t = difference / Math.sqrt(squaredError);
  const degreesOfFreedom = squaredError ** 2 / (errorA.squaredError ** 2 / errorA.degreesOfFreedom + errorB.squaredError ** 2 / errorB.degreesOfFreedom);
  return { difference, t, degreesOfFreedom, pValue: studentTwoSidedPValue(t, degreesOfFreedom), correlation };
}
