// What the workbench shows while a run goes, outside the results panel: a status-bar item (elapsed, users,
// requests/s; a click shows the panel) and a progress notification whose Cancel stops gracefully. Once stopping,
// a second notification's Cancel ends k6 at once, so "cancel again" means what it says.

import * as vscode from 'vscode';
import type { RunEvent } from '../../core/run/run-events';
import { COMMANDS } from './command-ids';
import { progressIncrement, progressMessage, statusBarText, statusBarTooltip, type RunProgressFigures } from './status-text';

type ProgressReporter = vscode.Progress<{ message?: string; increment?: number }>;

export class RunProgressView implements vscode.Disposable {
  private readonly statusItem: vscode.StatusBarItem;
  private readonly figures: RunProgressFigures;
  private reporter: ProgressReporter | undefined;
  private shownSeconds = 0;
  private readonly endings: (() => void)[] = [];
  private disposed = false;

  constructor(
    scenario: string,
    plannedSeconds: number,
    private readonly requestStop: (hard: boolean) => void,
  ) {
    this.figures = { scenario, plannedSeconds, elapsedSeconds: 0, users: 0, rps: null, phase: 'starting' };
    this.statusItem = vscode.window.createStatusBarItem('loadscope.run', vscode.StatusBarAlignment.Left, 100);
    this.statusItem.name = 'Loadscope run';
    this.statusItem.command = COMMANDS.showResults;
    this.render();
    this.statusItem.show();
    this.openNotification(`Loadscope: running "${scenario}"`, () => this.requestStop(false));
  }

  /** Follows one runner event. */
  update(event: RunEvent): void {
    switch (event.type) {
      case 'started':
        this.figures.phase = 'running';
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

  private stopping(): void {
    if (this.figures.phase === 'stopping') return;
    this.figures.phase = 'stopping';
    // The first notification goes; the second one's Cancel ends k6 at once.
    for (const end of this.endings.splice(0)) end();
    this.openNotification(`Loadscope: stopping "${this.figures.scenario}"`, () => this.requestStop(true));
  }

  private render(): void {
    if (this.disposed) return;
    this.statusItem.text = statusBarText(this.figures);
    this.statusItem.tooltip = statusBarTooltip(this.figures);
    const increment = progressIncrement(this.shownSeconds, this.figures.elapsedSeconds, this.figures.plannedSeconds);
    this.shownSeconds = this.figures.elapsedSeconds;
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
