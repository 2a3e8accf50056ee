// Plain-words formatting of run figures, shared by the Markdown writer, the HTML page script and the CLI.
// Deterministic (no locale APIs) so reports read the same on every machine and tests can assert on them.

import type { TargetMetric } from '../scenario/model';
import type { MonitorUnit, RunOutcome, TargetResult, Verdict } from '../results';

const LATENCY_METRICS: ReadonlySet<TargetMetric> = new Set<TargetMetric>(['median', 'avg', 'min', 'p90', 'p95', 'p99', 'max']);

/** True for metrics measured in milliseconds. */
export function isLatencyMetric(metric: TargetMetric): boolean {
  return LATENCY_METRICS.has(metric);
}

/** Digits grouped by thousands with commas: 68902 → "68,902". */
export function groupThousands(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const negative = value < 0;
  const [whole = '0', fraction] = Math.abs(value).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (fraction === undefined ? '' : '.' + fraction);
}

function fixedTrimmed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A count: "68,902". */
export function formatCount(value: number): string {
  return groupThousands(Math.round(value));
}

/** Milliseconds with precision that fits the size: "0.42 ms", "4.8 ms", "19,000 ms"; "n/a" when absent. */
export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) < 1) return `${fixedTrimmed(value, 2)} ms`;
  if (Math.abs(value) < 10) return `${fixedTrimmed(value, 1)} ms`;
  return `${groupThousands(Math.round(value))} ms`;
}

/** A ratio 0..1 as a percentage: "0%", "0.012%", "1.25%", "100%". */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return 'n/a';
  const percent = ratio * 100;
  if (percent === 0) return '0%';
  if (Math.abs(percent) >= 10) return `${fixedTrimmed(percent, 1)}%`;
  if (Math.abs(percent) >= 1) return `${fixedTrimmed(percent, 2)}%`;
  return `${Number(percent.toPrecision(2))}%`;
}

/** Requests per second: "229.7/s". */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  const rounded = Math.abs(value) < 10 ? fixedTrimmed(value, 2) : fixedTrimmed(value, 1);
  return `${groupThousands(Number(rounded))}/s`;
}

/** Bytes in decimal units: "1.2 MB". */
export function formatBytes(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let size = value;
  let unit = 0;
  while (Math.abs(size) >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? Math.round(size) : fixedTrimmed(size, 1)} ${units[unit]}`;
}

// Fewer decimals as values grow, so a table column of mixed sizes stays readable: "0.05", "4.25", "12.4", "1,250".
function scaled(value: number): string {
  const size = Math.abs(value);
  const digits = size < 10 ? 2 : size < 100 ? 1 : 0;
  return groupThousands(Number(fixedTrimmed(value, digits)));
}

/** Bytes in binary units, as memory is counted: "512 B", "1.5 KiB", "48.2 MiB", "1.25 GiB". */
export function formatBinaryBytes(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let size = value;
  let unit = 0;
  while (Math.abs(size) >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? groupThousands(Math.round(size)) : scaled(size)} ${units[unit]}`;
}

/** A span of time given in seconds, in ms below a second: "0.42 ms", "120 ms", "1.5 s", "1,250 s". */
export function formatSeconds(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Math.abs(value) < 1 ? formatMs(value * 1000) : `${scaled(value)} s`;
}

/** CPU use in percent of one core (over 100 % when several cores are busy): "2.5 %", "87 %", "240 %". */
export function formatCpuPercent(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${Math.abs(value) < 10 ? fixedTrimmed(value, 1) : groupThousands(Math.round(value))} %`;
}

/** A level read from a gauge (connections, queue length), which averages make fractional: "20", "12.4", "0.05". */
export function formatLevel(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Number.isInteger(value) ? groupThousands(value) : scaled(value);
}

/** A server-side reading in its unit; the one formatter every report and the CLI use. "n/a" when there is none. */
export function formatMonitorValue(unit: MonitorUnit, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'count':
      return formatLevel(value);
    case 'per-second':
      return formatRate(value);
    case 'bytes':
      return formatBinaryBytes(value);
    case 'seconds':
      return formatSeconds(value);
    case 'cpu-percent':
      return formatCpuPercent(value);
  }
}

/** Seconds as people say them: "0.8s", "12s", "4m 12s", "1h 2m 5s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'n/a';
  if (seconds < 60) return `${fixedTrimmed(seconds, seconds < 10 ? 1 : 0)}s`;
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  return hours > 0 ? `${hours}h ${minutes}m ${rest}s` : `${minutes}m ${rest}s`;
}

/** Seconds since the start as a clock: "0:05", "12:30", "1:02:05". */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** An ISO-8601 time as "2026-01-22 10:15:03 UTC"; the input unchanged when it is not a date. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}

/** The verdict as the reports shout it. */
export function verdictLabel(verdict: Verdict): string {
  switch (verdict) {
    case 'pass':
      return 'PASS';
    case 'fail':
      return 'FAIL';
    case 'stopped':
      return 'STOPPED';
    case 'error':
      return 'ERROR';
  }
}

/** How the run ended, in a few words. */
export function outcomeLabel(outcome: RunOutcome): string {
  switch (outcome) {
    case 'completed':
      return 'ran to the end';
    case 'thresholds-failed':
      return 'targets missed';
    case 'stopped':
      return 'stopped by the user';
    case 'killed':
      return 'ended hard; partial data only';
    case 'script-error':
      return 'k6 could not run the script';
    case 'k6-crashed':
      return 'k6 crashed';
    case 'k6-missing':
      return 'no usable k6';
    case 'invalid-config':
      return 'k6 refused the options';
  }
}

/** True when the run produced no figures worth judging (k6 never ran or died before measuring). */
export function isOutcomeWithoutData(outcome: RunOutcome): boolean {
  return outcome === 'script-error' || outcome === 'k6-crashed' || outcome === 'k6-missing' || outcome === 'invalid-config';
}

/** A target as written: "p99 < 500ms", "create deployment: p95 < 300ms". */
export function targetLabel(target: Pick<TargetResult, 'metric' | 'request' | 'expression'>): string {
  const prefix = target.request === undefined ? '' : `${target.request}: `;
  return `${prefix}${target.metric} ${target.expression}`;
}

/** A measured value in the target's unit: "27,000 ms", "0.05%", "48.2/s". */
export function formatTargetValue(metric: TargetMetric, value: number | null): string {
  if (value === null) return 'not measured';
  if (isLatencyMetric(metric)) return formatMs(value);
  if (metric === 'errors' || metric === 'success') return formatPercent(value);
  return formatRate(value);
}

/** Target verdict in one word. */
export function targetVerdictLabel(target: Pick<TargetResult, 'passed' | 'actual'>): string {
  if (target.actual === null) return target.passed ? 'pass' : 'not measured';
  return target.passed ? 'pass' : 'fail';
}

/** The margin as a sentence: "5 ms median against < 200ms: 40x better". */
export function targetSentence(target: Pick<TargetResult, 'metric' | 'expression' | 'actual' | 'margin'>): string {
  if (target.actual === null) return `no ${target.metric} measured against ${target.expression}`;
  const margin = target.margin.trim() === '' ? '' : `: ${target.margin.trim()}`;
  return `${formatTargetValue(target.metric, target.actual)} ${target.metric} against ${target.expression}${margin}`;
}
