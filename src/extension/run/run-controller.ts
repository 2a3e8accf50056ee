// Runs scenarios from the editor through the core's runLoadTest, and suites through the core's runSuite, one at a
// time for the whole window: two load tests on one machine share its CPU and network and skew each other's numbers,
// and one run gives Stop, the status bar and the progress notification an obvious subject. A suite holds the lock
// from its first scenario to its last. Each scenario run, alone or in a suite, gets its own results panel, its k6
// log in the Loadscope channel, a place in the report history and the results beside the scenario; a run alone
// also gets a notification with the verdict at the end (a suite's command tells the suite's).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { LoadOverrides } from '../../core/compile/load-overrides';
import { locateK6, type K6Location } from '../../core/k6/locate';
import { runLoadTest, type LoadTestOptions } from '../../core/load-test';
import type { ReportFiles } from '../../core/report/report-files';
import type { RunOutcome, RunResult, Verdict } from '../../core/results';
import type { RunEvent } from '../../core/run/run-events';
import type { Diagnostic } from '../../core/scenario/diagnostics';
import { runSuite } from '../../core/suite/run-suite';
import type { Suite, SuiteEntry } from '../../core/suite/suite-model';
import type { SuiteResult } from '../../core/suite/suite-result';
import type { EntryOutcome } from '../../core/suite/suite-row';
import type { SuiteReportFiles } from '../../core/suite/write-suite-report';
import type { Config } from '../config';
import type { RunInfo } from '../results-panel/messages';
import type { PanelHandle, ResultsPanels } from '../results-panel/register-results-panel';
import { openReport } from '../results-panel/open-report';
import { runInfoFor } from '../results-panel/run-info';
import { showK6Problem } from './k6-setup';
import { describeProblems } from './problem-report';
import { displayRootFor, reportBaseFolder } from './report-location';
import { reportLinks, type ReportHistory } from './report-history';
import { RunProgressView } from './run-progress-view';
import { busyMessage, verdictNotice } from './run-messages';
import { RunSession, type ActiveRun } from './run-session';
import { declaredEnvironment } from './scenario-outline';
import type { SecretEnvironment } from './secret-environment';
import type { SuitePosition } from './suite-position';

export type { ActiveRun } from './run-session';

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

/** How a suite run ended: its verdict matrix and where suite.md went, or why it did not start. */
export type SuiteRunResult = { kind: 'finished'; result: SuiteResult; files: SuiteReportFiles } | { kind: 'not-started'; reason: 'busy' | 'k6-missing' };

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
  /** The request exactly as given to `run` (one made for each scenario of a suite): a caller recognises its own runs by identity. */
  request: RunRequest;
  result: RunResult;
  files: ReportFiles;
  /** The suite the run was part of, by name. */
  suite?: string;
}

/** What every run of a session shares: where reports go, which k6, the environment, the stop signals, the events. */
type SessionOptions = Pick<LoadTestOptions, 'reportDir' | 'k6Path' | 'k6PathLabel' | 'toolDir' | 'displayRoot' | 'env' | 'secrets' | 'signal' | 'killSignal' | 'onEvent'>;

interface SessionSetup {
  k6: K6Location;
  options: SessionOptions;
}

const BUSY = { kind: 'not-started', reason: 'busy' } as const;
const K6_MISSING = { kind: 'not-started', reason: 'k6-missing' } as const;

export class RunController implements vscode.Disposable {
  private active: RunSession | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when a run starts or ends, and when a suite moves to its next scenario. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly finishEmitter = new vscode.EventEmitter<FinishedRun>();
  /** Fires when a run has written its reports and they are in the history, before `run` resolves. */
  readonly onDidFinishRun = this.finishEmitter.event;

  constructor(private readonly deps: RunControllerDeps) {}

  /** The run going now, if any. */
  get current(): ActiveRun | undefined {
    return this.active;
  }

  /** True, after telling the user as any second run is told, while a run or a suite goes. */
  refuseWhenBusy(): boolean {
    if (this.active === undefined) return false;
    this.showBusy(this.active);
    return true;
  }

  /** Runs a scenario to the end (or until stopped) and resolves with how it ended. */
  async run(request: RunRequest): Promise<RunCommandResult> {
    const session = this.acquire(request.file, undefined);
    if (session === undefined) return BUSY;
    try {
      const setup = await this.setUp(request.file, session);
      if (setup === undefined) return K6_MISSING;
      const { options } = setup;
      this.deps.log.info(
        `Run ${request.file}${request.group === undefined ? '' : ` (group ${request.group})`} with k6 ${setup.k6.version} (${setup.k6.path}); reports under ${options.reportDir}.`,
      );
      const outcome = await runLoadTest({
        ...options,
        file: request.file,
        environment: request.environment === null ? undefined : (request.environment ?? this.defaultEnvironmentFor(request.file)),
        group: request.group,
        overrides: request.overrides,
        onScenario: (scenario, plannedSeconds) => this.startScenario(session, request.file, runInfoFor(scenario, plannedSeconds, request.overrides), undefined),
      });
      if (outcome.kind === 'invalid') {
        void describeProblems(outcome.diagnostics, request.file, this.deps.log);
        return { kind: 'invalid', diagnostics: outcome.diagnostics };
      }
      const { result, files } = outcome;
      const panel = session.panel;
      panel?.reportsWritten(result, files);
      // Over before its report is announced: the progress goes, and the CodeLenses redraw once, with Run and Open Report.
      this.release(session);
      await this.recordRun({ request, result, files });
      if (result.outcome === 'k6-missing') void showK6Problem(this.deps, result.outcomeMessage, []);
      else void this.showVerdict(result, files, panel);
      return { kind: 'finished', verdict: result.verdict, outcome: result.outcome, folder: files.folder, files };
    } catch (error) {
      session.panel?.fail(`The run failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      this.release(session);
    }
  }

  /**
   * Runs a loaded, checked suite scenario after scenario under one lock, each scenario fed to the panel, the
   * history and the results beside it as a run alone is; resolves once suite.md is written.
   */
  async runSuite(suite: Suite): Promise<SuiteRunResult> {
    const session = this.acquire(suite.file, { suite: suite.name, index: 0, count: suite.entries.length });
    if (session === undefined) return BUSY;
    // Each scenario's reports are recorded while the next one runs; the suite is over once all are.
    const recorded: Promise<void>[] = [];
    try {
      const setup = await this.setUp(suite.file, session);
      if (setup === undefined) return K6_MISSING;
      const { options } = setup;
      this.deps.log.info(`Run suite ${suite.file} (${suite.entries.length} scenarios) with k6 ${setup.k6.version} (${setup.k6.path}); reports under ${options.reportDir}.`);
      const run = await runSuite(suite, {
        ...options,
        onScenarioStart: (entry, index, plannedSeconds, scenario) => {
          const position = { suite: suite.name, index, count: suite.entries.length };
          this.startScenario(session, entry.file, runInfoFor(scenario, plannedSeconds, entry.overrides), position);
        },
        onScenarioEnd: (entry, _index, happened) => recorded.push(this.endSuiteEntry(session, suite, entry, happened)),
      });
      await Promise.all(recorded);
      this.deps.log.info(`Suite ${suite.name}: ${run.result.verdict.toUpperCase()}${run.result.stopped ? ' (stopped)' : ''}; report in ${run.files.folder}.`);
      return { kind: 'finished', result: run.result, files: run.files };
    } catch (error) {
      session.panel?.fail(`The run failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      await Promise.allSettled(recorded);
      this.release(session);
    }
  }

  /** Asks the run (or the suite) to stop: gracefully the first time, at once when `hard` or already stopping. */
  stop(hard = false): 'graceful' | 'hard' | 'idle' {
    const active = this.active;
    if (active === undefined) return 'idle';
    const how = active.stop(hard);
    const rest = active.suite === undefined ? '' : ' The rest of the suite is skipped.';
    this.deps.log.info(how === 'hard' ? `Stop requested: ending k6 at once.${rest}` : `Stop requested: stopping gracefully; the reports will still be written.${rest}`);
    return how;
  }

  dispose(): void {
    // Closing the window ends the run: k6 must not outlive the extension host.
    this.active?.stop(true);
    this.changeEmitter.dispose();
    this.finishEmitter.dispose();
  }

  /** Takes the window's one lock, or tells the user why not. */
  private acquire(file: string, suite: SuitePosition | undefined): RunSession | undefined {
    if (this.active !== undefined) {
      this.showBusy(this.active);
      return undefined;
    }
    const session = new RunSession(file);
    session.suite = suite;
    this.active = session;
    this.changeEmitter.fire();
    return session;
  }

  private release(session: RunSession): void {
    session.dispose();
    if (this.active !== session) return;
    this.active = undefined;
    this.changeEmitter.fire();
  }

  /** The secrets, the k6 to use and where reports go; undefined (after saying why) when there is no usable k6. */
  private async setUp(file: string, session: RunSession): Promise<SessionSetup | undefined> {
    const { log, config } = this.deps;
    const secrets = await this.deps.secrets.values();
    const env: NodeJS.ProcessEnv = { ...process.env, ...secrets };
    const located = await locateK6({ explicitPath: config.k6Path, explicitLabel: config.k6PathLabel, env, toolDir: this.deps.toolDir });
    if (!located.ok) {
      void showK6Problem(this.deps, located.message, located.tried);
      return undefined;
    }
    const scope = vscode.Uri.file(file);
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(scope)?.uri.fsPath;
    const secretNames = Object.keys(secrets);
    if (secretNames.length > 0) log.info(`Secrets given to k6 as environment variables: ${secretNames.join(', ')}.`);
    return {
      k6: located.k6,
      options: {
        reportDir: reportBaseFolder(config.reportFolder(scope), file, workspaceFolder),
        k6Path: config.k6Path,
        k6PathLabel: config.k6PathLabel,
        toolDir: this.deps.toolDir,
        displayRoot: displayRootFor(file, workspaceFolder),
        env,
        secrets: Object.values(secrets),
        signal: session.signal,
        killSignal: session.killSignal,
        onEvent: (event) => this.forward(session, event),
      },
    };
  }

  /** A scenario is valid and about to start: its panel opens and the progress follows it. */
  private startScenario(session: RunSession, file: string, info: RunInfo, suite: SuitePosition | undefined): void {
    session.file = file;
    session.scenario = info.scenario;
    session.suite = suite;
    session.panel = this.openPanel(session, info);
    const subject = { scenario: info.scenario, plannedSeconds: info.plannedSeconds, ...(suite === undefined ? {} : { suite }) };
    if (session.view === undefined) session.view = new RunProgressView(subject, (hard) => this.stop(hard));
    else session.view.next(subject);
    this.changeEmitter.fire();
  }

  private forward(session: RunSession, event: RunEvent): void {
    session.panel?.post(event);
    session.view?.update(event);
    this.logEvent(event);
  }

  /** One scenario of a suite is over: its panel, the history and the results beside it learn how. */
  private async endSuiteEntry(session: RunSession, suite: Suite, entry: SuiteEntry, happened: EntryOutcome): Promise<void> {
    const { log } = this.deps;
    // The next scenario gets its own panel; this one's is done.
    const panel = session.panel;
    session.panel = undefined;
    switch (happened.kind) {
      case 'skipped':
        log.info(`Suite ${suite.name}: ${entry.written} skipped: the suite was stopped before it.`);
        return;
      case 'failed':
        panel?.fail(happened.message);
        log.warn(`Suite ${suite.name}: ${entry.written}: ${happened.message}`);
        return;
      case 'ran': {
        const outcome = happened.outcome;
        if (outcome.kind === 'invalid') {
          void describeProblems(outcome.diagnostics, entry.file, log);
          return;
        }
        panel?.reportsWritten(outcome.result, outcome.files);
        const request: RunRequest = { file: entry.file, overrides: entry.overrides, environment: entry.environment ?? null };
        await this.recordRun({ request, result: outcome.result, files: outcome.files, suite: suite.name });
        return;
      }
    }
  }

  /** Puts a finished run in the history and tells the features that show results. */
  private async recordRun(finished: FinishedRun): Promise<void> {
    const { result, files } = finished;
    await this.deps.history.record(finished.request.file, files);
    this.finishEmitter.fire(finished);
    this.deps.log.info(`${result.verdict.toUpperCase()}: ${result.scenario}: ${result.outcomeMessage} Reports: ${files.folder}`);
  }

  private openPanel(session: RunSession, info: RunInfo): PanelHandle {
    const panel = this.deps.panels.showRun(info);
    panel.onDidRequestStop(({ hard }) => {
      if (this.active === session) this.stop(hard);
    });
    return panel;
  }

  private async showVerdict(result: RunResult, files: ReportFiles, panel: PanelHandle | undefined): Promise<void> {
    const notice = verdictNotice(result);
    const show = notice.severity === 'info' ? vscode.window.showInformationMessage : notice.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    const choice = await show(notice.text, 'Open Report', 'Show Results');
    if (choice === 'Open Report') await openReport(reportLinks(files), 'html');
    else if (choice === 'Show Results') panel?.reveal();
  }

  private showBusy(active: ActiveRun): void {
    void vscode.window.showWarningMessage(busyMessage(active.scenario ?? path.basename(active.file), active.suite), 'Show Results', 'Stop').then((choice) => {
      if (choice === 'Show Results') this.deps.panels.showLatest();
      else if (choice === 'Stop') this.stop();
    });
  }

  private defaultEnvironmentFor(file: string): string | undefined {
    return declaredEnvironment(readText(file), this.deps.config.defaultEnvironment(vscode.Uri.file(file)));
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
      case 'monitors':
      case 'findings':
      case 'finished':
        return;
    }
  }
}

/**
 * The panel's frame for a suite's scenario. The core's suite runner names the entry, not the scenario it validated,
 * so the scenario is read again here the same way (same file, environment and process environment).
 */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // The run reports the unreadable file itself.
    return '';
  }
}
