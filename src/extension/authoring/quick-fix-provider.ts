// Quick fixes: each diagnostic that carries a fix (a did-you-mean key, a missing unit) offers it as a code action.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './diagnostic-mapping';
import { planQuickFixes, type ShownDiagnostic } from './quick-fixes';
import type { ScenarioDiagnostics } from './scenario-diagnostics';
import { toVscodeRange } from './vscode-range';

function shownDiagnostic(diagnostic: vscode.Diagnostic): ShownDiagnostic {
  const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : diagnostic.code === undefined ? undefined : String(diagnostic.code);
  const { start, end } = diagnostic.range;
  return { code, message: diagnostic.message, range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } } };
}

/** Turns the fixes of the published diagnostics under the cursor into quick-fix code actions. */
export class ScenarioQuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: ScenarioDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    // The shown diagnostics may still be those of an older version; only the ones that match the current
    // validation (same code, message and range) offer their fix, so no edit lands on moved text.
    const published = this.diagnostics.upToDate(document);
    if (!published) return [];
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    return planQuickFixes(ours.map(shownDiagnostic), published).map((fix) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, toVscodeRange(fix.range), fix.replacement);
      action.diagnostics = fix.fixes.flatMap((index) => ours[index] ?? []);
      action.isPreferred = fix.preferred;
      return action;
    });
  }
}
