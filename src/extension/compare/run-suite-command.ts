// Run Suite: the suite file given, in the active editor, or picked, run scenario after scenario with the
// extension's k6 settings, under a progress notification whose Cancel stops gracefully (the running scenario
// still writes its reports; the rest are skipped). suite.md opens at the end. Like Run Scenario it is refused in
// an untrusted workspace and while another load test runs.

import path from 'node:path';
import * as vscode from 'vscode';
import { locateK6 } from '../../core/k6/locate';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../../core/scenario/diagnostics';
import { checkSuiteScenarios } from '../../core/suite/check-suite-scenarios';
import { runSuite, type SuiteRun } from '../../core/suite/run-suite';
import { loadSuiteFile } from '../../core/suite/suite-file';
import type { Suite } from '../../core/suite/suite-model';
import { UserFacingError } from '../commands';
import type { Config } from '../config';
import { displayRootFor, reportBaseFolder } from '../run/report-location';
import type { RunController } from '../run/run-controller';
import { busyMessage, UNTRUSTED_MESSAGE } from '../run/run-messages';
import type { SecretEnvironment } from '../run/secret-environment';
import { isSuiteFileName, SUITE_FILE_PATTERN } from './compare-command-ids';

export interface SuiteCommandDeps {
  config: Config;
  log: vscode.LogOutputChannel;
  runs: RunController;
  secrets: SecretEnvironment;
  /** The development checkout's `.tools/bin`, searched last for k6. */
  toolDir: string | undefined;
}

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

/** Runs a suite to its end (or until cancelled); resolves with the run, or undefined when nothing was run. */
export class SuiteRunner {
  private running = false;

  constructor(private readonly deps: SuiteCommandDeps) {}

  /** True while a suite runs. */
  get busy(): boolean {
    return this.running;
  }

  async run(resource: unknown): Promise<SuiteRun | undefined> {
    if (!vscode.workspace.isTrusted) throw new UserFacingError(UNTRUSTED_MESSAGE);
    const active = this.deps.runs.current;
    if (active !== undefined) throw new UserFacingError(busyMessage(active.scenario ?? path.basename(active.file)));
    if (this.running) throw new UserFacingError('Loadscope is already running a suite. One load test runs at a time; cancel it from its notification first.');
    const file = await suiteFile(resource);
    if (file === undefined) return undefined;
    this.running = true;
    try {
      return await this.runFile(file);
    } finally {
      this.running = false;
    }
  }

  private async runFile(file: string): Promise<SuiteRun | undefined> {
    const { config, log } = this.deps;
    const parsed = loadSuiteFile(file);
    refuseProblems(parsed.diagnostics, log, path.basename(file));
    const suite = parsed.suite;
    if (suite === undefined) throw new UserFacingError(`Loadscope: ${path.basename(file)} is not a suite.`);
    const secrets = await this.deps.secrets.values();
    const env: NodeJS.ProcessEnv = { ...process.env, ...secrets };
    refuseProblems(checkSuiteScenarios(suite, env), log, `A scenario of ${suite.name}`);
    const located = await locateK6({ explicitPath: config.k6Path, explicitLabel: config.k6PathLabel, env, toolDir: this.deps.toolDir });
    if (!located.ok) throw new UserFacingError(`Loadscope: ${located.message}`);
    const scope = vscode.Uri.file(file);
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(scope)?.uri.fsPath;
    const reportDir = reportBaseFolder(config.reportFolder(scope), file, workspaceFolder);
    log.info(`Run suite ${file} (${suite.entries.length} scenarios) with k6 ${located.k6.version}; reports under ${reportDir}.`);
    const run = await this.withProgress(suite, (signal, report) =>
      runSuite(suite, {
        reportDir,
        k6Path: config.k6Path,
        k6PathLabel: config.k6PathLabel,
        toolDir: this.deps.toolDir,
        displayRoot: displayRootFor(file, workspaceFolder),
        env,
        secrets: Object.values(secrets),
        signal,
        onScenarioStart: (entry, index) => report(`${index + 1} of ${suite.entries.length}: ${entry.written}`),
        onScenarioEnd: (entry, _index, happened) => log.info(`Suite ${suite.name}: ${entry.written} ${happened.kind}.`),
      }),
    );
    log.info(`Suite ${suite.name}: ${run.result.verdict}; report in ${run.files.folder}.`);
    await this.showReport(run.files.markdown);
    return run;
  }

  private withProgress(suite: Suite, start: (signal: AbortSignal, report: (message: string) => void) => Promise<SuiteRun>): Promise<SuiteRun> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Loadscope suite "${suite.name}"`, cancellable: true }, (progress, token) => {
        const stop = new AbortController();
        // Cancel is a graceful stop: the scenario running ends early but still writes its reports.
        token.onCancellationRequested(() => stop.abort());
        return start(stop.signal, (message) => progress.report({ message }));
      }),
    );
  }

  private async showReport(markdown: string): Promise<void> {
    const uri = vscode.Uri.file(markdown);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await vscode.window.showTextDocument(uri, { preview: true });
    }
  }
}
