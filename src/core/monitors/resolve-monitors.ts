// From the scenario's monitors to ones the sampler can run: environment read, URLs made absolute, process ids
// and selectors parsed. A monitor that cannot be made runnable is left out with a reason; the run goes on.
import type { Monitor, MonitoredSeries, Template } from '../scenario/model';
import { parseSeriesSelector, type SeriesSelector } from './series-selector';

export interface ResolvedSeries {
  /** Key in the timeline's `monitors`: "<monitor>: <label>". */
  key: string;
  label: string;
  selector: SeriesSelector;
  /** Declared capacity, or the series of the same endpoint that reads it; absent when none. */
  capacity?: number | SeriesSelector;
}

export interface ResolvedPrometheusMonitor {
  kind: 'prometheus';
  name: string;
  /** Absolute http(s) URL. */
  url: string;
  series: readonly ResolvedSeries[];
}

export interface ResolvedProcessMonitor {
  kind: 'process';
  name: string;
  pid: number;
}

export type ResolvedMonitor = ResolvedPrometheusMonitor | ResolvedProcessMonitor;

/** The label of the CPU series of a process monitor. */
export const PROCESS_CPU_LABEL = 'CPU';
/** The label of the memory series of a process monitor. */
export const PROCESS_MEMORY_LABEL = 'memory';

/** Key of a series in timeline points and `MonitorSeries.key`. */
export function monitorSeriesKey(monitor: string, label: string): string {
  return `${monitor}: ${label}`;
}

/** Makes the scenario's monitors runnable against `target` (the base URL, rendered or still a template) and `env`; problems name the monitor left out. */
export function resolveMonitors(
  monitors: readonly Monitor[],
  target: string | Template | undefined,
  env: Record<string, string | undefined>,
): { monitors: ResolvedMonitor[]; problems: string[] } {
  const base = renderTarget(target, env);
  const resolved: ResolvedMonitor[] = [];
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const monitor of monitors) {
    const result = monitor.kind === 'prometheus' ? resolvePrometheus(monitor.name, monitor.url, monitor.series, base, env) : resolveProcess(monitor.name, monitor.pid, env);
    if (typeof result === 'string') {
      problems.push(`monitor "${monitor.name}" is left out of this run: ${result}`);
      continue;
    }
    const ownKeys = result.kind === 'prometheus' ? result.series.map((s) => s.key) : [PROCESS_CPU_LABEL, PROCESS_MEMORY_LABEL].map((label) => monitorSeriesKey(monitor.name, label));
    const clash = ownKeys.find((key, index) => keys.has(key) || ownKeys.indexOf(key) !== index);
    if (clash !== undefined) {
      problems.push(`monitor "${monitor.name}" is left out of this run: another series is already called "${clash}"; give monitors and series distinct names`);
      continue;
    }
    for (const key of ownKeys) keys.add(key);
    resolved.push(result);
  }
  return { monitors: resolved, problems };
}

function resolvePrometheus(
  name: string,
  urlTemplate: Template,
  series: readonly MonitoredSeries[],
  target: Rendered | undefined,
  env: Record<string, string | undefined>,
): ResolvedPrometheusMonitor | string {
  const rendered = renderEnvTemplate(urlTemplate, env);
  if (!rendered.ok) return `its url ${rendered.problem}`;
  const url = absoluteUrl(rendered.text.trim(), target);
  if (!url.ok) return url.problem;
  const resolvedSeries: ResolvedSeries[] = [];
  for (const item of series) {
    const selector = parseSeriesSelector(item.selector);
    if (!selector.ok) return `series "${item.label}": ${selector.message} (in ${item.selector})`;
    const entry: ResolvedSeries = { key: monitorSeriesKey(name, item.label), label: item.label, selector: selector.selector };
    if (typeof item.capacity === 'number') {
      if (!Number.isFinite(item.capacity) || item.capacity <= 0) return `the capacity of series "${item.label}" must be a number above 0, got ${item.capacity}`;
      entry.capacity = item.capacity;
    } else if (typeof item.capacity === 'string') {
      const capacity = parseSeriesSelector(item.capacity);
      if (!capacity.ok) return `the capacity of series "${item.label}": ${capacity.message} (in ${item.capacity})`;
      entry.capacity = capacity.selector;
    }
    resolvedSeries.push(entry);
  }
  return { kind: 'prometheus', name, url: url.url, series: resolvedSeries };
}

function resolveProcess(name: string, pidTemplate: Template, env: Record<string, string | undefined>): ResolvedProcessMonitor | string {
  const rendered = renderEnvTemplate(pidTemplate, env);
  if (!rendered.ok) return `its pid ${rendered.problem}`;
  const text = rendered.text.trim();
  const pid = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(pid) || pid <= 0) return `its pid must be a whole number above 0, got "${text}"`;
  return { kind: 'process', name, pid };
}

type Rendered = { ok: true; text: string } | { ok: false; problem: string };

function renderTarget(target: string | Template | undefined, env: Record<string, string | undefined>): Rendered | undefined {
  if (target === undefined) return undefined;
  return typeof target === 'string' ? { ok: true, text: target } : renderEnvTemplate(target, env);
}

// Monitors are read by the runner, outside k6: only the environment can fill them, never `{{ }}`.
function renderEnvTemplate(template: Template, env: Record<string, string | undefined>): Rendered {
  let text = '';
  for (const part of template) {
    if (part.kind === 'text') {
      text += part.text;
    } else if (part.kind === 'env') {
      const value = env[part.name] ?? part.fallback;
      if (value === undefined) return { ok: false, problem: `reads \${env:${part.name}}, which is not set and has no default (write \${env:${part.name}:-value} for one)` };
      text += value;
    } else {
      return { ok: false, problem: 'holds a {{ }} expression, which monitors cannot use; only ${env:NAME} is read, when the run starts' };
    }
  }
  return { ok: true, text };
}

function absoluteUrl(text: string, target: Rendered | undefined): { ok: true; url: string } | { ok: false; problem: string } {
  let joined = text;
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text)) {
    if (target !== undefined && !target.ok) return { ok: false, problem: `its url ${text} is joined to the target, whose address ${target.problem}` };
    if (target === undefined || target.text.trim() === '') return { ok: false, problem: `its url ${text} is a path, and the scenario has no target to join it to; write a full http:// URL` };
    const base = target.text.trim().replace(/\/+$/, '');
    joined = text.startsWith('/') ? base + text.replace(/^\/+/, '/') : `${base}/${text}`;
  }
  let url: URL;
  try {
    url = new URL(joined);
  } catch {
    return { ok: false, problem: `its url ${joined} is not a valid URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: `its url must start with http:// or https://, not ${url.protocol}//` };
  return { ok: true, url: url.href };
}
