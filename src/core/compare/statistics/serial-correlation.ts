// Per-second samples of one run are not independent: latency drifts (warm-up, garbage collection, a growing
// table), so neighbouring seconds resemble each other and a run of n seconds holds fewer than n independent
// ones. Tests that assume independence then see "significant" differences between two runs of the same build.
// The lag-1 autocorrelation measures that resemblance; an AR(1) model turns it into an effective sample size.

/**
 * Lag-1 autocorrelation of a series around its own mean, corrected for its small-sample bias; 0 for series too
 * short or flat to tell. `roundingVariance` is the variance each value carries from the way it was measured: it
 * counts as independent noise, so a series that only flips between two neighbouring rounded values (a latency
 * sitting on a histogram bucket's edge) is not taken for a drift.
 */
export function lag1Autocorrelation(series: readonly number[], roundingVariance = 0): number {
  const n = series.length;
  if (n < 3) return 0;
  const mean = series.reduce((sum, value) => sum + value, 0) / n;
  let denominator = n * Math.max(0, roundingVariance);
  let numerator = 0;
  for (let i = 0; i < n; i++) {
    const deviation = (series[i] ?? mean) - mean;
    denominator += deviation * deviation;
    if (i > 0) numerator += deviation * ((series[i - 1] ?? mean) - mean);
  }
  if (denominator === 0) return 0;
  const r = numerator / denominator;
  // The estimate is biased towards zero in short series, E[r] ≈ ρ - (1 + 3ρ) / n (Marriott and Pope); undo it.
  return r + (1 + 3 * r) / n;
}

/** Variance of a value known to within ±`relativeResolution` of itself (uniform rounding error). */
function roundingVarianceOf(series: readonly number[], relativeResolution: number): number {
  if (relativeResolution <= 0 || series.length === 0) return 0;
  const mean = series.reduce((sum, value) => sum + value, 0) / series.length;
  return (relativeResolution * mean) ** 2 / 3;
}

// Beyond this a series of a few dozen seconds is mostly trend, and no sample size can be trusted.
export const MAX_CORRELATION = 0.9;

/**
 * The lag-1 correlation assumed for the seconds of two runs compared: the bias-corrected estimates of both
 * series pooled (same build, same process), raised by one standard error, sqrt((1 - r²) / N) over the N seconds
 * used, then kept within [0, 0.9] (a negative correlation never shrinks the variance). On ~15 seconds a run the estimate is so uncertain (±0.2) that taking it at face
 * value would call a drifting same-build pair different too often; one standard error keeps the false-alarm rate
 * near its nominal level (test/unit/compare/statistics.test.ts), and costs little when the change is clear.
 * `relativeResolution`: how closely each value was measured, relative to itself (0 = exactly).
 */
export function pooledCorrelation(series: readonly (readonly number[])[], relativeResolution = 0): number {
  const used = series.filter((s) => s.length >= 3);
  const total = used.reduce((sum, s) => sum + s.length, 0);
  if (total === 0) return 0;
  const pooled = used.reduce((sum, s) => sum + lag1Autocorrelation(s, roundingVarianceOf(s, relativeResolution)) * s.length, 0) / total;
  const standardError = Math.sqrt((1 - Math.min(1, pooled * pooled)) / total);
  return Math.min(MAX_CORRELATION, Math.max(0, pooled + standardError));
}

/**
 * How many times the variance of the mean of n AR(1) values with lag-1 correlation ρ exceeds σ²/n:
 * 1 + 2 Σ_{k<n} (1 - k/n) ρ^k. The exact finite-n form, smaller than the asymptotic (1 + ρ) / (1 - ρ) for short
 * series; n divided by it is the effective sample size.
 */
export function meanVarianceFactor(rho: number, n: number): number {
  if (n < 2 || rho <= 0) return 1;
  let factor = 1;
  let power = 1;
  for (let k = 1; k < n; k++) {
    power *= rho;
    factor += 2 * (1 - k / n) * power;
  }
  return factor;
}

/**
 * How much a sample variance around the series' own mean understates the true variance under that correlation:
 * E[s²] = σ² (n - factor) / (n - 1), so s² is scaled up by the inverse. Without it a strongly drifting series
 * looks calm (its seconds sit near their own mean) and the effective sample size alone would not make up for it.
 */
export function varianceBiasCorrection(factor: number, n: number): number {
  if (n < 2) return 1;
  return (n - 1) / Math.max(1, n - factor);
}
