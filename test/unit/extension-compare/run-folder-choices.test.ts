import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARE_COMMANDS, isSuiteFileName } from '../../../src/extension/compare/compare-command-ids';
import { runFolderChoices } from '../../../src/extension/compare/run-folder-choices';

const manifest: unknown = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

function field(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined), value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

describe('runFolderChoices', () => {
  const summary = (...parts: string[]) => path.join('/reports', ...parts, 'summary.json');

  it('offers each run folder once, newest first, then by scenario', () => {
    const choices = runFolderChoices([
      summary('checkout', '2026-01-02T09-00-00Z'),
      summary('login', '2026-01-03T09-00-00Z'),
      summary('browse', '2026-01-02T09-00-00Z'),
      summary('checkout', '2026-01-02T09-00-00Z'),
    ]);
    expect(choices.map((choice) => `${choice.scenario}/${choice.run}`)).toEqual(['login/2026-01-03T09-00-00Z', 'browse/2026-01-02T09-00-00Z', 'checkout/2026-01-02T09-00-00Z']);
    expect(choices[0]?.folder).toBe(path.join('/reports', 'login', '2026-01-03T09-00-00Z'));
  });

  it('offers nothing when no run was found', () => {
    expect(runFolderChoices([])).toEqual([]);
  });
});

describe('suite files', () => {
  it('are recognised by their name', () => {
    expect(isSuiteFileName('/w/phase.suite.yaml')).toBe(true);
    expect(isSuiteFileName('/w/phase.suite.yml')).toBe(true);
    expect(isSuiteFileName('/w/phase.scenario.yaml')).toBe(false);
  });
});

describe('manifest', () => {
  const commands = list(field(manifest, 'contributes', 'commands'));

  it('contributes the comparison, baseline and suite commands in the Loadscope category', () => {
    for (const id of Object.values(COMPARE_COMMANDS)) {
      const command = commands.find((entry) => field(entry, 'command') === id);
      expect(command, id).toBeDefined();
      expect(field(command, 'category')).toBe('Loadscope');
    }
  });

  it('offers Run Suite in the palette of trusted workspaces only', () => {
    const palette = list(field(manifest, 'contributes', 'menus', 'commandPalette'));
    const runSuite = palette.find((entry) => field(entry, 'command') === COMPARE_COMMANDS.runSuite);
    expect(String(field(runSuite, 'when'))).toContain('isWorkspaceTrusted');
  });
});
