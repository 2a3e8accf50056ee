// The comparison, baseline and suite commands (category Loadscope): Compare Two Runs…, Pin Run as Baseline and
// Run Suite.

import * as vscode from 'vscode';
import { registerFailableCommand } from '../commands';
import type { Config } from '../config';
import type { ReportHistory } from '../run/report-history';
import { COMPARE_COMMANDS } from './compare-command-ids';
import { compareTwoRuns } from './compare-runs-command';
import { ComparisonDocuments } from './comparison-documents';
import { pinRunAsBaseline } from './pin-baseline-command';
import { runSuiteCommand, type SuiteCommandDeps } from './run-suite-command';

export interface CompareCommandDeps extends SuiteCommandDeps {
  config: Config;
  history: ReportHistory;
}

/** Registers Compare Two Runs…, Pin Run as Baseline and Run Suite. */
export function registerCompareCommands(deps: CompareCommandDeps): vscode.Disposable {
  const documents = new ComparisonDocuments();
  return vscode.Disposable.from(
    documents,
    registerFailableCommand(COMPARE_COMMANDS.compareRuns, (first, second) => compareTwoRuns(deps.config, documents, first, second), deps.log),
    registerFailableCommand(COMPARE_COMMANDS.pinBaseline, (resource) => pinRunAsBaseline(deps.config, deps.history, resource), deps.log),
    registerFailableCommand(COMPARE_COMMANDS.runSuite, (resource) => runSuiteCommand(deps, resource), deps.log),
  );
}
