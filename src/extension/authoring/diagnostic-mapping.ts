// The core's diagnostics as plain editor-shaped records; the VS Code adapter turns them into vscode.Diagnostic.
import type { Diagnostic, Severity } from '../../core/scenario/diagnostics';
import { toEditorRange, type EditorRange } from './editor-range';

/** VS Code's DiagnosticSeverity names, looked up on the enum by the adapter. */
export type EditorSeverity = 'Error' | 'Warning' | 'Information';

/** The `source` VS Code shows before each message, and by which our quick-fix provider knows its own diagnostics. */
export const DIAGNOSTIC_SOURCE = 'loadscope';

/** One diagnostic ready for the editor, with the core's fix kept for the quick-fix provider. */
export interface EditorDiagnostic {
  range: EditorRange;
  severity: EditorSeverity;
  code: string;
  message: string;
  fix?: NonNullable<Diagnostic['fix']>;
}

const SEVERITIES: Readonly<Record<Severity, EditorSeverity>> = { error: 'Error', warning: 'Warning', info: 'Information' };

/** Maps one core diagnostic (1-based, end exclusive) to the editor's zero-based shape. */
export function toEditorDiagnostic(diagnostic: Diagnostic): EditorDiagnostic {
  const mapped: EditorDiagnostic = {
    range: toEditorRange(diagnostic),
    // An unknown severity from a newer core still shows, as an error, rather than vanish.
    severity: SEVERITIES[diagnostic.severity] ?? 'Error',
    code: diagnostic.code,
    message: diagnostic.message,
  };
  if (diagnostic.fix) mapped.fix = diagnostic.fix;
  return mapped;
}

/** Maps every diagnostic; one that cannot be mapped is reported to `onError` and the others still come through. */
export function toEditorDiagnostics(diagnostics: readonly Diagnostic[], onError: (error: unknown, diagnostic: Diagnostic) => void): EditorDiagnostic[] {
  const mapped: EditorDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    try {
      mapped.push(toEditorDiagnostic(diagnostic));
    } catch (error) {
      onError(error, diagnostic);
    }
  }
  return mapped;
}
