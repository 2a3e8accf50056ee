// What the workbench shows while a run goes, outside the results panel: a status-bar item (elapsed, users,
// requests/s; a click shows the panel) and a progress notification whose Cancel stops gracefully. Once stopping,
// a second notification's Cancel ends k6 at once, so "cancel again" means what it says. A suite keeps one view for
// all its scenarios: each one starts with `next`, and the bar counts the whole suite.

import * as vscode from 'vscode';
import type { RunEvent } from '../../core/run/run-events';
import { COMMANDS } from './command-ids';
import { progressMessage, progressPercent, statusBarText, statusBarTooltip, type RunProgressFigures } from './status-text';
import type { SuitePosition } from './suite-position';

type ProgressReporter = vscode.Progress<{ message?: string; increment?: number }>;

/** The scenario a view follows now. */
export interface ProgressSubject {
  scenario: string;
  plannedSeconds: number;
  suite?: SuitePosition;
}

export class RunProgressView implements vscode.Disposable {
  private readonly statusItem: vscode.StatusBarItem;
  private figures: RunProgressFigures;
  private reporter: ProgressReporter | undefined;
  private shownPercent = 0;
  private readonly endings: (() => void)[] = [];
  private disposed = false;

  constructor(
    subject: ProgressSubject,
    private readonly requestStop: (hard: boolean) => void,
  ) {
    this.figures = RunProgressView.starting(subject);
    this.statusItem = vscode.window.createStatusBarItem('loadscope.run', vscode.StatusBarAlignment.Left, 100);
    this.statusItem.name = 'Loadscope run';
    this.statusItem.command = COMMANDS.showResults;
    this.render();
    this.statusItem.show();
    this.openNotification(subject.suite === undefined ? `Loadscope: running "${subject.scenario}"` : `Loadscope: suite "${subject.suite.suite}"`, () => this.requestStop(false));
  }

  /** The next scenario of a suite starts (a stop already asked for stays asked for). */
  next(subject: ProgressSubject): void {
    const phase = this.figures.phase;
    this.figures = { ...RunProgressView.starting(subject), ...(phase === 'stopping' || phase === 'ending' ? { phase } : {}) };
    this.render();
  }

  /** Follows one runner event. */
  update(event: RunEvent): void {
    switch (event.type) {
      case 'started':
        if (this.figures.phase === 'starting') this.figures.phase = 'running';
        break;
      case 'tick':
        this.figures.elapsedSeconds = event.point.t + 1;
        this.figures.users = event.point.users;
        this.figures.rps = event.point.rps;
        break;
      case 'stopping':
        if (event.hard) this.figures.phase = 'ending';
        else if (this.figures.phase !== 'ending') this.stopping();
        break;
      case 'monitors':
      case 'findings':
      case 'log':
      case 'finished':
        return;
    }
    this.render();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.statusItem.dispose();
    for (const end of this.endings.splice(0)) end();
  }

  private static starting(subject: ProgressSubject): RunProgressFigures {
    return { scenario: subject.scenario, plannedSeconds: subject.plannedSeconds, elapsedSeconds: 0, users: 0, rps: null, phase: 'starting', ...(subject.suite === undefined ? {} : { suite: subject.suite }) };
  }

  private stopping(): void {
    if (this.figures.phase === 'stopping') return;
    this.figures.phase = 'stopping';
    // The first notification goes; the second one's Cancel ends k6 at once.
    for (const end of this.endings.splice(0)) end();
    const suite = this.figures.suite;
    this.openNotification(suite === undefined ? `Loadscope: stopping "${this.figures.scenario}"` : `Loadscope: stopping suite "${suite.suite}"`, () => this.requestStop(true));
  }

  private render(): void {
    if (this.disposed) return;
    this.statusItem.text = statusBarText(this.figures);
    this.statusItem.tooltip = statusBarTooltip(this.figures);
    // The bar only moves forward: a suite's next scenario starts where the last one's share ended.
    const percent = progressPercent(this.figures);
    const increment = Math.max(0, percent - this.shownPercent);
    this.shownPercent = Math.max(this.shownPercent, percent);
    this.reporter?.report({ message: progressMessage(this.figures), ...(increment > 0 ? { increment } : {}) });
  }

  private openNotification(title: string, onCancel: () => void): void {
    if (this.disposed) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      this.reporter = progress;
      progress.report({ message: progressMessage(this.figures) });
      return new Promise<void>((resolve) => {
        const cancelled = token.onCancellationRequested(() => {
          if (!this.disposed) onCancel();
        });
        this.endings.push(() => {
          cancelled.dispose();
          if (this.reporter === progress) this.reporter = undefined;
          resolve();
        });
      });
    });
  }
}
