// The webview side of the channel to the extension host, typed with the shared message module.

import type { PersistedPanelState, WebviewMessage } from '../../src/extension/results-panel/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The only messages and state this page sends. */
export interface PanelChannel {
  post(message: WebviewMessage): void;
  /** What the page saved before it was last unloaded; unchecked. */
  savedState(): unknown;
  save(state: PersistedPanelState): void;
}

/** Acquires VS Code's API (allowed once per page). */
export function connectToHost(): PanelChannel {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    savedState: () => api.getState(),
    save: (state) => api.setState(state),
  };
}
