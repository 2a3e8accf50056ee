// The TextMate grammars in syntaxes/: every regex runs in plain RegExp, the injection gives `{{ }}` expressions
// and `${env:...}` references their scopes on sample lines, and its built-in lists match the language's spec.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMES, FUNCTION_NAMES } from '../../../src/core/scenario/spec';
import { parseTemplate } from '../../../src/core/scenario/template';
import { scopesOf, tokenizeLine, type GrammarRule, type InjectionGrammar } from './line-tokenizer';

const syntaxes = path.resolve(import.meta.dirname, '..', '..', '..', 'syntaxes');

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(path.join(syntaxes, name), 'utf8'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInjectionGrammar(value: unknown): value is InjectionGrammar & { scopeName: string; injectionSelector: string } {
  return isRecord(value) && Array.isArray(value.patterns) && isRecord(value.repository) && typeof value.scopeName === 'string' && typeof value.injectionSelector === 'string';
}

const raw = readJson('loadscope-templates.injection.tmLanguage.json');
if (!isInjectionGrammar(raw)) throw new Error('the injection grammar lacks patterns, repository, scopeName or injectionSelector');
const grammar = raw;
const tokens = (line: string) => tokenizeLine(grammar, line);

function allRegexes(rule: GrammarRule): string[] {
  return [rule.match, rule.begin, rule.end].filter((source): source is string => source !== undefined).concat((rule.patterns ?? []).flatMap(allRegexes));
}

/** The alternatives of the first `(?:a|b|c)` group in a pattern. */
function alternatives(source: string | undefined): string[] {
  const group = /\(\?:([A-Za-z0-9|]+)\)/.exec(source ?? '');
  return group?.[1]?.split('|') ?? [];
}

describe('the injection grammar', () => {
  it('injects into YAML (and so into the scenario language, whose root scope extends source.yaml), never into comments', () => {
    expect(grammar.injectionSelector).toBe('L:source.yaml -comment');
    expect(grammar.scopeName).toBe('loadscope.templates.injection');
  });

  it('has only regexes that compile as JavaScript RegExp', () => {
    const sources = [...grammar.patterns, ...Object.values(grammar.repository)].flatMap(allRegexes);
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) expect(() => new RegExp(source, 'd'), source).not.toThrow();
  });

  it('marks the braces of a {{ }} expression and a built-in call with literal arguments', () => {
    const line = tokens('GET: /api/items/{{ randomInt(1, 50) }}');
    expect(scopesOf(line, 'GET: /api/items/')).toEqual(['string.unquoted.plain.out.yaml']);
    expect(scopesOf(line, '{{')).toEqual(['string.unquoted.plain.out.yaml', 'meta.embedded.expression.loadscope', 'punctuation.section.embedded.begin.loadscope']);
    expect(scopesOf(line, 'randomInt')).toContain('support.function.builtin.loadscope');
    expect(scopesOf(line, '(')).toContain('punctuation.definition.arguments.begin.loadscope');
    expect(scopesOf(line, '1')).toContain('constant.numeric.loadscope');
    expect(scopesOf(line, ',')).toContain('punctuation.separator.arguments.loadscope');
    expect(scopesOf(line, '50')).toContain('constant.numeric.loadscope');
    expect(scopesOf(line, '}}')).toContain('punctuation.section.embedded.end.loadscope');
  });

  it('tells captured variables, built-in names and data columns apart', () => {
    const header = tokens('Authorization: "Bearer {{ token }}"');
    expect(scopesOf(header, 'token')).toContain('variable.other.readwrite.loadscope');
    expect(scopesOf(tokens('"loadtest-{{ user }}"'), 'user')).toContain('variable.language.loadscope');
    const column = tokens('email: "{{ accounts.email }}"');
    expect(scopesOf(column, 'accounts')).toContain('variable.other.readwrite.loadscope');
    expect(scopesOf(column, '.')).toContain('punctuation.accessor.loadscope');
    expect(scopesOf(column, 'email')).toContain('variable.other.property.loadscope');
  });

  it('highlights string and decimal arguments, and a call of an unknown function as a call', () => {
    const line = tokens(`version: "{{ pick('1.0.0', "2.0") }} {{ randomFloat(-0.5, .5) }} {{ shell('ls') }}"`);
    expect(scopesOf(line, "'1.0.0'")).toContain('string.quoted.single.loadscope');
    expect(scopesOf(line, '"2.0"')).toContain('string.quoted.double.loadscope');
    expect(scopesOf(line, '-0.5')).toContain('constant.numeric.loadscope');
    expect(scopesOf(line, '.5')).toContain('constant.numeric.loadscope');
    expect(scopesOf(line, 'shell')).toContain('entity.name.function.loadscope');
    expect(scopesOf(line, 'shell')).not.toContain('support.function.builtin.loadscope');
  });

  it('ends an expression left open at the end of its line, and reads `}}` inside a string as the language does', () => {
    const open = tokens('GET: /api/{{ deploymentId');
    expect(scopesOf(open, 'deploymentId')).toContain('meta.embedded.expression.loadscope');
    const quoted = tokens(`x: "{{ pick('a}}') }} after"`);
    expect(scopesOf(quoted, "'a}}'")).toContain('string.quoted.single.loadscope');
    expect(scopesOf(quoted, ' after"')).toEqual(['string.unquoted.plain.out.yaml']);
    expect(parseTemplate(`{{ pick('a}}') }} after`).calls.map((call) => call.fn)).toEqual(['pick']);
  });

  it('reads ${env:NAME} and ${env:NAME:-default} in parts', () => {
    const line = tokens('target: ${env:TARGET_URL:-http://127.0.0.1:8080}');
    expect(scopesOf(line, '${')).toContain('punctuation.definition.variable.begin.loadscope');
    expect(scopesOf(line, 'env')).toContain('keyword.other.env.loadscope');
    expect(scopesOf(line, 'TARGET_URL')).toEqual(['string.unquoted.plain.out.yaml', 'meta.embedded.env.loadscope', 'variable.other.constant.env.loadscope']);
    expect(scopesOf(line, ':-')).toContain('keyword.operator.default.loadscope');
    expect(scopesOf(line, 'http://127.0.0.1:8080')).toContain('string.unquoted.default.loadscope');
    expect(scopesOf(line, '}')).toContain('punctuation.definition.variable.end.loadscope');
    expect(scopesOf(tokens('password: "${env:LOAD_PASSWORD}"'), 'LOAD_PASSWORD')).toContain('variable.other.constant.env.loadscope');
  });

  it('leaves plain YAML alone: flow mappings, ${NAME} without env:, and text around', () => {
    for (const line of ['load: { users: 10, duration: 1m }', 'target: ${TARGET_URL}', 'name: list products', 'query: { limit: 10 }']) {
      expect(tokens(line), line).toEqual([{ text: line, start: 0, scopes: ['string.unquoted.plain.out.yaml'] }]);
    }
  });

  it('finds the same ${env:...} references as the scenario language does', () => {
    const samples = ['${env:A}', 'x${env:B_1:-y}z', '${env:1BAD}', '${env:C:-a:b}/${env:D}', '${env:}', '$ {env:E}', '${env:F:-}'];
    const envPattern = grammar.repository['env-reference']?.match ?? '';
    for (const sample of samples) {
      const byGrammar = [...sample.matchAll(new RegExp(envPattern, 'g'))].map((match) => ({ name: match[4], start: match.index, end: match.index + match[0].length }));
      const byLanguage = parseTemplate(sample).env.map((env) => ({ name: env.name, start: env.start, end: env.end }));
      expect(byGrammar, sample).toEqual(byLanguage);
    }
  });

  it('knows exactly the built-in functions and names of the language (src/core/scenario/spec.ts)', () => {
    expect(alternatives(grammar.repository['expression-builtin-function']?.match).sort()).toEqual([...FUNCTION_NAMES].sort());
    expect(alternatives(grammar.repository['expression-builtin-name']?.match).sort()).toEqual(BUILTIN_NAMES.map((builtin) => builtin.name).sort());
  });
});

describe('the scenario language grammar and configuration', () => {
  it('reuses the YAML grammar under its own root scope, which the injection selector covers', () => {
    const language = readJson('loadscope-scenario.tmLanguage.json');
    expect(language).toMatchObject({ scopeName: 'source.yaml.loadscope-scenario', patterns: [{ include: 'source.yaml' }] });
    // TextMate selectors match scope prefixes: `source.yaml` selects `source.yaml.loadscope-scenario`.
    expect('source.yaml.loadscope-scenario'.startsWith(`${grammar.injectionSelector.replace(/^L:/, '').split(' ')[0]}.`)).toBe(true);
  });

  it('has indentation and folding rules that compile', () => {
    const configuration = readJson('loadscope-scenario.language-configuration.json');
    if (!isRecord(configuration) || !isRecord(configuration.indentationRules)) throw new Error('no indentationRules');
    const { increaseIndentPattern, decreaseIndentPattern } = configuration.indentationRules;
    if (typeof increaseIndentPattern !== 'string' || typeof decreaseIndentPattern !== 'string') throw new Error('indentation patterns are not strings');
    const increase = new RegExp(increaseIndentPattern);
    for (const line of ['load:', '  - steps:', 'requests:  # the mix', '  body: |', '  -', 'json: >-']) expect(increase.test(line), line).toBe(true);
    for (const line of ['  users: 10', '# load:', '  GET: /api/items', '  - name: x']) expect(increase.test(line), line).toBe(false);
    expect(new RegExp(decreaseIndentPattern).test('  }')).toBe(true);
  });
});
