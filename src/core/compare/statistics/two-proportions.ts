// Two-proportion z-test for error rates, widened for overdispersion: errors come in bursts (a restart, a full
// pool), so the per-second failure counts vary far more than independent coin flips would. The Pearson
// dispersion of each run's per-second counts (quasi-binomial) scales the variance up, never down.

import { twoSidedPValue } from './normal';

/** One second's requests and failures. */
export interface CountSample {
  requests: number;
  failures: number;
}

export interface ProportionTest {
  z: number;
  pValue: number;
  /** Variance multiplier from the per-second counts (1 = as independent as coin flips). */
  dispersion: number;
}

/** Pearson χ² / (k - 1) of per-second failure counts against the run's own error rate; 1 when it cannot tell. */
export function dispersionOf(seconds: readonly CountSample[]): number {
  const used = seconds.filter((s) => s.requests > 0);
  const requests = used.reduce((sum, s) => sum + s.requests, 0);
  const failures = used.reduce((sum, s) => sum + s.failures, 0);
  if (used.length < 3 || requests === 0) return 1;
  const rate = failures / requests;
  if (rate <= 0 || rate >= 1) return 1;
  const chiSquare = used.reduce((sum, s) => {
    const expected = s.requests * rate;
    return sum + (s.failures - expected) ** 2 / (expected * (1 - rate));
  }, 0);
  return Math.max(1, chiSquare / (used.length - 1));
}

/** Two-sided test of failuresB/requestsB against failuresA/requestsA, with the dispersion of both runs' seconds. */
export function twoProportionTest(a: CountSample, b: CountSample, secondsA: readonly CountSample[] = [], secondsB: readonly CountSample[] = []): ProportionTest {
  const dispersion = Math.max(dispersionOf(secondsA), dispersionOf(secondsB));
  if (a.requests <= 0 || b.requests <= 0) return { z: 0, pValue: 1, dispersion };
  const pooled = (a.failures + b.failures) / (a.requests + b.requests);
  const variance = dispersion * pooled * (1 - pooled) * (1 / a.requests + 1 / b.requests);
  if (variance <= 0) return { z: 0, pValue: 1, dispersion };
  const z = (b.failures / b.requests - a.failures / a.requests) / Math.sqrt(variance);
  return { z, pValue: twoSidedPValue(z), dispersion };
}

/**
 * The smallest p-value the test could give for these request counts and this many failures in both runs
 * together, whichever run they fell in (and at the least dispersion). When even that is not below alpha the
 * error rate cannot be judged at all: with no failure in either run, or a handful, every split is within noise.
 * Leaving such figures out of the correction for many figures is Tarone's refinement: a test that can never
 * reject cannot raise a false alarm, so it need not dilute the others.
 */
export function smallestAttainablePValue(a: CountSample, b: CountSample): number {
  const failures = a.failures + b.failures;
  if (failures === 0 || a.requests <= 0 || b.requests <= 0) return 1;
  const allInA = Math.min(failures, a.requests);
  const allInB = Math.max(0, failures - b.requests);
  return Math.min(
    twoProportionTest({ requests: a.requests, failures: allInA }, { requests: b.requests, failures: failures - allInA }).pValue,
    twoProportionTest({ requests: a.requests, failures: allInB }, { requests: b.requests, failures: failures - allInB }).pValue,
  );
}
