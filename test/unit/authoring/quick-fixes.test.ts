// Quick fixes planned from the published diagnostics, applied to the text, leave a file that validates.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/core/scenario/load';
import { toEditorDiagnostic, type EditorDiagnostic } from '../../../src/extension/authoring/diagnostic-mapping';
import type { EditorRange } from '../../../src/extension/authoring/editor-range';
import { planQuickFixes, type PlannedQuickFix, type ShownDiagnostic } from '../../../src/extension/authoring/quick-fixes';

const FILE = path.resolve('authoring-tests', 'fixable.scenario.yaml');
const FIXABLE = `scenario: Fixable
target: http://127.0.0.1:8080
load:
  userz: 10
  duration: 30
requests:
  - { name: home, GET: / }
`;

function published(text: string): EditorDiagnostic[] {
  return loadScenario(text, FILE, { env: {} }).diagnostics.map(toEditorDiagnostic);
}

/** What the editor hands the provider: copies, without the fix. */
function shown(diagnostics: readonly EditorDiagnostic[]): ShownDiagnostic[] {
  return diagnostics.map(({ range, code, message }) => ({ range: structuredClone(range), code, message }));
}

function offsetOf(text: string, position: EditorRange['start']): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

function apply(text: string, fix: PlannedQuickFix): string {
  return text.slice(0, offsetOf(text, fix.range.start)) + fix.replacement + text.slice(offsetOf(text, fix.range.end));
}

describe('quick fixes', () => {
  it('offers the did-you-mean key and the missing unit, each preferred, each tied to its diagnostic', () => {
    const diagnostics = published(FIXABLE);
    const fixes = planQuickFixes(shown(diagnostics), diagnostics);
    expect(fixes.map(({ title, replacement, fixes: addressed, preferred }) => ({ title, replacement, addressed, preferred }))).toEqual([
      { title: "Change to 'users'", replacement: 'users', addressed: [0], preferred: true },
      { title: 'Add a unit: 30s', replacement: '30s', addressed: [1], preferred: true },
    ]);
  });

  it('gives text that validates once every fix is applied (last first, so earlier ranges stay put)', () => {
    const diagnostics = published(FIXABLE);
    const fixed = planQuickFixes(shown(diagnostics), diagnostics).reverse().reduce(apply, FIXABLE);
    expect(fixed).toContain('  users: 10\n  duration: 30s\n');
    expect(published(fixed)).toEqual([]);
  });

  it('offers only the fixes of the diagnostics under the cursor', () => {
    const diagnostics = published(FIXABLE);
    const atDuration = shown(diagnostics).filter((d) => d.code === 'bad-duration');
    expect(planQuickFixes(atDuration, diagnostics).map((fix) => fix.replacement)).toEqual(['30s']);
  });

  it('offers nothing for a diagnostic that is not (or no longer) the one published', () => {
    const diagnostics = published(FIXABLE);
    const moved = shown(diagnostics).map((d) => ({ ...d, range: { start: { ...d.range.start, line: d.range.start.line + 1 }, end: { ...d.range.end, line: d.range.end.line + 1 } } }));
    expect(planQuickFixes(moved, diagnostics)).toEqual([]);
    expect(planQuickFixes(shown(diagnostics).map((d) => ({ ...d, code: 'other' })), diagnostics)).toEqual([]);
  });

  it('offers nothing for a diagnostic without a fix', () => {
    const diagnostics = published('scenario: No fix\nload: { users: 10, duration: 1m }\n');
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.fix === undefined)).toBe(true);
    expect(planQuickFixes(shown(diagnostics), diagnostics)).toEqual([]);
  });

  it('merges two diagnostics fixed by the same edit into one action', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const fix = { title: 'Change to abc', replacement: 'abc' };
    const twice: EditorDiagnostic[] = [
      { range, severity: 'Error', code: 'a', message: 'first', fix },
      { range, severity: 'Warning', code: 'b', message: 'second', fix },
    ];
    const planned = planQuickFixes(shown(twice), twice);
    expect(planned).toEqual([{ title: 'Change to abc', range, replacement: 'abc', fixes: [0, 1], preferred: true }]);
  });
});
