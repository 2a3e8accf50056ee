import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/core/scenario/template';

describe('parseTemplate', () => {
  it('keeps plain text as one part', () => {
    expect(parseTemplate('/api/items').template).toEqual([{ kind: 'text', text: '/api/items' }]);
  });

  it('reads names, dotted names and calls', () => {
    const parsed = parseTemplate('/api/{{ deploymentId }}/{{ accounts.email }}?n={{ randomInt(1, 50) }}');
    expect(parsed.problems).toEqual([]);
    expect(parsed.template).toEqual([
      { kind: 'text', text: '/api/' },
      { kind: 'expr', expr: { kind: 'var', path: ['deploymentId'] } },
      { kind: 'text', text: '/' },
      { kind: 'expr', expr: { kind: 'var', path: ['accounts', 'email'] } },
      { kind: 'text', text: '?n=' },
      { kind: 'expr', expr: { kind: 'call', fn: 'randomInt', args: [{ kind: 'literal', value: 1 }, { kind: 'literal', value: 50 }] } },
    ]);
    expect(parsed.names.map((name) => [name.path.join('.'), name.start, name.end])).toEqual([
      ['deploymentId', 8, 20],
      ['accounts.email', 27, 41],
    ]);
    expect(parsed.calls.map((call) => call.fn)).toEqual(['randomInt']);
  });

  it('reads literals of every kind, nested calls and quotes', () => {
    const parsed = parseTemplate(`{{ pick('1.0.0', "2.0", 3, -1.5, true, null, base64(user)) }}`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.template[0]).toEqual({
      kind: 'expr',
      expr: {
        kind: 'call',
        fn: 'pick',
        args: [
          { kind: 'literal', value: '1.0.0' },
          { kind: 'literal', value: '2.0' },
          { kind: 'literal', value: 3 },
          { kind: 'literal', value: -1.5 },
          { kind: 'literal', value: true },
          { kind: 'literal', value: null },
          { kind: 'call', fn: 'base64', args: [{ kind: 'var', path: ['user'] }] },
        ],
      },
    });
  });

  it('keeps }} inside a string literal', () => {
    const parsed = parseTemplate(`{{ pick('}}', 'a') }}!`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.template[1]).toEqual({ kind: 'text', text: '!' });
  });

  it('reads ${env:NAME} and ${env:NAME:-default}', () => {
    const parsed = parseTemplate('${env:TARGET_URL:-http://127.0.0.1:8080}/x${env:TOKEN}');
    expect(parsed.template).toEqual([
      { kind: 'env', name: 'TARGET_URL', fallback: 'http://127.0.0.1:8080' },
      { kind: 'text', text: '/x' },
      { kind: 'env', name: 'TOKEN' },
    ]);
    expect(parsed.env.map((env) => [env.name, env.start, env.end])).toEqual([
      ['TARGET_URL', 0, 40],
      ['TOKEN', 42, 54],
    ]);
  });

  it('allows an empty default', () => {
    expect(parseTemplate('${env:X:-}').template).toEqual([{ kind: 'env', name: 'X', fallback: '' }]);
  });

  it('suggests ${env:NAME} for ${NAME}, as a warning with a fix', () => {
    const [problem] = parseTemplate('Bearer ${TOKEN}').problems;
    expect(problem).toMatchObject({ code: 'env-syntax', severity: 'warning', start: 7, end: 15, fix: { replacement: '${env:TOKEN}' } });
  });

  it('reports a malformed ${env:}', () => {
    expect(parseTemplate('${env:1BAD}').problems[0]?.code).toBe('bad-env-reference');
  });

  it.each([
    ['{{ a + b }}', 'bad-expression', 'never operators'],
    ['{{ }}', 'empty-expression', 'Empty'],
    ['{{ token', 'unclosed-expression', 'never closed'],
    ['{{ token x }}', 'bad-expression', "Expected '}}'"],
    ["{{ 'abc }}", 'bad-expression', 'closing quote'],
    ['{{ randInt(1, 2) }}', 'unknown-function', "did you mean 'randomInt'"],
    ['{{ launchMissiles() }}', 'unknown-function', 'The functions are'],
    ['{{ uuid(1) }}', 'bad-arguments', 'no arguments'],
    ['{{ randomInt(1) }}', 'bad-arguments', '2 arguments'],
    ["{{ randomInt('a', 2) }}", 'bad-arguments', 'takes numbers'],
    ['{{ randomInt(5, 1) }}', 'bad-arguments', 'more than max'],
    ['{{ randomString(0) }}', 'bad-arguments', 'at least 1'],
    ['{{ pick() }}', 'bad-arguments', 'at least 1 argument'],
    ['{{ a. }}', 'bad-expression', 'a name after the dot'],
    ['{{ process.env.HOME; }}', 'bad-expression', ''],
  ])('reports %s as %s', (text, code, words) => {
    const problems = parseTemplate(text).problems;
    expect(problems[0]?.code).toBe(code);
    expect(problems[0]?.message).toContain(words);
  });

  it('places the did-you-mean fix on the function name', () => {
    const [problem] = parseTemplate('x {{ uuidd() }}').problems;
    expect(problem).toMatchObject({ start: 5, end: 10, fix: { replacement: 'uuid' } });
  });

  it('keeps reading after a broken expression', () => {
    const parsed = parseTemplate('{{ a + }} and {{ b }}');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.names.map((name) => name.path[0])).toContain('b');
  });

  it('never runs into deep nesting', () => {
    const deep = `{{ ${'pick('.repeat(200)}1${')'.repeat(200)} }}`;
    expect(parseTemplate(deep).problems[0]?.message).toContain('too deeply');
  });
});
