// Small robust statistics for the detectors: medians rather than means, so one odd second cannot move a finding.

/** The median of `values`; NaN when there are none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** The values that are numbers (null and NaN left out). */
export function present(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
}

/** A number rounded for evidence: whole above 100, one decimal above 10, else two. */
export function rounded(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A share from 0 to 1 kept to four decimals (0.1279 is 12.79 %). */
export function ratio(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** A least-squares slope with its standard error. */
export interface Slope {
  slope: number;
  standardError: number;
}

/**
 * The slope of log throughput against log load over `pairs`, with its standard error: how throughput answers load,
 * 1 when it grows in proportion, 0 when flat, negative when it falls. Undefined when the load did not grow by
 * `minimumLoadGrowth` (highest over lowest), too little to tell.
 */
export function logSlope(pairs: readonly { load: number; throughput: number }[], minimumLoadGrowth: number): Slope | undefined {
  const usable = pairs.filter((pair) => pair.load > 0);
  if (usable.length < 2) return undefined;
  const loads = usable.map((pair) => pair.load);
  if (Math.max(...loads) / Math.min(...loads) < minimumLoadGrowth) return undefined;
  // A second with no successful response would be log(0): count it as a tenth of the smallest seen.
  const floor = Math.min(...usable.map((pair) => pair.throughput).filter((value) => value > 0), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(floor)) return { slope: 0, standardError: 0 };
  const xs = usable.map((pair) => Math.log(pair.load));
  const ys = usable.map((pair) => Math.log(Math.max(pair.throughput, floor / 10)));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  xs.forEach((x, index) => {
    covariance += (x - meanX) * ((ys[index] ?? meanY) - meanY);
    variance += (x - meanX) ** 2;
  });
  if (!(variance > 0)) return undefined;
  const slope = covariance / variance;
  const residuals = xs.reduce((sum, x, index) => sum + ((ys[index] ?? meanY) - meanY - slope * (x - meanX)) ** 2, 0);
  const standardError = xs.length > 2 ? Math.sqrt(residuals / (xs.length - 2) / variance) : Number.POSITIVE_INFINITY;
  return { slope, standardError };
}

/** The slope alone (see `logSlope`). */
export function elasticity(pairs: readonly { load: number; throughput: number }[], minimumLoadGrowth: number): number | undefined {
  return logSlope(pairs, minimumLoadGrowth)?.slope;
}

/** The sample variance of `values`; 0 for fewer than two. */
export function variance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
}

/** The whole numbers from `from` to `to`, both included (timeline indices of a stretch). */
export function indexRange(from: number, to: number): number[] {
  const list: number[] = [];
  for (let index = from; index <= to; index += 1) list.push(index);
  return list;
}
