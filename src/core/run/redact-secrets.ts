// Values the user keeps secret (an editor's secret storage) must not reach a log, the live view or a report, even
// when k6 echoes them: a URL with a token in its query, an error quoting a header. Every text leaving a run passes
// through one redactor built from those values.

import type { MonitorSeries, RunResult } from '../results';
import type { RunEvent } from './run-events';

/** What a secret value is replaced with. */
export const REDACTED = '***';

export type Redact = (text: string) => string;

/** A function that replaces each secret value, as written and as URL-encoded, with `***`; longest values first. */
export function secretRedactor(values: readonly string[]): Redact {
  const forms = new Set<string>();
  for (const value of values) {
    if (value === '') continue;
    forms.add(value);
    forms.add(encodeURIComponent(value));
  }
  if (forms.size === 0) return (text) => text;
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(ordered.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, REDACTED);
}

/** The result with every free text (k6's messages, error descriptions) redacted. */
export function redactRunResult(result: RunResult, redact: Redact): RunResult {
  return {
    ...result,
    outcomeMessage: redact(result.outcomeMessage),
    errors: result.errors.map((error) => ({ ...error, name: redact(error.name), error: redact(error.error) })),
    ...(result.monitors !== undefined ? { monitors: redactMonitorSeries(result.monitors, redact) } : {}),
  };
}

// A monitor's problem quotes its endpoint, whose URL may carry a token read from the environment.
function redactMonitorSeries(series: readonly MonitorSeries[], redact: Redact): MonitorSeries[] {
  return series.map((one) => (one.problem === undefined ? one : { ...one, problem: redact(one.problem) }));
}

/** The event with its texts redacted. */
export function redactRunEvent(event: RunEvent, redact: Redact): RunEvent {
  switch (event.type) {
    case 'log':
      return { ...event, line: redact(event.line) };
    case 'stopping':
      return { ...event, reason: redact(event.reason) };
    case 'finished':
      return { ...event, result: redactRunResult(event.result, redact) };
    case 'monitors':
      return { ...event, series: redactMonitorSeries(event.series, redact) };
    case 'started':
    case 'tick':
    case 'findings':
      return event;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
