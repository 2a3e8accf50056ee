// Collects diagnostics for one file, turning offsets into line/column ranges.
import type { Diagnostic, Severity } from './diagnostics';
import type { LineIndex } from './line-index';
import type { OffsetRange } from './yaml-tree';

export type Fix = NonNullable<Diagnostic['fix']>;

const MAX_MESSAGE = 1000;

/** Collects one file's diagnostics; says each fault once. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly file: string,
    readonly lines: LineIndex,
  ) {}

  report(severity: Severity, code: string, text: string, at: OffsetRange, fix?: Fix): void {
    // Messages quote what the user wrote; a hostile file must not turn that into megabytes.
    const message = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
    // Two checks may see the same fault (a syntax error and the value it left empty): say it once.
    const key = `${code}:${this.lines.position(at.start).line}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const range = this.lines.range(at.start, at.end);
    const diagnostic: Diagnostic = { file: this.file, ...range, severity, code, message };
    if (fix) diagnostic.fix = fix;
    this.diagnostics.push(diagnostic);
  }

  error(code: string, message: string, at: OffsetRange, fix?: Fix): void {
    this.report('error', code, message, at, fix);
  }

  warning(code: string, message: string, at: OffsetRange, fix?: Fix): void {
    this.report('warning', code, message, at, fix);
  }

  info(code: string, message: string, at: OffsetRange, fix?: Fix): void {
    this.report('info', code, message, at, fix);
  }

  hasCode(code: string): boolean {
    return this.diagnostics.some((diagnostic) => diagnostic.code === code);
  }
}
