// What validation reports. Lines and columns are 1-based (as printed: file:line:column); the end is exclusive.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  /** Stable identifier, e.g. `unknown-key`, `bad-duration`; quick fixes key on it. */
  code: string;
  message: string;
  /** A replacement that fixes the problem when it is clear (did-you-mean, missing unit). */
  fix?: { title: string; replacement: string };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `file:line:column: severity: message`, the format compilers and problem matchers understand. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}
