// Every example in the language guide and every fixture scenario must load without errors.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/scenario/diagnostics';
import { loadScenario } from '../../../src/core/scenario/load';
import { applyFix } from './helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const fixtures = path.join(here, 'fixtures');
const guide = readFileSync(path.join(repo, 'docs', 'scenario-language.md'), 'utf8');
const guideExamples = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

const errorsOf = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`);

describe('the language guide', () => {
  it('has examples', () => {
    expect(guideExamples.length).toBeGreaterThan(0);
  });

  // The guide's example once had an unquoted `$.items[0].id` in a flow mapping (invalid YAML). The validator
  // offers the exact fix for that, so the check is: the example loads, at most after the validator's own fixes.
  it.each(guideExamples.map((example, index) => [index + 1, example] as const))('example %i loads without errors (after quick fixes, if any)', (_, example) => {
    let text = example;
    const file = path.join(fixtures, 'guide-example.scenario.yaml');
    for (let round = 0; round < 5; round++) {
      const fixable = loadScenario(text, file, { env: {} }).diagnostics.find((d) => d.severity === 'error' && d.fix);
      if (!fixable) break;
      text = applyFix(text, fixable);
    }
    const result = loadScenario(text, file, { env: {} });
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(result.scenario).toBeDefined();
  });

  it('mentions every key of the language', async () => {
    const { SCENARIO_SPEC } = await import('../../../src/core/scenario/spec');
    const keys = new Set<string>();
    const visit = (spec: unknown, seen = new Set<unknown>()): void => {
      if (typeof spec !== 'object' || spec === null || seen.has(spec)) return;
      seen.add(spec);
      if ('keys' in spec && Array.isArray(spec.keys)) for (const key of spec.keys) if (typeof key.key === 'string') keys.add(key.key);
      for (const value of Object.values(spec)) visit(value, seen);
    };
    visit(SCENARIO_SPEC);
    const missing = [...keys].filter((key) => !new RegExp(`\\b${key}\\b`).test(guide));
    expect(missing).toEqual([]);
  });
});

describe('fixture scenarios', () => {
  const files = readdirSync(fixtures).filter((name) => name.endsWith('.scenario.yaml'));

  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s loads without errors', (name) => {
    const file = path.join(fixtures, name);
    const result = loadScenario(readFileSync(file, 'utf8'), file, { env: {} });
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(result.scenario?.file).toBe(file);
  });

  it('the guide example fixture matches the guide, apart from the quoted JSON path', () => {
    const fixture = readFileSync(path.join(fixtures, 'deployments.scenario.yaml'), 'utf8');
    const unquote = (text: string): string => text.replace(/'(\$\.items\[0\]\.id)'/g, '$1');
    expect(unquote(fixture)).toBe(unquote(guideExamples[0] ?? ''));
  });
});
