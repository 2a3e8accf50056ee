// Diagnostics as compilers print them, so terminals and editors can jump to file:line:column.

import { formatDiagnostic, type Diagnostic } from '../core/scenario/diagnostics';

/** Prints each diagnostic on its own line (errors and warnings to stderr) and returns the error count. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], err: (text: string) => void): number {
  for (const d of diagnostics) err(`${formatDiagnostic(d)}\n`);
  return diagnostics.filter((d) => d.severity === 'error').length;
}
