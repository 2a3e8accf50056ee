// A mergeable, log-bucketed histogram of durations (milliseconds) with bounded relative error, in the manner of
// DDSketch: bucket i holds values in (γ^(i-1), γ^i], and its midpoint is within `RELATIVE_ACCURACY` of every value
// in it. Memory depends on the spread of the values (≈ 460 buckets per factor of 10 at 0.5 %), never on their count.
// Buckets live in one growable typed-array window over the occupied index range: adding a value is a log, a
// subtraction and an increment, which matters at tens of thousands of samples a second.

/** Relative error of every quantile, before interpolation: 0.5 %. */
export const RELATIVE_ACCURACY = 0.005;

const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
// Values at or below this (a nanosecond) count as zero: k6 reports 0 for requests that never connected.
const ZERO_THRESHOLD = 1e-6;
const INITIAL_WINDOW = 64;

/** The non-empty buckets of a histogram as parallel arrays, for storage and transport. */
export interface SparseHistogram {
  zeroCount: number;
  indexes: number[];
  counts: number[];
  min: number;
  max: number;
  sum: number;
}

export class LogHistogram {
  private counts: Float64Array = new Float64Array(0);
  /** Bucket index of counts[0]. */
  private offset = 0;
  private zeroCount = 0;
  private total = 0;
  private sum = 0;
  private minValue = Infinity;
  private maxValue = -Infinity;

  /** Number of values added. */
  get count(): number {
    return this.total;
  }

  /** Smallest value added (exact), or null when empty. */
  get min(): number | null {
    return this.total > 0 ? this.minValue : null;
  }

  /** Largest value added (exact), or null when empty. */
  get max(): number | null {
    return this.total > 0 ? this.maxValue : null;
  }

  /** Exact mean, or null when empty. */
  get mean(): number | null {
    return this.total > 0 ? this.sum / this.total : null;
  }

  /** Adds a value (negative values count as zero) `times` times. */
  add(value: number, times = 1): void {
    if (!(times > 0) || Number.isNaN(value)) return;
    const v = value > 0 ? value : 0;
    this.total += times;
    this.sum += v * times;
    if (v < this.minValue) this.minValue = v;
    if (v > this.maxValue) this.maxValue = v;
    if (v <= ZERO_THRESHOLD) {
      this.zeroCount += times;
      return;
    }
    this.increment(Math.ceil(Math.log(v) / LOG_GAMMA), times);
  }

  /** Adds every value of `other` into this histogram; the result is as if both had seen all values. */
  merge(other: LogHistogram): void {
    if (other.total === 0) return;
    this.total += other.total;
    this.sum += other.sum;
    this.zeroCount += other.zeroCount;
    if (other.minValue < this.minValue) this.minValue = other.minValue;
    if (other.maxValue > this.maxValue) this.maxValue = other.maxValue;
    const counts = other.counts;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i] ?? 0;
      if (c > 0) this.increment(other.offset + i, c);
    }
  }

  /**
   * The q-quantile (0..1), interpolated between neighbouring ranks the way k6 computes percentiles, so both agree
   * within the relative accuracy. Exact at 0 (min) and 1 (max). Null when empty.
   */
  quantile(q: number): number | null {
    if (this.total === 0) return null;
    if (q <= 0) return this.minValue;
    if (q >= 1) return this.maxValue;
    const rank = q * (this.total - 1);
    const lowerRank = Math.floor(rank);
    const lower = this.valueAtRank(lowerRank);
    const fraction = rank - lowerRank;
    if (fraction === 0 || lowerRank + 1 >= this.total) return lower;
    const upper = this.valueAtRank(lowerRank + 1);
    return lower + (upper - lower) * fraction;
  }

  /** The non-empty buckets, for storage. */
  toSparse(): SparseHistogram {
    const indexes: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < this.counts.length; i++) {
      const c = this.counts[i] ?? 0;
      if (c > 0) {
        indexes.push(this.offset + i);
        counts.push(c);
      }
    }
    return { zeroCount: this.zeroCount, indexes, counts, min: this.minValue, max: this.maxValue, sum: this.sum };
  }

  /** Rebuilds a histogram written by `toSparse`. */
  static fromSparse(sparse: SparseHistogram): LogHistogram {
    const h = new LogHistogram();
    for (let i = 0; i < sparse.indexes.length; i++) h.increment(sparse.indexes[i] ?? 0, sparse.counts[i] ?? 0);
    h.zeroCount = sparse.zeroCount;
    h.total = sparse.zeroCount + sparse.counts.reduce((a, b) => a + b, 0);
    h.sum = sparse.sum;
    h.minValue = h.total > 0 ? sparse.min : Infinity;
    h.maxValue = h.total > 0 ? sparse.max : -Infinity;
    return h;
  }

  /** Approximate bytes held, for memory checks. */
  get retainedBytes(): number {
    return this.counts.byteLength + 64;
  }

  /** The value of the rank-th smallest sample (0-based), within the relative accuracy and clamped to min..max. */
  private valueAtRank(rank: number): number {
    if (rank < this.zeroCount) return this.minValue > 0 ? this.minValue : 0;
    let seen = this.zeroCount;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i] ?? 0;
      if (seen > rank) {
        const midpoint = (2 * Math.pow(GAMMA, this.offset + i)) / (GAMMA + 1);
        return Math.min(Math.max(midpoint, this.minValue), this.maxValue);
      }
    }
    return this.maxValue;
  }

  private increment(index: number, times: number): void {
    let slot = index - this.offset;
    if (slot < 0 || slot >= this.counts.length) {
      this.grow(index);
      slot = index - this.offset;
    }
    this.counts[slot] = (this.counts[slot] ?? 0) + times;
  }

  /** Widens the window so that `index` fits, at least doubling it so growth stays amortised. */
  private grow(index: number): void {
    if (this.counts.length === 0) {
      this.counts = new Float64Array(INITIAL_WINDOW);
      this.offset = index - INITIAL_WINDOW / 2;
      return;
    }
    const low = Math.min(this.offset, index);
    const high = Math.max(this.offset + this.counts.length - 1, index);
    const needed = high - low + 1;
    const size = Math.max(needed, this.counts.length * 2);
    // Put the spare room on the side that grew, where the next outliers will land.
    const newOffset = index < this.offset ? high - size + 1 : low;
    const next = new Float64Array(size);
    next.set(this.counts, this.offset - newOffset);
    this.counts = next;
    this.offset = newOffset;
  }
}
