// The readings of one monitored series over a run: per unix second, counters turned into rates, and why the
// seconds without a reading have none. Pure: the sampler feeds it readings with the time they were taken.
import type { MonitorSeries } from '../results';
import type { SeriesMeasure } from './series-unit';

/** One charted series: its readings by unix second and what they add up to. */
export class SeriesRecorder {
  private readonly values = new Map<number, number>();
  private readonly failedSeconds = new Set<number>();
  private attemptedSeconds = 0;
  private lastAttemptSecond: number | undefined;
  private lastProblem: string | undefined;
  private previousCount: { value: number; atMs: number } | undefined;
  private recorded = false;

  constructor(
    readonly key: string,
    readonly monitor: string,
    readonly label: string,
    private measure: SeriesMeasure,
    private capacity: number | null = null,
  ) {}

  get unit(): SeriesMeasure['unit'] {
    return this.measure.unit;
  }

  /** Settles how readings are measured (once the endpoint's `# TYPE` lines are known); ignored after the first reading. True when it changed. */
  settleMeasure(measure: SeriesMeasure): boolean {
    if (this.recorded) return false;
    const changed = measure.rate !== this.measure.rate || measure.scale !== this.measure.scale || measure.unit !== this.measure.unit;
    this.measure = measure;
    return changed;
  }

  /** Sets the capacity (null: none known); true when it changed. */
  setCapacity(capacity: number | null): boolean {
    if (capacity === this.capacity) return false;
    this.capacity = capacity;
    return true;
  }

  /** A value read at `atMs` (ms since the epoch): kept as is for a gauge; for a counter, the rate since the previous value. */
  record(atMs: number, value: number): void {
    if (!Number.isFinite(value)) {
      this.miss(atMs, `the series read ${String(value)}`);
      return;
    }
    const second = this.attempt(atMs);
    this.recorded = true;
    if (!this.measure.rate) {
      this.store(second, value * this.measure.scale);
      return;
    }
    const previous = this.previousCount;
    this.previousCount = { value, atMs };
    // The first value only starts the count; a value below the previous one means the counter restarted.
    if (previous === undefined || value < previous.value) return;
    const elapsedSeconds = (atMs - previous.atMs) / 1000;
    if (elapsedSeconds <= 0) return;
    this.store(second, ((value - previous.value) / elapsedSeconds) * this.measure.scale);
  }

  /** No reading at `atMs`, and why in plain words. */
  miss(atMs: number, problem: string): void {
    const second = this.attempt(atMs);
    this.lastProblem = problem;
    if (!this.values.has(second)) this.failedSeconds.add(second);
  }

  /** The reading of that unix second, else the one of the second before (a reading that came a little late), else null; null too for a second that failed. */
  readingAt(unixSecond: number): number | null {
    const own = this.values.get(unixSecond);
    if (own !== undefined) return own;
    if (this.failedSeconds.has(unixSecond)) return null;
    return this.values.get(unixSecond - 1) ?? null;
  }

  /** Metadata and statistics of the readings so far. */
  summary(): MonitorSeries {
    let min: number | null = null;
    let max: number | null = null;
    let sum = 0;
    for (const value of this.values.values()) {
      min = min === null ? value : Math.min(min, value);
      max = max === null ? value : Math.max(max, value);
      sum += value;
    }
    const samples = this.values.size;
    const series: MonitorSeries = {
      key: this.key,
      monitor: this.monitor,
      label: this.label,
      unit: this.measure.unit,
      capacity: this.capacity,
      samples,
      min,
      avg: samples === 0 ? null : sum / samples,
      max,
    };
    if (this.failedSeconds.size > 0) series.problem = `no reading for ${this.failedSeconds.size} of ${this.attemptedSeconds} ${this.attemptedSeconds === 1 ? 'second' : 'seconds'}: ${this.lastProblem ?? 'unknown reason'}`;
    return series;
  }

  private attempt(atMs: number): number {
    const second = Math.floor(atMs / 1000);
    if (second !== this.lastAttemptSecond) {
      this.attemptedSeconds += 1;
      this.lastAttemptSecond = second;
    }
    return second;
  }

  private store(second: number, value: number): void {
    this.values.set(second, value);
    this.failedSeconds.delete(second);
  }
}
