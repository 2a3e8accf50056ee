// The core's 1-based positions and the editor's zero-based ones.
import { describe, expect, it } from 'vitest';
import { sameRange, toCorePosition, toEditorRange } from '../../../src/extension/authoring/editor-range';

describe('position conversion', () => {
  it('shifts a 1-based, end-exclusive range to zero-based, end-exclusive', () => {
    expect(toEditorRange({ line: 4, column: 3, endLine: 4, endColumn: 8 })).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 7 } });
  });

  it('keeps a range at the very start of the file at 0:0', () => {
    expect(toEditorRange({ line: 1, column: 1, endLine: 1, endColumn: 1 })).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('never goes below zero for a malformed range', () => {
    expect(toEditorRange({ line: 0, column: 0, endLine: 0, endColumn: 0 })).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('turns an editor cursor into the line and column hoverAt and completionsAt take', () => {
    expect(toCorePosition({ line: 0, character: 0 })).toEqual({ line: 1, column: 1 });
    expect(toCorePosition({ line: 2, character: 5 })).toEqual({ line: 3, column: 6 });
  });

  it('round-trips: a cursor converted to the core and back is the same place', () => {
    const cursor = { line: 7, character: 11 };
    const { line, column } = toCorePosition(cursor);
    expect(toEditorRange({ line, column, endLine: line, endColumn: column }).start).toEqual(cursor);
  });

  it('compares ranges by every coordinate', () => {
    const range = toEditorRange({ line: 2, column: 3, endLine: 2, endColumn: 5 });
    expect(sameRange(range, toEditorRange({ line: 2, column: 3, endLine: 2, endColumn: 5 }))).toBe(true);
    expect(sameRange(range, toEditorRange({ line: 2, column: 3, endLine: 2, endColumn: 6 }))).toBe(false);
  });
});
