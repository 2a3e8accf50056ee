// One load test from a scenario file to a report folder: load and validate, find k6, run, write the reports.
// The CLI and the extension both call this, so a run behaves the same wherever it is started.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAgainstBaseline, writeComparisonReports } from './compare/baseline-comparison';
import type { RunComparison } from './compare/comparison';
import { applyLoadOverrides, type LoadOverrides } from './compile/load-overrides';
import { locateK6, type K6Location } from './k6/locate';
import { createRunFolder } from './report/run-folder';
import type { ReportFiles } from './report/report-files';
import { writeReports } from './report/write-reports';
import type { RunResult } from './results';
import { redactRunEvent, redactRunResult, secretRedactor } from './run/redact-secrets';
import { failedRunResult, runScenario, type RunEvent } from './run/run-scenario';
import { hasErrors, type Diagnostic } from './scenario/diagnostics';
import type { Scenario } from './scenario/model';
import { selectGroup } from './scenario/select-group';
import { loadScenarioFile } from './scenario-file';

export interface LoadTestOptions {
  /** Absolute path of the scenario file. */
  file: string;
  environment?: string;
  /** Run only this user group of a scenario that has several. */
  group?: string;
  overrides?: LoadOverrides;
  /** Base folder for reports; each run gets `<reportDir>/<scenario>/<time>/`. */
  reportDir: string;
  /** k6 chosen by the user (`--k6`, a setting), and how to name it in messages. */
  k6Path?: string;
  k6PathLabel?: string;
  /** The project's own tool folder (`.tools/bin`), searched last. */
  toolDir?: string;
  /** Folder the reports name the scenario file relative to (the workspace, the current folder), so shared
   * reports do not carry the author's home folder. */
  displayRoot: string;
  /** Environment of the run: `${env:...}` values and k6 discovery. */
  env: NodeJS.ProcessEnv;
  /** Values in `env` that are secret: replaced with `***` in every event, message and report. */
  secrets?: readonly string[];
  /** Graceful stop, then hard stop. */
  signal?: AbortSignal;
  killSignal?: AbortSignal;
  /** Called once the scenario is valid, before k6 starts. */
  onScenario?: (scenario: Scenario, plannedSeconds: number) => void;
  onEvent?: (event: RunEvent) => void;
}

export type LoadTestOutcome =
  | { kind: 'invalid'; diagnostics: Diagnostic[] }
  | {
      kind: 'finished';
      diagnostics: Diagnostic[];
      scenario: Scenario;
      result: RunResult;
      folder: string;
      files: ReportFiles;
      k6?: K6Location;
      /** The comparison with the scenario's pinned baseline (also in comparison.md / .json), when there is one. */
      comparison?: RunComparison;
    };

/** Validates, runs and reports. Invalid scenarios write nothing; every run that starts leaves a report folder. */
export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestOutcome> {
  const loaded = loadScenarioFile(options.file, { environment: options.environment, env: options.env });
  const diagnostics = loaded.diagnostics;
  if (!loaded.scenario || hasErrors(diagnostics)) return { kind: 'invalid', diagnostics };
  let scenario = loaded.scenario;
  if (options.group !== undefined) {
    const selected = selectGroup(scenario, options.group);
    if (!selected.ok) return { kind: 'invalid', diagnostics: [...diagnostics, groupDiagnostic(options.file, selected.message)] };
    scenario = selected.scenario;
  }
  const redact = secretRedactor(options.secrets ?? []);
  const onEvent = options.onEvent;
  options.onScenario?.(scenario, plannedDurationSeconds(scenario, options.overrides));

  const located = await locateK6({ explicitPath: options.k6Path, explicitLabel: options.k6PathLabel, env: options.env, toolDir: options.toolDir });
  let result: RunResult;
  let k6: K6Location | undefined;
  if (!located.ok) {
    result = failedRunResult(scenario, new Date(), 'k6-missing', located.message, options.overrides);
  } else {
    k6 = located.k6;
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'loadscope-'));
    try {
      result = await runScenario({
        scenario,
        overrides: options.overrides,
        k6,
        workDir,
        env: definedValues(options.env),
        signal: options.signal,
        killSignal: options.killSignal,
        onEvent: onEvent === undefined ? undefined : (event) => onEvent(redactRunEvent(event, redact)),
      });
    } finally {
      // The compiled test holds copies of the scenario's data files: it does not outlive the run.
      rmSync(workDir, { recursive: true, force: true });
    }
  }
  result = { ...redactRunResult(result, redact), scenarioFile: displayPath(options.file, options.displayRoot) };
  const folder = createRunFolder(options.reportDir, scenario.name, new Date(result.startedAt));
  const baseline = checkAgainstBaseline(path.dirname(folder), result);
  if (baseline !== undefined) result = { ...result, comparison: baseline.field };
  const files = await writeReports(folder, result);
  const comparison = baseline?.comparison;
  if (baseline !== undefined && comparison !== undefined) {
    // The run's own reports are written; a comparison file that cannot be is not worth failing the run for.
    await writeComparisonReports(folder, baseline.field.baseline, comparison).catch(() => undefined);
  }
  return { kind: 'finished', diagnostics, scenario, result, folder, files, ...(k6 ? { k6 } : {}), ...(comparison ? { comparison } : {}) };
}

/** How long the test is planned to last: its longest group, after overrides. */
export function plannedDurationSeconds(scenario: Scenario, overrides?: LoadOverrides): number {
  const loads = applyLoadOverrides(scenario.groups.map((g) => g.load), overrides);
  return Math.max(0, ...loads.map((load) => load.stages.reduce((sum, stage) => sum + stage.durationSeconds, 0)));
}

/** `file` relative to `root` with forward slashes, or as given when it lies outside `root`. */
export function displayPath(file: string, root: string): string {
  const relative = path.relative(root, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function groupDiagnostic(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'unknown-group', message };
}

function definedValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
