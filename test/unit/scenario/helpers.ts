// Shared helpers for the scenario tests: load text with a fake file system, and find a marked cursor.
import path from 'node:path';
import type { Diagnostic } from '../../../src/core/scenario/diagnostics';
import { loadScenario, type LoadOptions, type LoadResult } from '../../../src/core/scenario/load';

/** Scenario files in tests live here (the path never touches the disk unless a test says so). */
export const SCENARIO_FILE = path.resolve('test-scenarios', 'test.scenario.yaml');

/** Loads `text` as if it were SCENARIO_FILE, with `files` (relative to it) as the only readable data files. */
export function load(text: string, options: LoadOptions & { files?: Record<string, string> } = {}): LoadResult {
  const files = new Map(Object.entries(options.files ?? {}).map(([name, content]) => [path.resolve(path.dirname(SCENARIO_FILE), name), content]));
  const { files: _files, ...rest } = options;
  return loadScenario(text, SCENARIO_FILE, { env: {}, host: { readFile: (file) => files.get(file) }, ...rest });
}

export const BASE = `scenario: Test
target: http://127.0.0.1:8080
load: { users: 10, duration: 1m }
requests:
  - { name: home, GET: / }
`;

/** Diagnostics as `code@line:column` strings, easy to compare. */
export function codes(diagnostics: readonly Diagnostic[], severity?: Diagnostic['severity']): string[] {
  return diagnostics.filter((d) => severity === undefined || d.severity === severity).map((d) => `${d.code}@${d.line}:${d.column}`);
}

export function errors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** Text with a `|` marking the cursor → the text without it and the 1-based cursor position. */
export function cursor(marked: string): { text: string; line: number; column: number } {
  const index = marked.indexOf('|');
  if (index < 0) throw new Error('no cursor marker');
  const before = marked.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { text: marked.slice(0, index) + marked.slice(index + 1), line, column };
}

/** The text a diagnostic's fix produces. */
export function applyFix(text: string, diagnostic: Diagnostic): string {
  if (!diagnostic.fix) throw new Error(`no fix on ${diagnostic.code}`);
  const lines = text.split('\n');
  const offsetOf = (line: number, column: number): number => lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
  return text.slice(0, offsetOf(diagnostic.line, diagnostic.column)) + diagnostic.fix.replacement + text.slice(offsetOf(diagnostic.endLine, diagnostic.endColumn));
}
