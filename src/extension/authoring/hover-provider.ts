// Hover in scenario documents: a thin adapter over the language service's hoverAt.
import * as vscode from 'vscode';
import { hoverAt } from '../../core/scenario/language-service';
import type { AuthoringLog } from './authoring-log';
import { toCorePosition, toEditorRange } from './editor-range';
import { toVscodeRange } from './vscode-range';

/** The documentation of the key under the cursor, or the meaning of the value (`10/s`, `p99: < 500ms`). */
export class ScenarioHoverProvider implements vscode.HoverProvider {
  constructor(private readonly log: AuthoringLog) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const { line, column } = toCorePosition(position);
    const hover = hoverAt(document.getText(), line, column, {
      onError: (error) => this.log.error(`Hover at ${document.uri.toString()}:${line}:${column} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
    return hover ? new vscode.Hover(new vscode.MarkdownString(hover.markdown), toVscodeRange(toEditorRange(hover.range))) : undefined;
  }
}
