// The extension's settings, typed: one getter per setting, each value decoded (settings.json is hand-edited) and
// read when needed, so a change applies to the next run without a restart. None of them needs a reload.

import * as vscode from 'vscode';
import { decodeChartPercentiles, decodeText, SETTINGS, type ChartPercentile } from './run/setting-values';

/** Reads `loadscope.*`; a scope (the scenario's URI) picks the workspace folder's value for per-folder settings. */
export class Config {
  /** The k6 binary chosen by the user; undefined to search LOADSCOPE_K6 and PATH. */
  get k6Path(): string | undefined {
    return decodeText(this.read(SETTINGS.k6Path));
  }

  /** How messages name the k6 path setting. */
  readonly k6PathLabel = `the ${SETTINGS.k6Path} setting`;

  /** Report folder for runs of a scenario: relative to its workspace folder, or absolute; undefined for the default. */
  reportFolder(scope: vscode.Uri): string | undefined {
    return decodeText(this.read(SETTINGS.reportFolder, scope));
  }

  /** Environment applied to runs that name none, when the scenario declares it. */
  defaultEnvironment(scope: vscode.Uri): string | undefined {
    return decodeText(this.read(SETTINGS.defaultEnvironment, scope));
  }

  /** Percentiles the results panel's latency chart draws. */
  get chartPercentiles(): ChartPercentile[] {
    return decodeChartPercentiles(this.read(SETTINGS.chartPercentiles));
  }

  /** Saves the k6 path in the user settings (a binary belongs to the machine, not to a workspace). */
  async setK6Path(k6Path: string): Promise<void> {
    const { section, key } = split(SETTINGS.k6Path);
    await vscode.workspace.getConfiguration(section).update(key, k6Path, vscode.ConfigurationTarget.Global);
  }

  /** Fires when any Loadscope setting changes. */
  onDidChange(listener: () => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('loadscope')) listener();
    });
  }

  private read(setting: string, scope?: vscode.Uri): unknown {
    const { section, key } = split(setting);
    return vscode.workspace.getConfiguration(section, scope).get<unknown>(key);
  }
}

function split(setting: string): { section: string; key: string } {
  const dot = setting.indexOf('.');
  return { section: setting.slice(0, dot), key: setting.slice(dot + 1) };
}
