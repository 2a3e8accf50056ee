// The results panel feature: one panel per run, fed by that run's events, and the serializer that restores panels
// after a window reload. The command that runs a scenario creates a handle per run and forwards events to it.

import * as vscode from 'vscode';
import type { ReportFiles } from '../../core/report/report-files';
import type { RunResult } from '../../core/results';
import type { RunEvent } from '../../core/run/run-events';
import { DEFAULT_CHART_PERCENTILES, type ChartPercentile } from '../run/setting-values';
import { decodePersistedPanelState } from './message-guards';
import type { HostMessage, ReportLinks, RunInfo, WebviewMessage } from './messages';
import { openFileAt, openReport, openSetting } from './open-report';
import { panelTitle } from './panel-html';
import { RESULTS_VIEW_TYPE, ResultsPanel } from './results-panel';
import { isTerminalState, RunFeed } from './run-feed';

/** A run's link to its panel. Events keep flowing when the panel is closed; `reveal` opens it again. */
export interface PanelHandle extends vscode.Disposable {
  /** Forwards one runner event (`onEvent` of runLoadTest). */
  post(event: RunEvent): void;
  /** The run is over and its reports are written: shows the links (and the result, if no `finished` came). */
  reportsWritten(result: RunResult, files: ReportFiles): void;
  /** The run could not start or failed outside k6: shows the message. */
  fail(message: string): void;
  /** Shows the panel, opening it again if it was closed. */
  reveal(): void;
  /** The user pressed Stop (`hard` on the second press, "Stop now"). */
  readonly onDidRequestStop: vscode.Event<{ hard: boolean }>;
}

export interface ResultsPanels extends vscode.Disposable {
  /** Opens a new panel for a run that is about to start. */
  showRun(run: RunInfo): PanelHandle;
  /** Reveals the panel of the latest run; false when there is none. */
  showLatest(): boolean;
}

export interface ResultsPanelOptions {
  /** The setting the k6-missing state offers to open. */
  k6PathSetting?: string;
  /** Overall latency lines a run's panel charts, read when it opens (p50, p95 and p99 when not given). */
  chartPercentiles?: () => readonly ChartPercentile[];
}

const DEFAULT_K6_PATH_SETTING = 'loadscope.k6Path';

class RunPanelHandle implements PanelHandle {
  private panel: ResultsPanel | undefined;
  private readonly stopEmitter = new vscode.EventEmitter<{ hard: boolean }>();
  private disposed = false;
  readonly onDidRequestStop = this.stopEmitter.event;

  constructor(
    private readonly feed: RunFeed,
    private readonly extensionUri: vscode.Uri,
    private readonly options: Required<ResultsPanelOptions>,
    private readonly onClosedAndOver: (handle: RunPanelHandle) => void,
    revived?: vscode.WebviewPanel,
  ) {
    if (revived !== undefined) this.attach(ResultsPanel.revive(revived, extensionUri, this.source()));
  }

  post(event: RunEvent): void {
    this.send(this.feed.apply(event));
  }

  reportsWritten(result: RunResult, files: ReportFiles): void {
    const links: ReportLinks = {
      folderLabel: vscode.workspace.asRelativePath(files.folder, false),
      folder: files.folder,
      html: files.html,
      markdown: files.markdown,
    };
    this.send(this.feed.reportsWritten(result, links));
  }

  fail(message: string): void {
    this.send(this.feed.fail(message));
  }

  reveal(): void {
    if (this.disposed) return;
    if (this.panel === undefined) this.attach(ResultsPanel.create(this.extensionUri, this.source()));
    else this.panel.reveal();
  }

  /** Neither shown nor running: nothing will change unless it is revealed again. */
  get idle(): boolean {
    return this.panel === undefined && isTerminalState(this.feed.currentState);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.panel?.dispose();
    this.stopEmitter.dispose();
  }

  private attach(panel: ResultsPanel): void {
    this.panel = panel;
    panel.onDidDispose(() => {
      this.panel = undefined;
      if (isTerminalState(this.feed.currentState)) this.onClosedAndOver(this);
    });
  }

  private send(messages: readonly HostMessage[]): void {
    if (messages.length === 0) return;
    this.panel?.post(messages);
    if (this.panel !== undefined && messages.some((message) => message.type === 'state')) this.panel.title = panelTitle(this.feed.run.scenario, this.feed.currentState);
    if (this.panel === undefined && isTerminalState(this.feed.currentState)) this.onClosedAndOver(this);
  }

  private source() {
    return { snapshot: () => this.feed.snapshot(), receive: (message: Exclude<WebviewMessage, { type: 'ready' }>) => this.receive(message) };
  }

  private receive(message: Exclude<WebviewMessage, { type: 'ready' }>): void {
    const state = this.feed.currentState;
    switch (message.type) {
      case 'stop':
        if (!isTerminalState(state)) this.stopEmitter.fire({ hard: message.hard });
        return;
      case 'openReport':
        if ((state.kind === 'finished' || state.kind === 'failed' || state.kind === 'k6-missing') && state.reports !== null) void openReport(state.reports, message.report);
        return;
      case 'openFile':
        // The page may only open the run's own scenario.
        if (message.path === this.feed.run.scenarioFile) void openFileAt(message.path, message.line);
        return;
      case 'openSetting':
        void openSetting(this.options.k6PathSetting);
        return;
      case 'selectRequests':
        this.feed.selectRequests(message.names);
        return;
    }
  }
}

/** Registers the results panel and its serializer (view type `loadscope.results`). */
export function registerResultsPanel(context: vscode.ExtensionContext, options: ResultsPanelOptions = {}): ResultsPanels {
  const settings: Required<ResultsPanelOptions> = {
    k6PathSetting: options.k6PathSetting ?? DEFAULT_K6_PATH_SETTING,
    chartPercentiles: options.chartPercentiles ?? (() => DEFAULT_CHART_PERCENTILES),
  };
  const handles = new Set<RunPanelHandle>();
  let latest: RunPanelHandle | undefined;
  // Idle handles are let go, except the latest run's, which "show results" may open again.
  const forget = (handle: RunPanelHandle) => {
    if (handle === latest) return;
    handles.delete(handle);
    handle.dispose();
  };

  const serializer = vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, {
    deserializeWebviewPanel: async (panel, saved: unknown) => {
      // A panel saved before it kept its choice of lines takes the current setting.
      const state = decodePersistedPanelState(saved, settings.chartPercentiles());
      if (state === undefined) {
        // Nothing usable to draw (an older format, or the page never saved): better closed than blank.
        panel.dispose();
        return;
      }
      handles.add(new RunPanelHandle(RunFeed.restore(state.snapshot), context.extensionUri, settings, forget, panel));
    },
  });

  return {
    showRun(run) {
      const previous = latest;
      const handle = new RunPanelHandle(new RunFeed(run, settings.chartPercentiles()), context.extensionUri, settings, forget);
      handles.add(handle);
      latest = handle;
      if (previous?.idle === true) forget(previous);
      handle.reveal();
      return handle;
    },
    showLatest() {
      if (latest === undefined) return false;
      latest.reveal();
      return true;
    },
    dispose() {
      serializer.dispose();
      for (const handle of handles) handle.dispose();
      handles.clear();
      latest = undefined;
    },
  };
}
