// Runs scenarios from the editor through the core's runLoadTest, one at a time for the whole window: two load tests
// on one machine share its CPU and network and skew each other's numbers, and one run gives Stop, the status bar
// and the progress notification an obvious subject. Each run gets its own results panel, its k6 log in the
// Loadscope channel, and a notification with the verdict at the end.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { LoadOverrides } from '../../core/compile/load-overrides';
import { locateK6 } from '../../core/k6/locate';
import { runLoadTest, type LoadTestOutcome } from '../../core/load-test';
import type { ReportFiles } from '../../core/report/report-files';
import type { RunOutcome, RunResult, Verdict } from '../../core/results';
import type { RunEvent } from '../../core/run/run-events';
import type { Diagnostic } from '../../core/scenario/diagnostics';
import type { Scenario } from '../../core/scenario/model';
import type { Config } from '../config';
import type { PanelHandle, ResultsPanels } from '../results-panel/register-results-panel';
import { openReport } from '../results-panel/open-report';
import { runInfoFor } from '../results-panel/run-info';
import { showK6Problem } from './k6-setup';
import { describeProblems } from './problem-report';
import { displayRootFor, reportBaseFolder } from './report-location';
import { reportLinks, type ReportHistory } from './report-history';
import { RunProgressView } from './run-progress-view';
import { busyMessage, verdictNotice } from './run-messages';
import { declaredEnvironment } from './scenario-outline';
import type { SecretEnvironment } from './secret-environment';

export interface RunRequest {
  /** Absolute path of the scenario file. */
  file: string;
  group?: string;
  overrides?: LoadOverrides;
  /** The environment to apply; undefined for `loadscope.defaultEnvironment` (when the scenario declares it), null for none. */
  environment?: string | null;
}

/** How a run command ended, for callers (and tests) that await it. */
export type RunCommandResult =
  | { kind: 'finished'; verdict: Verdict; outcome: RunOutcome; folder: string; files: ReportFiles }
  | { kind: 'invalid'; diagnostics: Diagnostic[] }
  | { kind: 'not-started'; reason: 'busy' | 'k6-missing' };

export interface RunControllerDeps {
  config: Config;
  log: vscode.LogOutputChannel;
  panels: ResultsPanels;
  secrets: SecretEnvironment;
  history: ReportHistory;
  extensionUri: vscode.Uri;
  /** The development checkout's `.tools/bin`, searched last for k6; undefined in an installed extension. */
  toolDir: string | undefined;
}

/** A run that wrote its reports: what the features showing results beside the scenario need. */
export interface FinishedRun {
  /** The request exactly as given to `run`: a caller recognises its own runs by identity. */
  request: RunRequest;
  result: RunResult;
  files: ReportFiles;
}

/** The run going now. */
export interface ActiveRun {
  readonly file: string;
  readonly scenario: string | undefined;
  readonly stopping: boolean;
}

class RunningTest implements ActiveRun {
  scenario: string | undefined;
  panel: PanelHandle | undefined;
  view: RunProgressView | undefined;
  private readonly stopController = new AbortController();
  private readonly killController = new AbortController();

  constructor(readonly file: string) {}

  get signal(): AbortSignal {
    return this.stopController.signal;
  }

  get killSignal(): AbortSignal {
    return this.killController.signal;
  }

  get stopping(): boolean {
    return this.stopController.signal.aborted;
  }

  /** Graceful first; hard when asked, or when already stopping. */
  stop(hard: boolean): 'graceful' | 'hard' {
    if (hard || this.stopping) {
      this.killController.abort();
      return 'hard';
    }
    this.stopController.abort();
    return 'graceful';
  }
}

export class RunController implements vscode.Disposable {
  private active: RunningTest | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when a run starts or ends. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly finishEmitter = new vscode.EventEmitter<FinishedRun>();
  /** Fires when a run has written its reports and they are in the history, before `run` resolves. */
  readonly onDidFinishRun = this.finishEmitter.event;

  constructor(private readonly deps: RunControllerDeps) {}

  /** The run going now, if any. */
  get current(): ActiveRun | undefined {
    return this.active;
  }

  /** Runs a scenario to the end (or until stopped) and resolves with how it ended. */
  async run(request: RunRequest): Promise<RunCommandResult> {
    if (this.active !== undefined) {
      this.showBusy(this.active);
      return { kind: 'not-started', reason: 'busy' };
    }
    const running = new RunningTest(request.file);
    this.active = running;
    this.changeEmitter.fire();
    try {
      const { log, config } = this.deps;
      const secrets = await this.deps.secrets.values();
      const env: NodeJS.ProcessEnv = { ...process.env, ...secrets };
      const located = await locateK6({ explicitPath: config.k6Path, explicitLabel: config.k6PathLabel, env, toolDir: this.deps.toolDir });
      if (!located.ok) {
        void showK6Problem(this.deps, located.message, located.tried);
        return { kind: 'not-started', reason: 'k6-missing' };
      }
      const scope = vscode.Uri.file(request.file);
      const workspaceFolder = vscode.workspace.getWorkspaceFolder(scope)?.uri.fsPath;
      const reportDir = reportBaseFolder(config.reportFolder(scope), request.file, workspaceFolder);
      log.info(`Run ${request.file}${request.group === undefined ? '' : ` (group ${request.group})`} with k6 ${located.k6.version} (${located.k6.path}); reports under ${reportDir}.`);
      const secretNames = Object.keys(secrets);
      if (secretNames.length > 0) log.info(`Secrets given to k6 as environment variables: ${secretNames.join(', ')}.`);

      const outcome = await runLoadTest({
        file: request.file,
        environment: request.environment === null ? undefined : (request.environment ?? this.defaultEnvironmentFor(request.file, scope)),
        group: request.group,
        overrides: request.overrides,
        reportDir,
        k6Path: config.k6Path,
        k6PathLabel: config.k6PathLabel,
        toolDir: this.deps.toolDir,
        displayRoot: displayRootFor(request.file, workspaceFolder),
        env,
        secrets: Object.values(secrets),
        signal: running.signal,
        killSignal: running.killSignal,
        onScenario: (scenario, plannedSeconds) => {
          running.scenario = scenario.name;
          running.panel = this.openPanel(running, scenario, plannedSeconds, request.overrides);
          running.view = new RunProgressView(scenario.name, plannedSeconds, (hard) => this.stop(hard));
          this.changeEmitter.fire();
        },
        onEvent: (event) => {
          running.panel?.post(event);
          running.view?.update(event);
          this.logEvent(event);
        },
      });
      return await this.finish(request, running, outcome);
    } catch (error) {
      running.panel?.fail(`The run failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      this.release(running);
    }
  }

  /** Asks the run to stop: gracefully the first time, at once when `hard` or already stopping. */
  stop(hard = false): 'graceful' | 'hard' | 'idle' {
    const active = this.active;
    if (active === undefined) return 'idle';
    const how = active.stop(hard);
    this.deps.log.info(how === 'hard' ? 'Stop requested: ending k6 at once.' : 'Stop requested: stopping gracefully; the reports will still be written.');
    return how;
  }

  dispose(): void {
    // Closing the window ends the run: k6 must not outlive the extension host.
    this.active?.stop(true);
    this.changeEmitter.dispose();
    this.finishEmitter.dispose();
  }

  private release(running: RunningTest): void {
    running.view?.dispose();
    if (this.active !== running) return;
    this.active = undefined;
    this.changeEmitter.fire();
  }

  private openPanel(running: RunningTest, scenario: Scenario, plannedSeconds: number, overrides: LoadOverrides | undefined): PanelHandle {
    const panel = this.deps.panels.showRun(runInfoFor(scenario, plannedSeconds, overrides));
    panel.onDidRequestStop(({ hard }) => {
      if (this.active === running) this.stop(hard);
    });
    return panel;
  }

  private async finish(request: RunRequest, running: RunningTest, outcome: LoadTestOutcome): Promise<RunCommandResult> {
    if (outcome.kind === 'invalid') {
      void describeProblems(outcome.diagnostics, request.file, this.deps.log);
      return { kind: 'invalid', diagnostics: outcome.diagnostics };
    }
    const { result, files } = outcome;
    running.panel?.reportsWritten(result, files);
    // Over before its report is announced: the progress goes, and the CodeLenses redraw once, with Run and Open Report.
    this.release(running);
    await this.deps.history.record(request.file, files);
    this.finishEmitter.fire({ request, result, files });
    this.deps.log.info(`${result.verdict.toUpperCase()}: ${result.scenario}: ${result.outcomeMessage} Reports: ${files.folder}`);
    if (result.outcome === 'k6-missing') void showK6Problem(this.deps, result.outcomeMessage, []);
    else void this.showVerdict(result, files, running);
    return { kind: 'finished', verdict: result.verdict, outcome: result.outcome, folder: files.folder, files };
  }

  private async showVerdict(result: RunResult, files: ReportFiles, running: RunningTest): Promise<void> {
    const notice = verdictNotice(result);
    const show = notice.severity === 'info' ? vscode.window.showInformationMessage : notice.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    const choice = await show(notice.text, 'Open Report', 'Show Results');
    if (choice === 'Open Report') await openReport(reportLinks(files), 'html');
    else if (choice === 'Show Results') running.panel?.reveal();
  }

  private showBusy(active: RunningTest): void {
    void vscode.window.showWarningMessage(busyMessage(active.scenario ?? path.basename(active.file)), 'Show Results', 'Stop').then((choice) => {
      if (choice === 'Show Results') this.deps.panels.showLatest();
      else if (choice === 'Stop') this.stop();
    });
  }

  private defaultEnvironmentFor(file: string, scope: vscode.Uri): string | undefined {
    return declaredEnvironment(readText(file), this.deps.config.defaultEnvironment(scope));
  }

  private logEvent(event: RunEvent): void {
    const { log } = this.deps;
    switch (event.type) {
      case 'started':
        log.info(`k6 ${event.k6Version} started (pid ${event.pid ?? 'unknown'}).`);
        return;
      case 'log': {
        const level = /\blevel=(error|fatal)\b/.test(event.line) ? 'error' : /\blevel=warn(ing)?\b/.test(event.line) ? 'warn' : 'info';
        log[level](`k6: ${event.line}`);
        return;
      }
      case 'stopping':
        log.info(event.hard ? `Ending k6 at once: ${event.reason}.` : `Stopping gracefully: ${event.reason}.`);
        return;
      case 'tick':
      case 'finished':
        return;
    }
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // The run reports the unreadable file itself.
    return '';
  }
}
