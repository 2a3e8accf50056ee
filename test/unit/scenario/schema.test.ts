// The JSON Schema is generated from the spec; the committed file must match what the spec says today.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../../src/core/scenario/schema';
import { SCENARIO_SPEC, type ValueSpec } from '../../../src/core/scenario/spec';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const schema = scenarioJsonSchema() as Record<string, unknown>;

describe('scenario JSON Schema', () => {
  it('matches schemas/scenario.schema.json (run `npm run build` when the spec changed)', () => {
    const committed = readFileSync(path.join(repo, 'schemas', 'scenario.schema.json'), 'utf8');
    const expected = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    if (committed !== expected) {
      expect.fail('schemas/scenario.schema.json is out of date with src/core/scenario/spec.ts: run `npm run build`.');
    }
  });

  it('is draft-07 with closed top-level keys, all documented', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['scenario']);
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(SCENARIO_SPEC.keys.map((key) => key.key));
    for (const property of Object.values(properties)) {
      expect(property.description).toEqual(expect.any(String));
      expect(property.markdownDescription).toEqual(expect.any(String));
    }
  });

  it('describes value grammars with patterns', () => {
    const definitions = schema.definitions as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
    const load = definitions.load?.properties;
    const duration = new RegExp(String(load?.duration?.pattern));
    expect(['5m', '1m30s', '500ms'].every((text) => duration.test(text))).toBe(true);
    expect(duration.test('30')).toBe(false);
    const rate = new RegExp(String(load?.spawnRate?.pattern));
    expect(rate.test('10/s')).toBe(true);
    expect(rate.test('10')).toBe(false);
    expect(load?.gracefulStop?.default).toBe('30s');
    const targets = (schema.properties as Record<string, Record<string, Record<string, Record<string, unknown>>>>).targets?.properties;
    const p99 = JSON.stringify(targets?.p99);
    expect(p99).toContain('ms|s');
    expect(JSON.stringify(targets?.errors)).toContain('%');
  });

  it('has a definition for each shape used in several places', () => {
    expect(Object.keys(schema.definitions as object)).toEqual(expect.arrayContaining(['request', 'mixRequest', 'flow', 'load', 'p99Target']));
  });

  it('documents every key of the spec with full sentences', () => {
    const undocumented: string[] = [];
    const seen = new Set<ValueSpec>();
    const visit = (spec: ValueSpec, where: string): void => {
      if (seen.has(spec)) return;
      seen.add(spec);
      if (spec.kind === 'object') {
        for (const key of spec.keys) {
          if (!/^[A-Z0-9`(].*[.)]$/s.test(key.doc)) undocumented.push(`${where}.${key.key}`);
          visit(key.value, `${where}.${key.key}`);
        }
      } else if (spec.kind === 'map') visit(spec.value, `${where}.*`);
      else if (spec.kind === 'list') visit(spec.items, `${where}[]`);
      else if (spec.kind === 'choice') spec.options.forEach((option) => visit(option, where));
    };
    visit(SCENARIO_SPEC, 'scenario');
    expect(undocumented).toEqual([]);
  });
});
