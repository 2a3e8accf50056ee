// The plain zero-based ranges of the pure adapters as vscode.Range.
import * as vscode from 'vscode';
import type { EditorRange } from './editor-range';

/** A vscode.Range for a plain editor range. */
export function toVscodeRange(range: EditorRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
