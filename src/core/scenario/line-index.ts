// Converts between offsets in a text and the 1-based line/column pairs that people and editors use.
import type { SourceRange } from './model';

export interface Position {
  line: number;
  column: number;
}

/** Line starts of a text, for offset ↔ line/column conversions in O(log lines). */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) this.lineStarts.push(index + 1);
  }

  /** 1-based line and column (in UTF-16 units, as editors count) of an offset, clamped to the text. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(this.text.length, Math.floor(offset)));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - (this.lineStarts[low] ?? 0) + 1 };
  }

  /** Offset of a 1-based line and column, clamped to the line and the text. */
  offset(line: number, column: number): number {
    const lineIndex = Math.max(0, Math.min(this.lineStarts.length - 1, Math.floor(line) - 1));
    const start = this.lineStarts[lineIndex] ?? 0;
    const next = this.lineStarts[lineIndex + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return Math.max(start, Math.min(end, start + Math.floor(column) - 1));
  }

  range(start: number, end: number): SourceRange {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  lineCount(): number {
    return this.lineStarts.length;
  }
}
