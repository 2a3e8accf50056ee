// Runs a suite's scenarios one after another, each with runLoadTest (so each writes its own report folder, and is
// compared with its baseline), then writes the suite report. A stop ends the running scenario gracefully (its
// reports are still written, marked as stopped) and skips the rest.

import { displayPath, runLoadTest, type LoadTestOptions, type LoadTestOutcome } from '../load-test';
import type { Scenario } from '../scenario/model';
import type { SuiteEntry, Suite } from './suite-model';
import type { SuiteResult } from './suite-result';
import { suiteRow, suiteVerdict, type EntryOutcome } from './suite-row';
import { createSuiteFolder, writeSuiteReport, type SuiteReportFiles } from './write-suite-report';

export interface SuiteRunOptions extends Omit<LoadTestOptions, 'file' | 'environment' | 'group' | 'overrides' | 'onScenario'> {
  /** Before each scenario starts (after it validated), with the scenario as it will run; `index` counts from 0. */
  onScenarioStart?: (entry: SuiteEntry, index: number, plannedSeconds: number, scenario: Scenario) => void;
  /** After each scenario, with what happened to it. */
  onScenarioEnd?: (entry: SuiteEntry, index: number, happened: EntryOutcome) => void;
  now?: () => Date;
}

export interface SuiteRun {
  result: SuiteResult;
  files: SuiteReportFiles;
  /** Per entry, in order. */
  outcomes: EntryOutcome[];
}

// A function, not `signal?.aborted` inline: the flag changes while a scenario runs, which inline narrowing ignores.
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runEntry(entry: SuiteEntry, index: number, options: SuiteRunOptions): Promise<EntryOutcome> {
  try {
    const outcome: LoadTestOutcome = await runLoadTest({
      ...options,
      file: entry.file,
      ...(entry.environment === undefined ? {} : { environment: entry.environment }),
      overrides: entry.overrides,
      onScenario: (scenario, plannedSeconds) => options.onScenarioStart?.(entry, index, plannedSeconds, scenario),
    });
    return { kind: 'ran', outcome };
  } catch (error) {
    // One scenario that could not write its reports must not cost the others their run.
    return { kind: 'failed', message: `The run could not finish: ${message(error)}` };
  }
}

/** Runs every scenario of `suite` in order and writes `<reportDir>/suites/<suite slug>/<time>/`. */
export async function runSuite(suite: Suite, options: SuiteRunOptions): Promise<SuiteRun> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const outcomes: EntryOutcome[] = [];
  let stopped = false;
  for (const [index, entry] of suite.entries.entries()) {
    if (isAborted(options.signal)) {
      stopped = true;
      outcomes.push({ kind: 'skipped' });
      options.onScenarioEnd?.(entry, index, { kind: 'skipped' });
      continue;
    }
    const happened = await runEntry(entry, index, options);
    if (isAborted(options.signal)) stopped = true;
    outcomes.push(happened);
    options.onScenarioEnd?.(entry, index, happened);
  }
  const endedAt = now();
  const folder = createSuiteFolder(options.reportDir, suite.name, startedAt);
  const rows = suite.entries.map((entry, index) => suiteRow(entry, outcomes[index] ?? { kind: 'skipped' }, folder));
  const result: SuiteResult = {
    schemaVersion: 1,
    suite: suite.name,
    suiteFile: displayPath(suite.file, options.displayRoot),
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    durationSeconds: Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1000),
    verdict: suiteVerdict(rows),
    stopped,
    rows,
  };
  const files = await writeSuiteReport(folder, result);
  return { result, files, outcomes };
}
