// The core's diagnostics in the editor's shape: ranges, severities, codes and fixes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/scenario/diagnostics';
import { loadScenario } from '../../../src/core/scenario/load';
import { toEditorDiagnostic, toEditorDiagnostics } from '../../../src/extension/authoring/diagnostic-mapping';

const FILE = path.resolve('authoring-tests', 'broken.scenario.yaml');
const BROKEN = `scenario: Broken
target: http://127.0.0.1:8080
load:
  userz: 10
  duration: 30
requests:
  - { name: home, GET: / }
`;

function diagnostic(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return { file: FILE, line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', code: 'x', message: 'm', ...overrides };
}

describe('diagnostic mapping', () => {
  it('maps what the loader reports on a broken file: zero-based ranges, code, message and fix', () => {
    const mapped = loadScenario(BROKEN, FILE, { env: {} }).diagnostics.map(toEditorDiagnostic);
    expect(mapped).toEqual([
      {
        range: { start: { line: 3, character: 2 }, end: { line: 3, character: 7 } },
        severity: 'Error',
        code: 'unknown-key',
        message: 'Unknown key `userz` in load: did you mean `users`?',
        fix: { title: "Change to 'users'", replacement: 'users' },
      },
      expect.objectContaining({ range: { start: { line: 4, character: 12 }, end: { line: 4, character: 14 } }, code: 'bad-duration', fix: { title: 'Add a unit: 30s', replacement: '30s' } }),
    ]);
  });

  it('maps each severity to the editor name', () => {
    expect(toEditorDiagnostic(diagnostic({ severity: 'error' })).severity).toBe('Error');
    expect(toEditorDiagnostic(diagnostic({ severity: 'warning' })).severity).toBe('Warning');
    expect(toEditorDiagnostic(diagnostic({ severity: 'info' })).severity).toBe('Information');
  });

  it('has no fix property when the core offers none', () => {
    expect(toEditorDiagnostic(diagnostic())).not.toHaveProperty('fix');
  });

  it('maps a warning the loader reports (an environment variable without default that is not set)', () => {
    const text = BROKEN.replace('userz', 'users').replace('duration: 30', 'duration: 30s').replace('http://127.0.0.1:8080', '${env:TARGET_URL}');
    const mapped = loadScenario(text, FILE, { env: {} }).diagnostics.map(toEditorDiagnostic);
    expect(mapped.map((d) => [d.severity, d.code])).toEqual([['Warning', 'env-unset']]);
  });

  it('keeps every other diagnostic when one cannot be mapped, and says which one failed', () => {
    const broken = { ...diagnostic({ code: 'bad' }) };
    Object.defineProperty(broken, 'line', { get: () => { throw new Error('corrupt'); } });
    const failures: string[] = [];
    const mapped = toEditorDiagnostics([diagnostic({ code: 'first' }), broken, diagnostic({ code: 'last' })], (error, which) => failures.push(`${which.code}: ${error instanceof Error ? error.message : ''}`));
    expect(mapped.map((d) => d.code)).toEqual(['first', 'last']);
    expect(failures).toEqual(['bad: corrupt']);
  });
});
