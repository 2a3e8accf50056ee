// Shared by the comparison tests on real k6 runs: one bounded run of a scenario against a local target, and the
// figures of a comparison in words for assertion messages.

import { runScenario } from '../../../src/core/run/run-scenario';
import type { FigureComparison, FigureName, RunComparison } from '../../../src/core/compare/comparison';
import type { RunResult } from '../../../src/core/results';
import { scenarioFromYaml, tempWorkDir, testK6 } from '../run/harness';

/** Runs `yaml` (its target already filled in) and closes `target` afterwards; k6 is stopped if it overruns `deadlineMs`. */
export async function runScenarioYaml(yaml: string, target: { close(): Promise<void> }, label: string, deadlineMs: number): Promise<RunResult> {
  const work = tempWorkDir(`compare-${label}`);
  const stop = new AbortController();
  const kill = new AbortController();
  const stopTimer = setTimeout(() => stop.abort(), deadlineMs);
  const killTimer = setTimeout(() => kill.abort(), deadlineMs + 10_000);
  try {
    const scenario = scenarioFromYaml(yaml, work.dir);
    return await runScenario({ scenario, k6: await testK6(), workDir: work.dir, signal: stop.signal, killSignal: kill.signal, stopGraceMs: 5_000 });
  } finally {
    clearTimeout(stopTimer);
    clearTimeout(killTimer);
    await target.close();
    work.remove();
  }
}

export interface NamedFigure {
  subject: string;
  figure: FigureComparison;
}

/** Every figure of a comparison, all requests first, with the name of what it measures. */
export function everyFigure(comparison: RunComparison): NamedFigure[] {
  return [
    ...comparison.overall.map((figure) => ({ subject: 'all requests', figure })),
    ...comparison.requests.flatMap((request) => request.figures.map((figure) => ({ subject: request.name, figure }))),
  ];
}

/** One figure of all requests (`subject` undefined) or of one request. */
export function figureOf(comparison: RunComparison, figure: FigureName, subject?: string): FigureComparison {
  const figures = subject === undefined ? comparison.overall : comparison.requests.find((request) => request.name === subject)?.figures;
  const found = figures?.find((f) => f.figure === figure);
  if (found === undefined) throw new Error(`no ${figure} of ${subject ?? 'all requests'} in the comparison`);
  return found;
}

function short(value: number | null): string {
  return value === null ? '-' : Number(value.toPrecision(4)).toString();
}

/** One line per figure: values, verdict, raw and Holm-adjusted p, for assertion messages. */
export function describeFigures(comparison: RunComparison): string {
  return everyFigure(comparison)
    .map(({ subject, figure }) => `${subject} ${figure.figure}: ${short(figure.a)} → ${short(figure.b)} ${figure.verdict} (${figure.reason}; p ${short(figure.pValue)}, adjusted ${short(figure.adjustedPValue)})`)
    .join('\n');
}
