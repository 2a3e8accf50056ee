// Run Suite: the suite file given, in the active editor, or picked, checked whole (every scenario validated before
// the first one spends minutes running), then run by the run controller like any run: it takes the window's one
// lock, Stop and the status bar follow it, and each scenario streams into its own results panel. suite.md opens at
// the end. Like Run Scenario it is refused in an untrusted workspace and while another load test runs.

import path from 'node:path';
import * as vscode from 'vscode';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../../core/scenario/diagnostics';
import { checkSuiteScenarios } from '../../core/suite/check-suite-scenarios';
import { loadSuiteFile } from '../../core/suite/suite-file';
import type { SuiteResult } from '../../core/suite/suite-result';
import type { SuiteReportFiles } from '../../core/suite/write-suite-report';
import { UserFacingError } from '../commands';
import type { RunController, SuiteRunResult } from '../run/run-controller';
import { suiteNotice, UNTRUSTED_MESSAGE } from '../run/run-messages';
import type { SecretEnvironment } from '../run/secret-environment';
import { isSuiteFileName, SUITE_FILE_PATTERN } from './compare-command-ids';

export interface SuiteCommandDeps {
  log: vscode.LogOutputChannel;
  runs: Pick<RunController, 'runSuite' | 'refuseWhenBusy'>;
  secrets: SecretEnvironment;
}

const OPEN_SUITE_REPORT = 'Open suite.md';

async function suiteFile(resource: unknown): Promise<string | undefined> {
  if (resource instanceof vscode.Uri) return resource.fsPath;
  if (typeof resource === 'string' && resource !== '') return resource;
  const active = vscode.window.activeTextEditor?.document;
  if (active !== undefined && active.uri.scheme === 'file' && isSuiteFileName(active.fileName)) {
    if (active.isDirty && !(await active.save())) throw new UserFacingError(`Loadscope: ${vscode.workspace.asRelativePath(active.uri, false)} could not be saved, so it was not run.`);
    return active.uri.fsPath;
  }
  const found = await vscode.workspace.findFiles(SUITE_FILE_PATTERN, '**/node_modules/**', 200);
  if (found.length === 0) throw new UserFacingError('Loadscope: no suite file (*.suite.yaml) in the workspace. A suite lists scenario files to run one after another.');
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: path.basename(uri.fsPath), description: vscode.workspace.asRelativePath(uri, false), file: uri.fsPath })),
    { title: 'Run Suite', placeHolder: 'The suite to run' },
  );
  return picked?.file;
}

function refuseProblems(diagnostics: readonly Diagnostic[], log: vscode.LogOutputChannel, what: string): void {
  if (!hasErrors(diagnostics)) return;
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  for (const error of errors) log.warn(formatDiagnostic(error));
  const first = errors[0];
  throw new UserFacingError(`Loadscope: ${what} has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was run.${first === undefined ? '' : ` First: ${first.message}`} The Loadscope log lists them all.`);
}

/** Runs a suite to its end (or until stopped); resolves with how it ended, or undefined when none was picked. */
export async function runSuiteCommand(deps: SuiteCommandDeps, resource: unknown): Promise<SuiteRunResult | undefined> {
  if (!vscode.workspace.isTrusted) throw new UserFacingError(UNTRUSTED_MESSAGE);
  // Before asking for a file: a suite that cannot start now is not worth picking.
  if (deps.runs.refuseWhenBusy()) return { kind: 'not-started', reason: 'busy' };
  const file = await suiteFile(resource);
  if (file === undefined) return undefined;
  const parsed = loadSuiteFile(file);
  refuseProblems(parsed.diagnostics, deps.log, path.basename(file));
  const suite = parsed.suite;
  if (suite === undefined) throw new UserFacingError(`Loadscope: ${path.basename(file)} is not a suite.`);
  const env: NodeJS.ProcessEnv = { ...process.env, ...(await deps.secrets.values()) };
  refuseProblems(checkSuiteScenarios(suite, env), deps.log, `A scenario of ${suite.name}`);
  const ended = await deps.runs.runSuite(suite);
  if (ended.kind === 'finished') {
    await showSuiteReport(ended.files.markdown);
    void tellVerdict(ended.result, ended.files);
  }
  return ended;
}

async function showSuiteReport(markdown: string): Promise<void> {
  const uri = vscode.Uri.file(markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}

async function tellVerdict(result: SuiteResult, files: SuiteReportFiles): Promise<void> {
  const notice = suiteNotice(result);
  const show = notice.severity === 'info' ? vscode.window.showInformationMessage : notice.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  const choice = await show(notice.text, OPEN_SUITE_REPORT);
  if (choice === OPEN_SUITE_REPORT) await showSuiteReport(files.markdown);
}
