// The language service's completion items in the editor's shape: kinds, ranges, sort order, and multi-line
// insertions indented for YAML.
import type { CompletionItem, CompletionKind } from '../../core/scenario/language-service';
import { toEditorRange, type EditorRange } from './editor-range';

/** VS Code's CompletionItemKind names, looked up on the enum by the adapter. */
export type EditorCompletionKind = 'Property' | 'Value' | 'Snippet' | 'Variable' | 'Function';

/** One completion ready for the editor. */
export interface EditorCompletion {
  label: string;
  kind: EditorCompletionKind;
  detail: string;
  /** Markdown. */
  documentation: string;
  /** Already indented for the place it goes to: the editor must insert it as is (keepWhitespace). */
  insertText: string;
  /** True when insertText has `${1:placeholder}` tab stops. */
  isSnippet: boolean;
  range: EditorRange;
  /** Keeps the language service's order (required keys and the likeliest values first). */
  sortText: string;
}

const KINDS: Readonly<Record<CompletionKind, EditorCompletionKind>> = {
  key: 'Property',
  value: 'Value',
  snippet: 'Snippet',
  variable: 'Variable',
  function: 'Function',
};

/**
 * Indents every line after the first by `columns` spaces. The language service writes nested text relative to
 * where it is inserted; the editor's own re-indentation would use the line's leading whitespace, which after a
 * list dash (`  - name: …`) is two columns short of where the item's keys line up.
 */
export function indentFollowingLines(text: string, columns: number): string {
  if (!text.includes('\n')) return text;
  const indent = ' '.repeat(Math.max(0, columns));
  return text
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : `${indent}${line}`))
    .join('\n');
}

/** Maps the language service's items, in their order. */
export function toEditorCompletions(items: readonly CompletionItem[]): EditorCompletion[] {
  const width = String(items.length).length;
  return items.map((item, index) => {
    const range = toEditorRange(item.range);
    return {
      label: item.label,
      kind: KINDS[item.kind] ?? 'Value',
      detail: item.detail,
      documentation: item.documentation,
      insertText: indentFollowingLines(item.insertText, range.start.character),
      isSnippet: item.kind === 'snippet',
      range,
      sortText: String(index).padStart(width, '0'),
    };
  });
}

/**
 * Whether a completion typed by a trigger character is worth asking for. Space, `:`, `{` and `.` trigger the
 * provider, but only a few places after them have something to offer: a value after `key: `, a list item after
 * `- `, names after `{{ `, environment variables after `${env:`, data columns after `source.` inside `{{ }}`.
 * Without this check every space typed in indentation would open the list of keys.
 */
export function worthCompletingAfter(lineBefore: string, triggerCharacter: string | undefined): boolean {
  if (triggerCharacter === undefined) return true;
  // A comment line has nothing to complete while typing; a trailing comment (` # ...`) is rare enough to ignore.
  if (/^\s*#/.test(lineBefore)) return false;
  const insideTemplate = lineBefore.lastIndexOf('{{') > lineBefore.lastIndexOf('}}');
  switch (triggerCharacter) {
    case ' ':
      return /\S:\s$/.test(lineBefore) || /^\s*(?:-\s+)+$/.test(lineBefore) || /\{\{\s+$/.test(lineBefore);
    case ':':
      return /\$\{env:$/.test(lineBefore);
    case '{':
      return /\{\{$/.test(lineBefore);
    case '.':
      return insideTemplate && /[A-Za-z_][A-Za-z0-9_]*\.$/.test(lineBefore);
    default:
      return true;
  }
}

/** The characters that ask for completions as they are typed; see worthCompletingAfter. */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = [' ', ':', '{', '.'];
