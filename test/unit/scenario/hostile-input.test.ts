// Whatever the input, loading and the language service answer with diagnostics (or nothing), never an exception,
// and every diagnostic points inside the file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/scenario/diagnostics';
import { completionsAt, hoverAt } from '../../../src/core/scenario/language-service';
import { loadScenario } from '../../../src/core/scenario/load';
import { SCENARIO_SPEC, type ValueSpec } from '../../../src/core/scenario/spec';
import { BASE, codes, load } from './helpers';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const validScenarios = readdirSync(fixtures)
  .filter((name) => name.endsWith('.scenario.yaml'))
  .map((name) => readFileSync(path.join(fixtures, name), 'utf8'));

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What is wrong with the diagnostics of a text: an internal error, or a range outside the text. */
function insanities(text: string, diagnostics: readonly Diagnostic[]): string[] {
  const lines = text.split('\n');
  const lineLength = (line: number): number => lines[line - 1]?.length ?? -1;
  return diagnostics
    .filter(
      (d) =>
        d.code === 'internal-error' ||
        d.message.length === 0 ||
        d.line < 1 ||
        d.column < 1 ||
        d.endLine > lines.length ||
        !(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)) ||
        d.column > lineLength(d.line) + 1 ||
        d.endColumn > lineLength(d.endLine) + 1,
    )
    .map((d) => `${d.code} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} (${d.message}) in ${JSON.stringify(text.slice(0, 300))}`);
}

function check(text: string): Diagnostic[] {
  const result = loadScenario(text, 'fuzz.scenario.yaml', { env: {}, host: { readFile: () => 'a,b\n' } });
  const problems = insanities(text, result.diagnostics);
  if (result.scenario && result.diagnostics.some((d) => d.severity === 'error')) problems.push('a scenario came with errors');
  if (problems.length > 0) expect(problems).toEqual([]);
  return result.diagnostics;
}

function checkLanguageService(text: string, next: () => number): void {
  const lines = text.split('\n');
  const failures: unknown[] = [];
  const onError = (error: unknown): void => {
    failures.push(error);
  };
  for (let probe = 0; probe < 2; probe++) {
    const line = 1 + Math.floor(next() * lines.length);
    const column = 1 + Math.floor(next() * ((lines[line - 1]?.length ?? 0) + 1));
    hoverAt(text, line, column, { onError });
    completionsAt(text, line, column, { onError, envNames: ['A'] });
  }
  if (failures.length > 0) expect(failures.map(String)).toEqual([]);
}

describe('hostile input', () => {
  it('refuses a file over 5 MB with one diagnostic', () => {
    const diagnostics = check(`scenario: big\ndescription: ${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect(codes(diagnostics)).toEqual(['file-too-large@1:1']);
  });

  it('refuses binary data with one diagnostic', () => {
    const next = random(1);
    const bytes = Array.from({ length: 4096 }, () => String.fromCharCode(Math.floor(next() * 256))).join('');
    expect(codes(check(bytes))).toEqual(['not-text@1:1']);
    expect(codes(check('scenario: x\u0000\n'))).toEqual(['not-text@1:1']);
  });

  it('stops an alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 12; level++) levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    const started = Date.now();
    const diagnostics = check(`${levels.join('\n')}\n`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(diagnostics.map((d) => d.code)).toEqual(['too-large']);
  });

  it('finds a duplicate among many keys', { timeout: 30_000 }, () => {
    // The yaml package's own duplicate-key check is quadratic (28 s for 60 000 keys); ours is a set lookup,
    // so this finishes in about a second. The timeout only guards against a return of the quadratic check.
    const text = `${BASE}variables:\n${Array.from({ length: 40_000 }, (_, index) => `  v${index}: x${index}`).join('\n')}\n  v7: again\n`;
    expect(codes(check(text))).toEqual(['duplicate-key@40007:3']);
  });

  it('stops runaway nesting', () => {
    expect(codes(check('['.repeat(100_000)))).toEqual(['too-deep@1:257']);
    const deepList = Array.from({ length: 80 }, (_, depth) => `${' '.repeat(depth * 2)}- `).join('\n') + 'x\n';
    expect(check(`scenario: x\nvariables:\n  v:\n${deepList.replace(/^/gm, '    ')}`).map((d) => d.code)).toEqual(['too-deep']);
  });

  it('reports an alias that refers to itself, or to nothing', () => {
    expect(check('a: &x [*x]\n').length).toBeGreaterThan(0);
    expect(check('scenario: *nothing\n').map((d) => d.code)).toEqual(['yaml-syntax']);
  });

  it('takes odd keys and values without harm', () => {
    for (const text of [
      `${BASE}__proto__: { polluted: true }\nconstructor: x\n`,
      BASE.replace('{ name: home, GET: / }', '{ name: home, GET: /, headers: { __proto__: x, constructor: y, toString: z } }'),
      `${BASE}variables: { __proto__: 1, hasOwnProperty: 2 }\n`,
      `? [a, b]\n: 1\n${BASE}`,
      `: no key\n${BASE}`,
      `${BASE}description: !!binary aGVsbG8=\n`,
      `${BASE}description: 2026-01-01\n`,
      BASE.replace('users: 10', 'users: .inf'),
      BASE.replace('users: 10', 'users: .nan'),
      BASE.replace('users: 10', 'users: 1e400'),
      BASE.replace('users: 10', 'users: 0x10'),
      BASE.replace('duration: 1m', 'duration: 99999999999999999999h'),
      BASE.replace('GET: /', `GET: "/${'{{ user }}'.repeat(5000)}"`),
      BASE.replace('GET: /', `GET: "/${'{{'.repeat(5000)}"`),
      BASE.replace('GET: /', 'GET: "/😀{{ nope }}"'),
      `\t${BASE}`,
      `scenario: a\n\tload: x\n`,
      '---\n---\n---\n',
      '...\n',
      '%YAML 1.2\n---\nscenario: x\n',
      '&anchor\n',
      '!!map\n',
      '"unterminated',
      'key: "a\\xZZ"',
      '- - - - -',
      '{',
      '}}}}',
      ': : :',
      'a:\n  - b: c\n    - d\n',
    ]) {
      check(text);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads Windows line endings and a byte order mark', () => {
    expect(load(BASE.replace(/\n/g, '\r\n')).diagnostics).toEqual([]);
    expect(load(`\uFEFF${BASE}`).diagnostics).toEqual([]);
    const [diagnostic] = load(`${BASE}colour: blue\n`.replace(/\n/g, '\r\n')).diagnostics;
    expect(diagnostic).toMatchObject({ line: 6, column: 1, endColumn: 7 });
  });

  it('never throws for input that is not even a string', () => {
    const notText: unknown = undefined;
    expect(() => loadScenario(notText as string, 'x.yaml')).not.toThrow();
  });
});

/** Every key of the language, to build random documents that look like scenarios. */
function vocabulary(): string[] {
  const keys = new Set<string>();
  const seen = new Set<ValueSpec>();
  const visit = (spec: ValueSpec): void => {
    if (seen.has(spec)) return;
    seen.add(spec);
    if (spec.kind === 'object') spec.keys.forEach((key) => (keys.add(key.key), visit(key.value)));
    else if (spec.kind === 'map') visit(spec.value);
    else if (spec.kind === 'list') visit(spec.items);
    else if (spec.kind === 'choice') spec.options.forEach(visit);
  };
  visit(SCENARIO_SPEC);
  return [...keys];
}

const SCALARS = ['10', '0', '-1', '1.5', '10/s', '5m', '30', '1s..3s', '< 200ms', "'>= 50/s'", '> 1%', 'true', 'null', '~', '"{{ user }}"', '"{{ x.y }}"', '"{{ randInt(1) }}"', '${env:X}', '/api', 'http://127.0.0.1:1', '$.id', '"$.a[0]"', '[]', '{}', '&a 1', '*a', '|', '>', "''", '"\\u0000"', 'GET'];

function randomYaml(next: () => number, keys: readonly string[], depth = 0): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 5);
  for (let index = 0; index < count; index++) {
    const key = next() < 0.9 ? pick(keys) : pick(SCALARS);
    const roll = next();
    if (depth < 4 && roll < 0.3) lines.push(`${indent}${key}:\n${randomYaml(next, keys, depth + 1)}`);
    else if (depth < 4 && roll < 0.45) lines.push(`${indent}${key}:\n${indent}  - ${randomYaml(next, keys, depth + 2).trimStart()}`);
    else if (roll < 0.55) lines.push(`${indent}${key}: { ${pick(keys)}: ${pick(SCALARS)}, ${pick(keys)}: ${pick(SCALARS)} }`);
    else lines.push(`${indent}${key}: ${pick(SCALARS)}`);
  }
  return `${lines.join('\n')}\n`;
}

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 8)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
    case 1:
      return text.slice(0, at) + '{}[]:,-#&*!|>\'"%@` \n\t{{}}$'.charAt(Math.floor(next() * 28)) + text.slice(at);
    case 2:
      return [...lines.slice(0, line), lines[line] ?? '', ...lines.slice(line)].join('\n');
    case 3:
      return lines.filter((_, index) => index !== line).join('\n');
    case 4:
      return lines.map((content, index) => (index === line ? `  ${content}` : content)).join('\n');
    case 5:
      return lines.map((content, index) => (index === line ? content.trimStart() : content)).join('\n');
    case 6:
      return text.slice(0, at) + String.fromCharCode(Math.floor(next() * 0x2fff)) + text.slice(at);
    default:
      return text.slice(0, at);
  }
}

describe('fuzzing', () => {
  // Bounded so the three runs stay within a few seconds on a busy two-core machine.
  const timeout = 30_000;

  it('random bytes', { timeout }, () => {
    const next = random(42);
    for (let round = 0; round < 100; round++) {
      const length = Math.floor(next() * 600);
      const text = Array.from({ length }, () => String.fromCharCode(next() < 0.8 ? 32 + Math.floor(next() * 95) : Math.floor(next() * 0x3000))).join('');
      check(text);
      checkLanguageService(text, next);
    }
  });

  it("random YAML made of the language's own keys", { timeout }, () => {
    const next = random(7);
    const keys = vocabulary();
    for (let round = 0; round < 150; round++) {
      const text = randomYaml(next, keys);
      check(text);
      checkLanguageService(text, next);
    }
  });

  it('mutated valid scenarios', { timeout }, () => {
    const next = random(2024);
    for (let round = 0; round < 250; round++) {
      let text = validScenarios[round % validScenarios.length] ?? '';
      const mutations = 1 + Math.floor(next() * 3);
      for (let step = 0; step < mutations; step++) text = mutate(text, next);
      check(text);
      checkLanguageService(text, next);
    }
  });
});
