// What "Loadscope: New Scenario" writes and under which names.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadScenario } from '../../../src/core/scenario/load';
import { looksLikeScenario } from '../../../src/extension/authoring/scenario-content';
import { checkScenarioFileName, DEFAULT_SCENARIO_FILE_NAME, numberedScenarioFileName } from '../../../src/extension/authoring/scenario-file-name';
import { isScenarioFileName } from '../../../src/extension/authoring/scenario-language';
import { STARTER_SCENARIO } from '../../../src/extension/authoring/starter-scenario';

describe('the starter scenario', () => {
  it('validates against the current language with no error and no warning, even with no environment set', () => {
    const result = loadScenario(STARTER_SCENARIO, path.resolve('authoring-tests', DEFAULT_SCENARIO_FILE_NAME), { env: {}, host: { readFile: () => undefined } });
    expect(result.diagnostics).toEqual([]);
    expect(result.scenario).toBeDefined();
  });

  it('shows the main features: onStart with a capture, a weighted mix with a flow, {{ }}, ${env:...} and targets', () => {
    const scenario = loadScenario(STARTER_SCENARIO, path.resolve('authoring-tests', DEFAULT_SCENARIO_FILE_NAME), { env: {} }).scenario;
    expect(STARTER_SCENARIO).toMatch(/\$\{env:TARGET_URL:-http:\/\/127\.0\.0\.1:8080\}/);
    expect(STARTER_SCENARIO).toMatch(/\{\{ randomInt\(1, 50\) \}\}/);
    expect(STARTER_SCENARIO).toMatch(/^\s+- flow: /m);
    expect(STARTER_SCENARIO).toMatch(/^targets:/m);
    expect(scenario).toBeDefined();
  });

  it('is commented, plain YAML, and recognised as a scenario by name and by content', () => {
    const document = parseDocument(STARTER_SCENARIO);
    expect(document.errors).toEqual([]);
    expect(STARTER_SCENARIO.split('\n').filter((line) => line.trimStart().startsWith('#')).length).toBeGreaterThanOrEqual(8);
    expect(STARTER_SCENARIO).not.toMatch(/\t/);
    expect(looksLikeScenario(STARTER_SCENARIO)).toBe(true);
    expect(isScenarioFileName(DEFAULT_SCENARIO_FILE_NAME)).toBe(true);
  });
});

describe('the new scenario file name', () => {
  it('accepts a scenario file name, also in a subfolder, and adds .scenario.yaml to a bare name', () => {
    expect(checkScenarioFileName('checkout.scenario.yaml')).toEqual({ ok: true, relativePath: 'checkout.scenario.yaml' });
    expect(checkScenarioFileName(' load/checkout.scenario.yml ')).toEqual({ ok: true, relativePath: 'load/checkout.scenario.yml' });
    expect(checkScenarioFileName('checkout')).toEqual({ ok: true, relativePath: 'checkout.scenario.yaml' });
    expect(checkScenarioFileName('load\\checkout')).toEqual({ ok: true, relativePath: 'load/checkout.scenario.yaml' });
  });

  it('refuses names that would not open as scenarios or would leave the folder, saying why', () => {
    const refusal = (input: string): string => {
      const checked = checkScenarioFileName(input);
      return checked.ok ? 'accepted' : checked.message;
    };
    expect(refusal('')).toMatch(/name/);
    expect(refusal('checkout.yaml')).toMatch(/\.scenario\.yaml/);
    expect(refusal('../outside.scenario.yaml')).toMatch(/inside the folder/);
    expect(refusal('/etc/x.scenario.yaml')).toMatch(/relative/);
    expect(refusal('C:/x.scenario.yaml')).toMatch(/relative/);
    expect(refusal('a//b.scenario.yaml')).toMatch(/empty folder/);
    expect(refusal('what?.scenario.yaml')).toMatch(/cannot hold/);
  });

  it('numbers the default name when it is taken', () => {
    expect(numberedScenarioFileName(DEFAULT_SCENARIO_FILE_NAME, 1)).toBe('new.scenario.yaml');
    expect(numberedScenarioFileName(DEFAULT_SCENARIO_FILE_NAME, 2)).toBe('new-2.scenario.yaml');
    expect(numberedScenarioFileName('x.scenario.yml', 3)).toBe('x-3.scenario.yml');
  });
});
