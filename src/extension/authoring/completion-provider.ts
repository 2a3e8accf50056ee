// Completion in scenario documents: a thin adapter over the language service's completionsAt.
import * as vscode from 'vscode';
import { completionsAt } from '../../core/scenario/language-service';
import type { AuthoringLog } from './authoring-log';
import { toEditorCompletions, worthCompletingAfter, type EditorCompletion } from './completion-items';
import { toCorePosition } from './editor-range';
import { scenarioDocumentContext } from './scenario-documents';
import { toVscodeRange } from './vscode-range';

function toVscodeCompletion(completion: EditorCompletion): vscode.CompletionItem {
  const item = new vscode.CompletionItem(completion.label, vscode.CompletionItemKind[completion.kind]);
  item.detail = completion.detail;
  item.documentation = new vscode.MarkdownString(completion.documentation);
  item.insertText = completion.isSnippet ? new vscode.SnippetString(completion.insertText) : completion.insertText;
  item.keepWhitespace = true;
  item.range = toVscodeRange(completion.range);
  item.sortText = completion.sortText;
  return item;
}

/** Offers keys, values, request names, `{{ }}` names and functions, environment names and snippets. */
export class ScenarioCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly log: AuthoringLog,
    private readonly env: () => Readonly<Record<string, string | undefined>>,
  ) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): vscode.CompletionItem[] {
    const lineBefore = document.lineAt(position.line).text.slice(0, position.character);
    if (!worthCompletingAfter(lineBefore, context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter ? context.triggerCharacter : undefined)) return [];
    const { file, host } = scenarioDocumentContext(document);
    const { line, column } = toCorePosition(position);
    const items = completionsAt(document.getText(), line, column, {
      file,
      host,
      envNames: Object.keys(this.env()).sort(),
      onError: (error) => this.log.error(`Completion at ${document.uri.toString()}:${line}:${column} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
    return toEditorCompletions(items).map(toVscodeCompletion);
  }
}
