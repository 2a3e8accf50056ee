// One webview panel showing one run. It carries messages only: what to show comes from its source (a RunFeed,
// through the handle), and what the user asks for goes back to it. Messages wait for the webview's `ready`, which
// it sends each time its page loads (a hidden panel's page is unloaded; the snapshot redraws it).

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { decimateTimeline, PERSISTED_DECIMATION } from './chart-timeline';
import { isWebviewMessage } from './message-guards';
import type { HostMessage, PanelSnapshot, WebviewMessage } from './messages';
import { panelHtml, panelTitle } from './panel-html';

/** The webview type, as in the manifest's `onWebviewPanel:` activation event. */
export const RESULTS_VIEW_TYPE = 'loadscope.results';

/** What the panel shows and whom it tells about the user's requests. */
export interface PanelSource {
  snapshot(): PanelSnapshot;
  receive(message: Exclude<WebviewMessage, { type: 'ready' }>): void;
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class ResultsPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  private ready = false;
  private disposed = false;

  /** Fires once, when the panel is closed or disposed. */
  readonly onDidDispose = this.disposeEmitter.event;

  /** Opens a new panel beside the editor, without taking the focus from it. */
  static create(extensionUri: vscode.Uri, source: PanelSource): ResultsPanel {
    const snapshot = source.snapshot();
    const panel = vscode.window.createWebviewPanel(
      RESULTS_VIEW_TYPE,
      panelTitle(snapshot.run.scenario, snapshot.state),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new ResultsPanel(panel, extensionUri, source);
  }

  /** Takes over a panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, source: PanelSource): ResultsPanel {
    panel.webview.options = webviewOptions(extensionUri);
    return new ResultsPanel(panel, extensionUri, source);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly source: PanelSource,
  ) {
    const snapshot = source.snapshot();
    const webview = panel.webview;
    const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', file)).toString();
    panel.title = panelTitle(snapshot.run.scenario, snapshot.state);
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: asset('webview.js'),
      styleUri: asset('webview.css'),
      title: panel.title,
      // Enough to draw at once; the full snapshot follows the page's `ready`.
      initialData: { ...snapshot, points: decimateTimeline(snapshot.points, PERSISTED_DECIMATION) },
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidChangeViewState(() => {
        // A hidden webview's page is unloaded; it says `ready` again when shown.
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  /** Sends messages to the page once it is ready; until then the snapshot it will ask for covers them. */
  post(messages: readonly HostMessage[]): void {
    if (!this.ready || this.disposed) return;
    for (const message of messages) void this.panel.webview.postMessage(message);
  }

  /** Updates the tab title. */
  set title(title: string) {
    if (!this.disposed) this.panel.title = title;
  }

  /** Shows the panel, keeping the focus where it is. */
  reveal(): void {
    if (!this.disposed) this.panel.reveal(undefined, true);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.panel.dispose();
    while (this.disposables.length > 0) this.disposables.pop()?.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }

  private receive(message: unknown): void {
    if (!isWebviewMessage(message)) return;
    if (message.type === 'ready') {
      this.ready = true;
      this.post([{ type: 'snapshot', snapshot: this.source.snapshot() }]);
      return;
    }
    this.source.receive(message);
  }
}
