// One row of the verdict matrix from what happened to a suite entry: a run, an invalid scenario, or a skip.

import path from 'node:path';
import type { LoadTestOutcome } from '../load-test';
import { verdictHeadline } from '../report/headline';
import type { RunResult, TargetResult, Verdict } from '../results';
import { formatDiagnostic } from '../scenario/diagnostics';
import type { SuiteEntry } from './suite-model';
import type { FigureAgainstTarget, SuiteRow, SuiteRowVerdict } from './suite-result';

/** What happened to one entry of the suite. */
export type EntryOutcome = { kind: 'ran'; outcome: LoadTestOutcome } | { kind: 'skipped' } | { kind: 'failed'; message: string };

// Summaries written before runs carried findings decode without them.
function firstFindingMessage(result: RunResult): string | undefined {
  return result.findings?.[0]?.message;
}

function againstTarget(result: RunResult, metric: TargetResult['metric'], value: number): FigureAgainstTarget {
  const measured = result.totals.requests > 0 ? value : null;
  const target = result.targets.find((t) => t.metric === metric && t.request === undefined);
  return target === undefined ? { value: measured } : { value: measured, target: target.expression, passed: target.passed };
}

function loadOf(result: RunResult): string {
  if (result.load.length === 1) return result.load[0]?.description ?? '';
  return result.load.map((group) => `${group.group}: ${group.description}`).join('; ');
}

function base(entry: SuiteEntry, scenario: string, verdict: SuiteRowVerdict, keyFinding: string): SuiteRow {
  return {
    file: entry.written,
    scenario,
    verdict,
    load: '',
    ...(entry.environment === undefined ? {} : { environment: entry.environment }),
    overrides: entry.overrides,
    keyFinding,
    requests: null,
    p50: { value: null },
    p99: { value: null },
  };
}

/** The matrix row of `entry`; `suiteFolder` is where suite.md goes, for the links to each report. */
export function suiteRow(entry: SuiteEntry, happened: EntryOutcome, suiteFolder: string): SuiteRow {
  const name = path.basename(entry.written);
  if (happened.kind === 'skipped') return base(entry, name, 'skipped', 'Not run: the suite was stopped before it.');
  if (happened.kind === 'failed') return base(entry, name, 'error', happened.message);
  const outcome = happened.outcome;
  if (outcome.kind === 'invalid') {
    const first = outcome.diagnostics.find((d) => d.severity === 'error');
    return base(entry, name, 'invalid', first === undefined ? 'The scenario is invalid.' : formatDiagnostic({ ...first, file: entry.written }));
  }
  const result = outcome.result;
  const verdict: Verdict = result.verdict;
  return {
    ...base(entry, result.scenario, verdict, firstFindingMessage(result) ?? verdictHeadline(result)),
    load: loadOf(result),
    requests: result.totals.requests,
    p50: againstTarget(result, 'median', result.totals.p50),
    p99: againstTarget(result, 'p99', result.totals.p99),
    reportFolder: path.relative(suiteFolder, outcome.folder).split(path.sep).join('/'),
    ...(result.comparison === undefined ? {} : { baseline: result.comparison.summary.headline }),
  };
}

const SEVERITY: Readonly<Record<SuiteRowVerdict, number>> = { pass: 0, fail: 1, stopped: 2, skipped: 2, invalid: 3, error: 3 };

/** The suite's verdict: the worst row's (an invalid scenario counts as an error, a skipped one as stopped). */
export function suiteVerdict(rows: readonly Pick<SuiteRow, 'verdict'>[]): Verdict {
  const worst = Math.max(0, ...rows.map((row) => SEVERITY[row.verdict]));
  return (['pass', 'fail', 'stopped', 'error'] as const)[worst] ?? 'error';
}
