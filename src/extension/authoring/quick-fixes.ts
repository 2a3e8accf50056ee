// Which quick fixes to offer for the diagnostics under the cursor. VS Code hands the provider copies of the
// diagnostics it shows, so each one is matched back to what was published (code, message and range) to find the
// core's fix; the fix replaces exactly the diagnostic's range.
import { sameRange, type EditorRange } from './editor-range';
import type { EditorDiagnostic } from './diagnostic-mapping';

/** What identifies a diagnostic the editor shows. */
export interface ShownDiagnostic {
  range: EditorRange;
  code: string | undefined;
  message: string;
}

/** One code action to offer: replace `range` with `replacement`. */
export interface PlannedQuickFix {
  title: string;
  range: EditorRange;
  replacement: string;
  /** Indexes (into the shown diagnostics) of the diagnostics this edit fixes. */
  fixes: number[];
  /** The only fix offered for every diagnostic it addresses: the one "Auto Fix" may apply without asking. */
  preferred: boolean;
}

/** The quick fixes for `shown`, from the diagnostics last published for the same document version. */
export function planQuickFixes(shown: readonly ShownDiagnostic[], published: readonly EditorDiagnostic[]): PlannedQuickFix[] {
  const planned: PlannedQuickFix[] = [];
  const candidatesPerDiagnostic = new Map<number, number>();
  shown.forEach((diagnostic, index) => {
    const source = published.find((candidate) => candidate.code === diagnostic.code && candidate.message === diagnostic.message && sameRange(candidate.range, diagnostic.range));
    if (!source?.fix) return;
    const { title, replacement } = source.fix;
    candidatesPerDiagnostic.set(index, (candidatesPerDiagnostic.get(index) ?? 0) + 1);
    // Two diagnostics fixed by the same edit (one typo reported twice) get one action, not two identical ones.
    const same = planned.find((fix) => fix.replacement === replacement && sameRange(fix.range, source.range));
    if (same) same.fixes.push(index);
    else planned.push({ title, range: source.range, replacement, fixes: [index], preferred: false });
  });
  for (const fix of planned) fix.preferred = fix.fixes.every((index) => candidatesPerDiagnostic.get(index) === 1);
  return planned;
}
