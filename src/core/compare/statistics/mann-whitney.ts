// Mann-Whitney U test of two series of per-second figures, with the normal approximation (tie-corrected) and
// the variance widened for serial correlation (see serial-correlation.ts). Ranks make it indifferent to the
// long tails latency always has: one slow second moves it no more than any other second above the rest.

import { twoSidedPValue } from './normal';
import { varianceInflation } from './serial-correlation';

export interface RankTest {
  /** U of the second sample: how often one of its values beats one of the first's (ties count a half). */
  u: number;
  /** Standard score of U after the tie and serial-correlation corrections. */
  z: number;
  pValue: number;
  /** Median of the second sample minus the median of the first: the direction and size of the shift. */
  medianShift: number;
}

/** Median of a list of numbers; NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** Average ranks (1-based) of the pooled values, and the tie term Σ(t³ - t) over groups of equal values. */
function pooledRanks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((value, index) => ({ value, index })).sort((x, y) => x.value - y.value);
  const ranks = new Array<number>(values.length).fill(0);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    const rank = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) ranks[order[k]?.index ?? 0] = rank;
    const size = end - start + 1;
    tieTerm += size * size * size - size;
    start = end + 1;
  }
  return { ranks, tieTerm };
}

/** Two-sided Mann-Whitney U test of `b` against `a`; p = 1 when either side is empty or every value is equal. */
export function mannWhitneyTest(a: readonly number[], b: readonly number[]): RankTest {
  const na = a.length;
  const nb = b.length;
  const medianShift = median(b) - median(a);
  if (na === 0 || nb === 0) return { u: 0, z: 0, pValue: 1, medianShift };
  const n = na + nb;
  const { ranks, tieTerm } = pooledRanks([...a, ...b]);
  const rankSumB = ranks.slice(na).reduce((sum, rank) => sum + rank, 0);
  const u = rankSumB - (nb * (nb + 1)) / 2;
  const mean = (na * nb) / 2;
  const variance = ((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, pValue: 1, medianShift };
  const inflated = variance * varianceInflation([a, b]);
  // Continuity correction: U moves in steps of a half, the normal curve does not.
  const distance = Math.max(0, Math.abs(u - mean) - 0.5);
  const z = (Math.sign(u - mean) * distance) / Math.sqrt(inflated);
  return { u, z, pValue: twoSidedPValue(z), medianShift };
}
