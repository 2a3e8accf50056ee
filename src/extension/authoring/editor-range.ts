// The core counts lines and columns from 1 (as printed in file:line:column); VS Code counts both from 0. Both
// count columns in UTF-16 units and both treat the end as exclusive, so converting is only a shift by one.
import type { SourceRange } from '../../core/scenario/model';

/** A zero-based position, as VS Code counts it. */
export interface EditorPosition {
  line: number;
  character: number;
}

/** A zero-based range with an exclusive end, as VS Code counts it. */
export interface EditorRange {
  start: EditorPosition;
  end: EditorPosition;
}

/** The core's 1-based range as a zero-based editor range. */
export function toEditorRange(range: SourceRange): EditorRange {
  return {
    start: { line: Math.max(0, range.line - 1), character: Math.max(0, range.column - 1) },
    end: { line: Math.max(0, range.endLine - 1), character: Math.max(0, range.endColumn - 1) },
  };
}

/** An editor position as the core's 1-based line and column (what hoverAt and completionsAt take). */
export function toCorePosition(position: EditorPosition): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}

/** True when both ranges cover exactly the same characters. */
export function sameRange(a: EditorRange, b: EditorRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
