// Samples every monitor once a second while a run goes on: scrapes Prometheus endpoints, reads process
// usage, and keeps each series' readings by unix second for the timeline. It never throws into the runner and
// never keeps the process alive: its timers and sockets are unref'd, and `stop` drains what is in flight.
import type { MonitorSeries } from '../results';
import { readProcessUsage } from './process-usage';
import { parsePrometheusText } from './prometheus-text';
import { createScrapeAgents, describeError, scrapeText } from './http-scrape';
import { PROCESS_CPU_LABEL, PROCESS_MEMORY_LABEL, monitorSeriesKey, type ResolvedMonitor, type ResolvedPrometheusMonitor, type ResolvedSeries } from './resolve-monitors';
import { SeriesRecorder } from './series-recorder';
import { formatSelector, readSeries } from './series-selector';
import { seriesMeasure } from './series-unit';

export interface MonitorSamplerOptions {
  /** Time between readings; 1000 by default. */
  intervalMs?: number;
  /** How long one reading may take before it counts as missed; 800 by default. */
  timeoutMs?: number;
  /** Wall clock in ms since the epoch (readings are stamped with its unix second); `Date.now` by default. */
  now?: () => number;
  /** Told once per monitor per distinct problem, e.g. `monitor "app": connect ECONNREFUSED 127.0.0.1:9`. */
  onProblem?: (message: string) => void;
  /** Told when a series' unit or capacity becomes known or changes. */
  onSeriesChange?: (series: MonitorSeries[]) => void;
}

const maxBodyBytes = 4 * 1024 * 1024;
// Past the timeout, a scrape in flight is given this much more to settle when sampling stops.
const stopGraceMs = 500;

interface PrometheusTarget {
  kind: 'prometheus';
  monitor: ResolvedPrometheusMonitor;
  series: { spec: ResolvedSeries; recorder: SeriesRecorder }[];
  /** The URL without credentials or query, which may carry secrets read from the environment. */
  shownUrl: string;
  /** Set once the first answer told each series' declared type. */
  measuresSettled: boolean;
}

interface ProcessTarget {
  kind: 'process';
  name: string;
  pid: number;
  cpu: SeriesRecorder;
  memory: SeriesRecorder;
}

type SampledTarget = (PrometheusTarget | ProcessTarget) & { inFlight?: Promise<void>; reported: Set<string> };

/** Reads every monitor once per interval between `start` and `stop`. */
export class MonitorSampler {
  private readonly targets: SampledTarget[];
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly agents = createScrapeAgents();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private state: 'idle' | 'running' | 'stopped' = 'idle';
  private stopping: Promise<void> | undefined;

  constructor(
    monitors: readonly ResolvedMonitor[],
    private readonly options: MonitorSamplerOptions = {},
  ) {
    this.intervalMs = positiveOr(options.intervalMs, 1000);
    this.timeoutMs = positiveOr(options.timeoutMs, 800);
    this.now = options.now ?? Date.now;
    this.targets = monitors.map((monitor) => createTarget(monitor));
  }

  /** Takes a first reading now, then one early in each following interval. */
  start(): void {
    if (this.state !== 'idle' || this.targets.length === 0) return;
    this.state = 'running';
    this.tick();
  }

  /** Stops sampling and waits (boundedly) for readings in flight. */
  stop(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  /** Readings of one unix second by series key; null where that second has none. */
  readingsAt(unixSecond: number): Record<string, number | null> {
    const readings: Record<string, number | null> = {};
    for (const recorder of this.recorders()) readings[recorder.key] = recorder.readingAt(unixSecond);
    return readings;
  }

  /** Every series with its unit, capacity and statistics so far, in the scenario's order. */
  series(): MonitorSeries[] {
    return this.recorders().map((recorder) => recorder.summary());
  }

  private recorders(): SeriesRecorder[] {
    return this.targets.flatMap(recordersOf);
  }

  private async drain(): Promise<void> {
    this.state = 'stopped';
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const inFlight = this.targets.flatMap((target) => (target.inFlight === undefined ? [] : [target.inFlight]));
    if (inFlight.length > 0) {
      let bound: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled(inFlight),
        new Promise<void>((resolve) => {
          bound = setTimeout(resolve, this.timeoutMs + stopGraceMs);
          bound.unref();
        }),
      ]);
      clearTimeout(bound);
    }
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private tick(): void {
    if (this.state !== 'running') return;
    try {
      const atMs = this.now();
      for (const target of this.targets) this.sample(target, atMs);
    } catch (error) {
      this.report(undefined, `monitoring failed: ${describeError(error)}`);
    }
    this.scheduleNext();
  }

  // Aim a little after each interval boundary, so each reading lands in a second of its own even when the
  // event loop is late, and a timeline second is read near its start.
  private scheduleNext(): void {
    if (this.state !== 'running') return;
    const offset = Math.min(100, this.intervalMs / 10);
    const now = this.now();
    const next = (Math.floor(now / this.intervalMs) + 1) * this.intervalMs + offset;
    const delay = Math.min(this.intervalMs + offset, Math.max(0, next - now));
    this.timer = setTimeout(() => this.tick(), delay);
    this.timer.unref();
  }

  private sample(target: SampledTarget, atMs: number): void {
    if (target.inFlight !== undefined) {
      // One request per monitor at a time: a reading still running costs this one.
      for (const recorder of recordersOf(target)) recorder.miss(atMs, 'the previous reading had not finished');
      return;
    }
    const reading = target.kind === 'prometheus' ? this.readPrometheus(target, atMs) : this.readProcess(target, atMs);
    const inFlight = reading
      .catch((error: unknown) => this.report(target, `monitoring failed: ${describeError(error)}`))
      .finally(() => {
        if (target.inFlight === inFlight) delete target.inFlight;
      });
    target.inFlight = inFlight;
  }

  private async readPrometheus(target: PrometheusTarget & SampledTarget, atMs: number): Promise<void> {
    const result = await scrapeText(target.monitor.url, { timeoutMs: this.timeoutMs, maxBytes: maxBodyBytes, agents: this.agents });
    if (!result.ok) {
      for (const { recorder } of target.series) recorder.miss(atMs, result.problem);
      this.report(target, `${result.problem} (${target.shownUrl})`);
      return;
    }
    const exposition = parsePrometheusText(result.text);
    if (exposition.samples.length === 0 && exposition.skippedLines > 0) {
      const problem = 'the answer is not in the Prometheus text format';
      for (const { recorder } of target.series) recorder.miss(atMs, problem);
      this.report(target, `${problem} (${target.shownUrl})`);
      return;
    }
    let changed = false;
    if (!target.measuresSettled) {
      target.measuresSettled = true;
      for (const { spec, recorder } of target.series) changed = recorder.settleMeasure(seriesMeasure(spec.selector.metric, exposition.types)) || changed;
    }
    for (const { spec, recorder } of target.series) {
      const value = readSeries(spec.selector, exposition);
      if (value === undefined) {
        const problem = `no series matches ${formatSelector(spec.selector)}`;
        recorder.miss(atMs, problem);
        this.report(target, `${problem} at ${target.shownUrl}`);
      } else {
        recorder.record(atMs, value);
        if (!Number.isFinite(value)) this.report(target, `${formatSelector(spec.selector)} read ${String(value)}`);
      }
      if (typeof spec.capacity === 'object') {
        const capacity = readSeries(spec.capacity, exposition);
        if (capacity !== undefined && Number.isFinite(capacity)) changed = recorder.setCapacity(capacity) || changed;
        else this.report(target, `the capacity of "${spec.label}" cannot be read: ${capacity === undefined ? 'no series matches' : `${String(capacity)} from`} ${formatSelector(spec.capacity)}`);
      }
    }
    if (changed) this.seriesChanged();
  }

  private async readProcess(target: ProcessTarget & SampledTarget, atMs: number): Promise<void> {
    const usage = await readProcessUsage(target.pid);
    if ('problem' in usage) {
      target.cpu.miss(atMs, usage.problem);
      target.memory.miss(atMs, usage.problem);
      this.report(target, usage.problem);
      return;
    }
    target.cpu.record(atMs, usage.cpuSeconds);
    target.memory.record(atMs, usage.rssBytes);
  }

  private report(target: SampledTarget | undefined, problem: string): void {
    const name = target === undefined ? undefined : target.kind === 'prometheus' ? target.monitor.name : target.name;
    if (target !== undefined) {
      if (target.reported.has(problem)) return;
      target.reported.add(problem);
    }
    const onProblem = this.options.onProblem;
    if (onProblem === undefined) return;
    try {
      onProblem(name === undefined ? problem : `monitor "${name}": ${problem}`);
    } catch {
      // A listener's failure is the listener's; sampling goes on.
    }
  }

  private seriesChanged(): void {
    const onSeriesChange = this.options.onSeriesChange;
    if (onSeriesChange === undefined) return;
    try {
      onSeriesChange(this.series());
    } catch {
      // As above: the caller's listener must not stop the readings.
    }
  }
}

function createTarget(monitor: ResolvedMonitor): SampledTarget {
  if (monitor.kind === 'process') {
    return {
      kind: 'process',
      name: monitor.name,
      pid: monitor.pid,
      cpu: new SeriesRecorder(monitorSeriesKey(monitor.name, PROCESS_CPU_LABEL), monitor.name, PROCESS_CPU_LABEL, { rate: true, scale: 100, unit: 'cpu-percent' }),
      memory: new SeriesRecorder(monitorSeriesKey(monitor.name, PROCESS_MEMORY_LABEL), monitor.name, PROCESS_MEMORY_LABEL, { rate: false, scale: 1, unit: 'bytes' }),
      reported: new Set(),
    };
  }
  return {
    kind: 'prometheus',
    monitor,
    series: monitor.series.map((spec) => ({
      spec,
      recorder: new SeriesRecorder(spec.key, monitor.name, spec.label, seriesMeasure(spec.selector.metric), typeof spec.capacity === 'number' ? spec.capacity : null),
    })),
    measuresSettled: false,
    shownUrl: withoutSecrets(monitor.url),
    reported: new Set(),
  };
}

function recordersOf(target: SampledTarget): SeriesRecorder[] {
  return target.kind === 'prometheus' ? target.series.map((s) => s.recorder) : [target.cpu, target.memory];
}

function withoutSecrets(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url;
  }
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
