// Which YAML files are plainly scenarios, whatever their names.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeScenario, topLevelKeys } from '../../../src/extension/authoring/scenario-content';
import { isScenarioFileName, isValidatedScheme } from '../../../src/extension/authoring/scenario-language';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');

describe('scenario recognition by content', () => {
  it('recognises every example scenario of the repository', () => {
    const folder = path.join(repo, 'scenarios');
    const files = readdirSync(folder).filter(isScenarioFileName);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(looksLikeScenario(readFileSync(path.join(folder, file), 'utf8')), file).toBe(true);
  });

  it('needs `scenario:` together with requests, groups or load, at the top level', () => {
    expect(looksLikeScenario('scenario: A\nrequests:\n  - { GET: / }\n')).toBe(true);
    expect(looksLikeScenario('scenario: A\ngroups: []\n')).toBe(true);
    expect(looksLikeScenario('# comment\n---\nload: { users: 1 }\nscenario: "A"\n')).toBe(true);
    expect(looksLikeScenario('scenario: A\ndescription: no workload\n')).toBe(false);
    expect(looksLikeScenario('requests:\n  - { GET: / }\nload: {}\n')).toBe(false);
  });

  it('leaves other YAML alone: CI workflows, Compose, Kubernetes, keys that are only nested', () => {
    expect(looksLikeScenario('name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n')).toBe(false);
    expect(looksLikeScenario('services:\n  web:\n    image: nginx\n')).toBe(false);
    expect(looksLikeScenario('apiVersion: v1\nkind: Pod\nspec:\n  scenario: x\n  load: y\n')).toBe(false);
    expect(looksLikeScenario('tests:\n  scenario: login\n  requests: 10\n')).toBe(false);
    expect(looksLikeScenario('text: |\n scenario: x\n load: y\n')).toBe(false);
  });

  it('reads quoted keys and CRLF line ends', () => {
    expect(topLevelKeys('"scenario": A\r\n\'load\': {}\r\nplain-key: 1\r\n  nested: 2\r\n')).toEqual(['scenario', 'load', 'plain-key']);
  });

  it('does not take `scenario:x` (no space: a plain scalar) or a key inside a comment for a key', () => {
    expect(topLevelKeys('scenario:x\n# load: 1\n')).toEqual([]);
  });

  it('looks at the start of a huge file only', () => {
    const padding = '# padding\n'.repeat(20_000);
    expect(looksLikeScenario(`scenario: A\n${padding}requests: []\n`)).toBe(false);
    expect(looksLikeScenario(`scenario: A\nrequests: []\n${padding}`)).toBe(true);
  });
});

describe('scenario recognition by name', () => {
  it('follows NAME.scenario.yaml and NAME.scenario.yml, in any case', () => {
    expect(isScenarioFileName('checkout.scenario.yaml')).toBe(true);
    expect(isScenarioFileName('/a/b/Checkout.Scenario.YML')).toBe(true);
    expect(isScenarioFileName('scenario.yaml')).toBe(false);
    expect(isScenarioFileName('checkout.scenario.yaml.bak')).toBe(false);
    expect(isScenarioFileName('checkout.yaml')).toBe(false);
  });
});

describe('documents that get diagnostics', () => {
  it('are files being edited, not read-only views of other versions', () => {
    for (const scheme of ['file', 'untitled', 'vscode-remote', 'vscode-vfs']) expect(isValidatedScheme(scheme), scheme).toBe(true);
    for (const scheme of ['git', 'vscode-scm', 'output', 'search-editor']) expect(isValidatedScheme(scheme), scheme).toBe(false);
  });
});
