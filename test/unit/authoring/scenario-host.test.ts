// Which path stands for an editor document, and where its data files are read from.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/core/scenario/load';
import { editorScenarioHost, scenarioPathOf } from '../../../src/extension/authoring/scenario-host';

const folder = path.resolve('authoring-tests', 'workspace');

describe('scenario path of a document', () => {
  it('is the file itself for a file on disk', () => {
    const file = path.join(folder, 'load', 'a.scenario.yaml');
    expect(scenarioPathOf({ scheme: 'file', fsPath: file, workspaceFolder: folder })).toBe(file);
  });

  it('puts an untitled document in its workspace folder, where it will likely be saved', () => {
    expect(scenarioPathOf({ scheme: 'untitled', fsPath: 'Untitled-1', workspaceFolder: folder })).toBe(path.join(folder, 'Untitled-1'));
  });

  it('still gives an absolute path with no workspace folder', () => {
    expect(path.isAbsolute(scenarioPathOf({ scheme: 'untitled', fsPath: 'Untitled-2' }))).toBe(true);
  });
});

describe('data files for the editor', () => {
  const scenario = path.join(folder, 'users.scenario.yaml');
  const csv = path.join(folder, 'accounts.csv');
  const text = `scenario: Data
target: http://127.0.0.1:8080
data:
  accounts: { file: accounts.csv }
load: { users: 1, duration: 1s }
requests:
  - { name: login, POST: /login, json: { email: "{{ accounts.email }}" } }
`;

  it('reads an open editor document before the disk, so unsaved edits count', () => {
    const host = editorScenarioHost((file) => (file === csv ? 'email\nalice@example.com\n' : undefined), { readFile: () => 'name\n' });
    expect(loadScenario(text, scenario, { env: {}, host }).diagnostics).toEqual([]);
  });

  it('falls back to the disk, and reports a column the file lacks', () => {
    const host = editorScenarioHost(() => undefined, { readFile: (file) => (file === csv ? 'name\nalice\n' : undefined) });
    expect(loadScenario(text, scenario, { env: {}, host }).diagnostics.map((d) => d.code)).toEqual(['unknown-column']);
  });

  it('without a disk (a virtual workspace), only open documents count', () => {
    const host = editorScenarioHost(() => undefined, undefined);
    expect(loadScenario(text, scenario, { env: {}, host }).diagnostics.map((d) => d.code)).toContain('data-file-missing');
  });
});
