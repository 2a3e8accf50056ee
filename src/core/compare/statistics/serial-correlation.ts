// Per-second samples of one run are not independent: latency drifts (warm-up, garbage collection, a growing
// table), so neighbouring seconds resemble each other. Tests that assume independence then see "significant"
// differences between two runs of the same build. The lag-1 autocorrelation measures that resemblance.

/** Lag-1 autocorrelation of a series around its own mean; 0 for series too short or flat to tell. */
export function lag1Autocorrelation(series: readonly number[]): number {
  const n = series.length;
  if (n < 3) return 0;
  const mean = series.reduce((sum, value) => sum + value, 0) / n;
  let denominator = 0;
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

// Beyond this the series is mostly trend; capping keeps the inflation finite (at most 19x the variance).
const MAX_CORRELATION = 0.9;

/** How much the variance of a mean-like statistic grows under AR(1) correlation: (1 + r) / (1 - r), at least 1. */
export function varianceInflation(series: readonly (readonly number[])[]): number {
  const weighted = series.filter((s) => s.length >= 3);
  const total = weighted.reduce((sum, s) => sum + s.length, 0);
  if (total === 0) return 1;
  const r = weighted.reduce((sum, s) => sum + lag1Autocorrelation(s) * s.length, 0) / total;
  const clamped = Math.min(MAX_CORRELATION, Math.max(0, r));
  return (1 + clamped) / (1 - clamped);
}
