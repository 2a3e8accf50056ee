// The manifest and the code name the same commands and settings, with the same defaults: a test fails when they drift.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/extension/run/command-ids';
import { LENS_TITLES } from '../../../src/extension/run/lens-plan';
import { CHART_PERCENTILES, DEFAULT_CHART_PERCENTILES, DEFAULT_REPORT_FOLDER, SETTINGS } from '../../../src/extension/run/setting-values';

// The results panel's view type (results-panel.ts imports vscode, so it is not imported here).
const RESULTS_VIEW_TYPE = 'loadscope.results';
const manifest: unknown = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

function field(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined), value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

const contributedCommands = list(field(manifest, 'contributes', 'commands'));
const properties = field(manifest, 'contributes', 'configuration', 'properties');

describe('manifest', () => {
  it('contributes exactly the run commands the code registers, each in the Loadscope category', () => {
    const runCommands = contributedCommands.filter((command) => Object.values(COMMANDS).some((id) => id === field(command, 'command')));
    expect(runCommands.map((command) => field(command, 'command')).sort()).toEqual(Object.values(COMMANDS).sort());
    for (const command of runCommands) expect(field(command, 'category')).toBe('Loadscope');
    expect(field(contributedCommands.find((command) => field(command, 'command') === COMMANDS.runScenario), 'title')).toBe(LENS_TITLES.run);
  });

  it('documents every setting with the defaults the code falls back to', () => {
    for (const setting of Object.values(SETTINGS)) {
      const markdown = field(properties, setting, 'markdownDescription');
      expect(typeof markdown === 'string' && markdown.length > 20, `${setting} has a description`).toBe(true);
    }
    expect(field(properties, SETTINGS.reportFolder, 'default')).toBe(DEFAULT_REPORT_FOLDER);
    expect(field(properties, SETTINGS.chartPercentiles, 'default')).toEqual([...DEFAULT_CHART_PERCENTILES]);
    expect(field(properties, SETTINGS.chartPercentiles, 'items', 'enum')).toEqual([...CHART_PERCENTILES]);
    expect(field(properties, SETTINGS.k6Path, 'default')).toBe('');
  });

  it('limits untrusted workspaces, restricting the k6 path', () => {
    expect(field(manifest, 'capabilities', 'untrustedWorkspaces', 'supported')).toBe('limited');
    expect(field(manifest, 'capabilities', 'untrustedWorkspaces', 'restrictedConfigurations')).toEqual([SETTINGS.k6Path]);
    const titleMenus = list(field(manifest, 'contributes', 'menus', 'editor/title'));
    const runButton = titleMenus.find((item) => field(item, 'command') === COMMANDS.runScenario);
    expect(String(field(runButton, 'when'))).toContain('isWorkspaceTrusted');
  });

  it('activates on scenario documents and restored panels, never at startup or on opening a folder', () => {
    const events = list(field(manifest, 'activationEvents'));
    expect(events).toContain(`onWebviewPanel:${RESULTS_VIEW_TYPE}`);
    expect(events).toContain('onLanguage:loadscope-scenario');
    expect(events.filter((event) => typeof event === 'string' && (event === '*' || event === 'onStartupFinished' || event.startsWith('workspaceContains')))).toEqual([]);
  });
});
