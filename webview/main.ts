// The results panel's page script (dist/webview.js): finds what to draw first (the state saved before a reload,
// else the data the host put in the page), then says `ready` and follows the host's messages.

import './panel/panel.css';
import { decodePersistedPanelState, isHostMessage, isInitialPanelData } from '../src/extension/results-panel/message-guards';
import type { PanelSnapshot } from '../src/extension/results-panel/messages';
import { DEFAULT_CHART_PERCENTILES } from '../src/extension/run/setting-values';
import { PanelApp } from './panel/panel-app';
import { connectToHost, type PanelChannel } from './panel/vscode-api';

function initialSnapshot(channel: PanelChannel): PanelSnapshot | undefined {
  // The host's snapshot, which follows `ready`, brings the panel's own choice of lines if this had none.
  const saved = decodePersistedPanelState(channel.savedState(), DEFAULT_CHART_PERCENTILES);
  if (saved !== undefined) return saved.snapshot;
  try {
    const data: unknown = JSON.parse(document.body.dataset.initial ?? 'null');
    return isInitialPanelData(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

function start(): void {
  const root = document.getElementById('panel');
  if (root === null) return;
  const channel = connectToHost();
  const initial = initialSnapshot(channel);
  let app = initial === undefined ? undefined : new PanelApp(root, channel, initial);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isHostMessage(message)) return;
    if (app !== undefined) app.receive(message);
    else if (message.type === 'snapshot') app = new PanelApp(root, channel, message.snapshot);
  });
  channel.post({ type: 'ready' });
}

start();
