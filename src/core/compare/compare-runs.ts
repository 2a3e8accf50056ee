// Compares two runs figure by figure: run A is the reference (the baseline), run B the new one.
// How the verdicts are decided is explained in docs/comparison.md.

import { formatDuration, isOutcomeWithoutData, outcomeLabel } from '../report/format';
import type { RunResult } from '../results';
import {
  DEFAULT_COMPARISON_SETTINGS,
  FIGURE_NAMES,
  type ComparedRun,
  type ComparisonSettings,
  type FigureComparison,
  type RequestComparison,
  type RunComparison,
  type SampleWindow,
} from './comparison';
import { judgeFigure, type Measurement } from './figure-verdict';
import { measureFigure } from './measure-figure';
import { sampleWindow } from './sample-window';
import { holmAdjust } from './statistics/holm';
import { overallFigures, requestFigures, requestsByName } from './subject-figures';
import { summarizeComparison } from './summary-line';

function comparedRun(result: RunResult): ComparedRun {
  return {
    scenario: result.scenario,
    scenarioFile: result.scenarioFile,
    ...(result.environment === undefined ? {} : { environment: result.environment }),
    startedAt: result.startedAt,
    durationSeconds: result.durationSeconds,
    verdict: result.verdict,
    outcome: result.outcome,
    load: result.load,
    requests: result.totals.requests,
  };
}

/** Why a run has nothing to compare, or undefined when it has. */
function noDataReason(result: RunResult, label: 'A' | 'B'): string | undefined {
  if (isOutcomeWithoutData(result.outcome)) return `run ${label} has no data: the run did not take place (${outcomeLabel(result.outcome)}).`;
  if (result.totals.requests === 0) return `run ${label} has no data: it made no request.`;
  return undefined;
}

function loadWords(result: RunResult): string {
  return result.load.map((group) => `${group.group}: ${group.description} (${group.model})`).join('; ') || 'no load recorded';
}

function fairnessWarnings(a: RunResult, b: RunResult): string[] {
  const warnings: string[] = [];
  if (a.scenario !== b.scenario) warnings.push(`The runs are of different scenarios: "${a.scenario}" and "${b.scenario}".`);
  const loadA = loadWords(a);
  const loadB = loadWords(b);
  if (loadA !== loadB) warnings.push(`The load differs, so the figures compare different loads: A ran ${loadA}; B ran ${loadB}.`);
  if ((a.environment ?? '') !== (b.environment ?? '')) warnings.push(`The environments differ: A ran against ${a.environment ?? 'the default target'}, B against ${b.environment ?? 'the default target'}.`);
  for (const [label, run] of [['A', a], ['B', b]] as const) {
    if (run.verdict === 'stopped') warnings.push(`Run ${label} was stopped after ${formatDuration(run.durationSeconds)}: its figures cover only the part that ran.`);
  }
  return warnings;
}

function steadyWarnings(runs: readonly (readonly ['A' | 'B', RunResult, SampleWindow])[], settings: ComparisonSettings): string[] {
  return runs
    .filter(([, run, window]) => window.kind === 'whole-run' && run.load.length > 0 && run.load.every((group) => group.model === 'closed'))
    .map(([label]) => `Run ${label} has no steady stretch of ${settings.minSeconds} s at full load: all its seconds were compared, ramp included.`);
}

interface Subject {
  name: string;
  method: string;
  presence: RequestComparison['presence'];
  measurements: Measurement[];
}

/** Compares run B with run A: per request and overall, p50/p95/p99, error rate and requests/s, each with a verdict. */
export function compareRuns(a: RunResult, b: RunResult, overrides: Partial<ComparisonSettings> = {}): RunComparison {
  const settings: ComparisonSettings = { ...DEFAULT_COMPARISON_SETTINGS, ...overrides };
  const windowA = sampleWindow(a, settings.minSeconds);
  const windowB = sampleWindow(b, settings.minSeconds);
  const reason = noDataReason(a, 'A') ?? noDataReason(b, 'B');
  const steady = reason === undefined ? steadyWarnings([['A', a, windowA.window], ['B', b, windowB.window]], settings) : [];
  const warnings = [...fairnessWarnings(a, b), ...steady];

  const overallA = overallFigures(a, windowA.points);
  const overallB = overallFigures(b, windowB.points);
  const requestsA = requestsByName(a);
  const requestsB = requestsByName(b);
  const names = [...requestsA.keys(), ...[...requestsB.keys()].filter((name) => !requestsA.has(name))];
  const subjects: Subject[] = names.map((name) => {
    const entriesA = requestsA.get(name);
    const entriesB = requestsB.get(name);
    const figuresA = entriesA === undefined ? undefined : requestFigures(a, entriesA, windowA.points);
    const figuresB = entriesB === undefined ? undefined : requestFigures(b, entriesB, windowB.points);
    return {
      name,
      method: (entriesA ?? entriesB)?.[0]?.method ?? '',
      presence: entriesA === undefined ? 'added' : entriesB === undefined ? 'removed' : 'both',
      measurements: FIGURE_NAMES.map((figure) => measureFigure(figure, figuresA, figuresB, settings)),
    };
  });
  const overall = FIGURE_NAMES.map((figure) => measureFigure(figure, overallA, overallB, settings));

  const all = [...overall, ...subjects.flatMap((subject) => subject.measurements)];
  if (reason !== undefined) for (const measurement of all) measurement.notComparable = 'one of the runs has no data';
  // The family Holm corrects over: figures with a test that could come out significant. Not-comparable figures
  // and error rates that no split of their failures could move (see smallestAttainablePValue) are left out.
  const tested = all.filter((m) => m.pValue !== null && m.notComparable === undefined && m.untested === undefined);
  const adjusted = new Map<Measurement, number>();
  holmAdjust(tested.map((m) => m.pValue ?? 1)).forEach((p, index) => {
    const measurement = tested[index];
    if (measurement !== undefined) adjusted.set(measurement, p);
  });
  const judge = (m: Measurement): FigureComparison => judgeFigure(m, adjusted.get(m) ?? null, settings);

  const overallFiguresJudged = overall.map(judge);
  const requests: RequestComparison[] = subjects.map((subject) => ({ name: subject.name, method: subject.method, presence: subject.presence, figures: subject.measurements.map(judge) }));
  return {
    schemaVersion: 1,
    a: comparedRun(a),
    b: comparedRun(b),
    comparable: reason === undefined,
    ...(reason === undefined ? {} : { reason }),
    warnings,
    settings,
    windows: { a: windowA.window, b: windowB.window },
    overall: overallFiguresJudged,
    requests,
    summary: summarizeComparison(overallFiguresJudged, requests, warnings, reason),
  };
}
