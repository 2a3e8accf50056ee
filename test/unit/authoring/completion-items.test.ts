// The language service's completions in the editor's shape, and when typing a trigger character asks for them.
import { describe, expect, it } from 'vitest';
import { completionsAt } from '../../../src/core/scenario/language-service';
import { indentFollowingLines, toEditorCompletions, worthCompletingAfter } from '../../../src/extension/authoring/completion-items';
import { toCorePosition } from '../../../src/extension/authoring/editor-range';

/** Text with `|` at the cursor → the editor's completions there, asked for as the adapter does (zero-based cursor). */
function completeAt(marked: string) {
  const index = marked.indexOf('|');
  const text = marked.slice(0, index) + marked.slice(index + 1);
  const before = marked.slice(0, index).split('\n');
  const cursor = { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
  const { line, column } = toCorePosition(cursor);
  return toEditorCompletions(completionsAt(text, line, column, { envNames: ['TARGET_URL'] }));
}

describe('completion items', () => {
  it('maps keys to properties with docs, a zero-based range over the word typed so far, and the service order', () => {
    const items = completeAt('scenario: x\nload:\n  us|');
    const users = items.find((item) => item.label === 'users');
    expect(users).toMatchObject({ kind: 'Property', insertText: 'users: ', isSnippet: false, range: { start: { line: 2, character: 2 }, end: { line: 2, character: 4 } } });
    expect(users?.documentation).toContain('Closed model');
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.label);
    expect(sorted).toEqual(items.map((item) => item.label));
  });

  it('indents a request snippet under the dash of its list item, so its keys line up', () => {
    const items = completeAt('requests:\n  - |');
    const snippet = items.find((item) => item.label === 'GET request');
    expect(snippet).toMatchObject({ kind: 'Snippet', isSnippet: true });
    expect(snippet?.insertText).toBe('name: ${1:get items}\n    GET: ${2:/api/items}\n    expect: { status: ${3:200} }');
  });

  it('indents a nested key relative to where it is typed', () => {
    const items = completeAt('groups:\n  - name: a\n    |');
    expect(items.find((item) => item.label === 'requests')?.insertText).toBe('requests:\n      - ');
  });

  it('offers the closed and open load models as snippets in an empty load', () => {
    const items = completeAt('load:\n  |');
    expect(items.filter((item) => item.kind === 'Snippet').map((item) => item.label)).toEqual(['closed load', 'open load']);
  });

  it('maps names and functions inside {{ }} to variables and functions', () => {
    const items = completeAt('requests:\n  - name: login\n    POST: /login\n    capture: { token: $.access }\n  - name: me\n    GET: "/me?t={{ |"');
    expect(items.find((item) => item.label === 'token')).toMatchObject({ kind: 'Variable', detail: 'captured' });
    expect(items.find((item) => item.label === 'user')).toMatchObject({ kind: 'Variable', detail: 'built-in' });
    expect(items.find((item) => item.label === 'randomInt')).toMatchObject({ kind: 'Function', insertText: 'randomInt(' });
  });

  it('offers environment names after ${env:', () => {
    expect(completeAt('target: ${env:|').map((item) => [item.label, item.kind])).toEqual([['TARGET_URL', 'Variable']]);
  });

  it('offers request names inside per-request targets', () => {
    const items = completeAt('requests:\n  - { name: create deployment, POST: /d }\ntargets:\n  requests:\n    |');
    expect(items.map((item) => item.label)).toContain('create deployment');
  });

  it('leaves one-line text alone and indents only non-empty following lines', () => {
    expect(indentFollowingLines('users: ', 6)).toBe('users: ');
    expect(indentFollowingLines('a:\n  b\n\nc', 2)).toBe('a:\n    b\n\n  c');
  });
});

describe('trigger characters', () => {
  it('always completes when asked (Ctrl+Space) or while typing a word', () => {
    expect(worthCompletingAfter('  ', undefined)).toBe(true);
  });

  it('completes after a space only where something is expected: a value, a list item, a template', () => {
    expect(worthCompletingAfter('  spawnRate: ', ' ')).toBe(true);
    expect(worthCompletingAfter('  - ', ' ')).toBe(true);
    expect(worthCompletingAfter('    GET: /x/{{ ', ' ')).toBe(true);
    expect(worthCompletingAfter('    ', ' ')).toBe(false);
    expect(worthCompletingAfter('scenario: my ', ' ')).toBe(false);
    expect(worthCompletingAfter('# a comment: ', ' ')).toBe(false);
    expect(worthCompletingAfter('  # - ', ' ')).toBe(false);
  });

  it('completes after : only in ${env:, after { only for {{, after . only inside {{ }}', () => {
    expect(worthCompletingAfter('target: ${env:', ':')).toBe(true);
    expect(worthCompletingAfter('users:', ':')).toBe(false);
    expect(worthCompletingAfter('x: "{{', '{')).toBe(true);
    expect(worthCompletingAfter('load: {', '{')).toBe(false);
    expect(worthCompletingAfter('email: "{{ accounts.', '.')).toBe(true);
    expect(worthCompletingAfter('GET: /api/v1.', '.')).toBe(false);
    expect(worthCompletingAfter('x: "{{ a }} b.', '.')).toBe(false);
  });
});
