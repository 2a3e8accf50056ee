// Reads YAML text into a small tree of maps, lists and scalars that carry their offsets in the file. Everything
// after this file works on that tree, never on the yaml package's types. Hostile input stops here: binary data,
// huge files, alias bombs, runaway nesting and several documents each become one problem instead of a crash.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar, type Document, type ParsedNode } from 'yaml';
import { excerpt } from './value-problem';

export interface OffsetRange {
  start: number;
  end: number;
}

export type YNode = YMap | YSeq | YScalar;

export interface YMap extends OffsetRange {
  kind: 'map';
  entries: readonly YEntry[];
}

export interface YEntry {
  key: string;
  keyRange: OffsetRange;
  /** A key without a value holds a null scalar placed just after the key. */
  value: YNode;
}

export interface YSeq extends OffsetRange {
  kind: 'seq';
  items: readonly YNode[];
}

export interface YScalar extends OffsetRange {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The value as text; plain scalars keep their source (`1.10` stays `1.10`, not 1.1). */
  text: string;
  style: 'plain' | 'single' | 'double' | 'block';
  /** Offset of `text`'s first character in the file when every character of `text` sits at its own offset. */
  textStart?: number;
}

export interface YamlProblem extends OffsetRange {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  fix?: { title: string; replacement: string };
}

export interface ParsedYaml {
  root?: YNode;
  problems: YamlProblem[];
}

/** Bounds that keep hostile input from exhausting time or memory. */
export const LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  /** Values in the expanded tree: far above any real scenario, far below what an alias bomb expands to. */
  maxNodes: 200_000,
  maxDepth: 64,
  /** Unbalanced `[`/`{` in the raw text; the yaml parser exhausts memory long before a million. */
  maxFlowNesting: 256,
};

/** Reads the first YAML document of `text` into a located tree, with every problem found on the way. */
export function parseYaml(text: string): ParsedYaml {
  const refusal = refuseHostileText(text);
  if (refusal) return { problems: [refusal] };
  // The parser's own duplicate-key check is quadratic in the keys of a mapping; the tree builder does it in linear time.
  const documents = parseAllDocuments(text, { keepSourceTokens: true, prettyErrors: false, uniqueKeys: false });
  if (!Array.isArray(documents) || documents.length === 0) return { problems: [] };
  const [document, ...others] = documents;
  if (!document) return { problems: [] };
  const problems = syntaxProblems(text, document);
  const extra = others.find((other) => other.contents !== null);
  if (extra) {
    const start = extra.range[0];
    problems.push({ code: 'multiple-documents', severity: 'error', message: 'A scenario file holds one YAML document: remove the `---` and what follows, or move it to its own file.', start, end: Math.min(text.length, start + 3) });
  }
  if (document.contents === null) return { problems };
  const converter = new TreeBuilder(text, document, problems);
  const root = converter.build(document.contents);
  return converter.overflowed ? { problems } : { root, problems };
}

function refuseHostileText(text: string): YamlProblem | undefined {
  const firstLine = { start: 0, end: Math.max(0, Math.min(text.length, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'))) };
  if (text.length > LIMITS.maxBytes) {
    return { ...firstLine, code: 'file-too-large', severity: 'error', message: `This file is ${(text.length / 1024 / 1024).toFixed(1)} MB; a scenario is at most ${LIMITS.maxBytes / 1024 / 1024} MB. Put large data in CSV files under data:.` };
  }
  const controls = text.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > 16) {
    return { ...firstLine, code: 'not-text', severity: 'error', message: 'This file holds binary data, not YAML text.' };
  }
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x5b || char === 0x7b) depth++;
    else if ((char === 0x5d || char === 0x7d) && depth > 0) depth--;
    if (depth > LIMITS.maxFlowNesting) {
      return { start: index, end: index + 1, code: 'too-deep', severity: 'error', message: `Brackets nest more than ${LIMITS.maxFlowNesting} levels deep; a scenario never needs that.` };
    }
  }
  return undefined;
}

// A value starting with `>` (or `|`) starts a YAML block scalar; `rps: >= 50/s` is the classic trap.
const UNQUOTED_COMPARISON = /^(\s*(?:-\s+)?[^\s#][^#]*?:\s+)(>=?\s*[-\d.][^#]*?)\s*(?:#.*)?$/;

/**
 * The YAML errors worth showing. Most syntax errors cascade (one missing quote breaks every line after it), so only
 * the first generic one is kept; errors whose cause is certain (an unquoted `>`, a JSON path with `[` inside `{ }`)
 * come with their own message and fix, and duplicate keys are independent of each other.
 */
function syntaxProblems(text: string, document: Document.Parsed): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const explained = new Set<number>();
  let genericReported = false;
  for (const error of document.errors) {
    const [start, end] = error.pos;
    const cause = knownCause(text, start);
    if (cause) {
      if (!explained.has(cause.start)) problems.push(cause);
      explained.add(cause.start);
      continue;
    }
    if (genericReported || explained.size > 0) continue;
    genericReported = true;
    problems.push({ code: 'yaml-syntax', severity: 'error', message: `YAML: ${firstSentence(error.message)}`, start, end: Math.max(end, start + 1) });
  }
  for (const warning of document.warnings) {
    const [start, end] = warning.pos;
    problems.push({ code: 'yaml-warning', severity: 'warning', message: `YAML: ${firstSentence(warning.message)}`, start, end: Math.max(end, start + 1) });
  }
  return problems;
}

/** A syntax error whose cause is certain, with the exact fix. */
function knownCause(text: string, offset: number): YamlProblem | undefined {
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const newline = text.indexOf('\n', offset);
  const line = text.slice(lineStart, newline < 0 ? text.length : newline);
  const comparison = UNQUOTED_COMPARISON.exec(line);
  if (comparison?.[1] !== undefined && comparison[2] !== undefined) {
    const expression = comparison[2];
    const start = lineStart + comparison[1].length;
    return {
      code: 'quote-expression',
      severity: 'error',
      message: `Quote the expression: '${expression}'. Unquoted, a value starting with > begins a YAML folded text block.`,
      start,
      end: start + expression.length,
      fix: { title: `Quote: '${expression}'`, replacement: `'${expression}'` },
    };
  }
  const path = unquotedJsonPathAt(text, offset, lineStart);
  if (!path) return undefined;
  return {
    code: 'quote-json-path',
    severity: 'error',
    message: `Quote the JSON path: '${path.text}'. Inside { }, the brackets [ ] are YAML syntax.`,
    start: path.start,
    end: path.start + path.text.length,
    fix: { title: `Quote: '${path.text}'`, replacement: `'${path.text}'` },
  };
}

/** A plain `$.a[0].b` inside a flow mapping whose `[` the parser tripped over. */
function unquotedJsonPathAt(text: string, offset: number, lineStart: number): { start: number; text: string } | undefined {
  if (text.charAt(offset) !== '[' && text.charAt(offset) !== ']') return undefined;
  let start = offset;
  while (start > lineStart && !/[\s,{]/.test(text.charAt(start - 1))) start--;
  if (text.charAt(start) !== '$') return undefined;
  let end = start;
  let depth = 0;
  for (; end < text.length; end++) {
    const char = text.charAt(end);
    if (char === '[') depth++;
    else if (char === ']') depth--;
    else if (depth <= 0 && /[\s,}\n]/.test(char)) break;
  }
  return { start, text: text.slice(start, end) };
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

type YamlValue = ParsedNode | null;

class TreeBuilder {
  private nodes = 0;
  private readonly anchors = new Map<string, ParsedNode>();
  private readonly expanding = new Set<ParsedNode>();
  overflowed = false;

  constructor(
    private readonly text: string,
    private readonly document: Document.Parsed,
    private readonly problems: YamlProblem[],
  ) {}

  build(node: ParsedNode): YNode {
    return this.convert(node, 0, node.range[0]);
  }

  private fail(code: string, message: string, range: OffsetRange): YScalar {
    this.problems.push({ code, severity: 'error', message, start: range.start, end: Math.max(range.end, range.start + 1) });
    return nullScalar(range.start);
  }

  private convert(node: YamlValue | undefined, depth: number, at: number): YNode {
    if (node === null || node === undefined) return nullScalar(at);
    if (this.overflowed) return nullScalar(at);
    if (++this.nodes > LIMITS.maxNodes) {
      this.overflowed = true;
      return this.fail('too-large', `This document expands to more than ${LIMITS.maxNodes} values (aliases repeating aliases?). Simplify it.`, rangeOf(node));
    }
    if (depth > LIMITS.maxDepth) {
      this.overflowed = true;
      return this.fail('too-deep', `Values nest more than ${LIMITS.maxDepth} levels deep.`, rangeOf(node));
    }
    if (node.anchor) this.anchors.set(node.anchor, node);
    if (isAlias(node)) return this.expandAlias(node.source, rangeOf(node), depth);
    if (isMap(node)) return this.convertMap(node.items, rangeOf(node), depth);
    if (isSeq(node)) {
      return { kind: 'seq', ...rangeOf(node), items: node.items.map((item) => this.convert(item, depth + 1, node.range[0])) };
    }
    if (isScalar(node)) return this.convertScalar(node);
    return this.fail('yaml-syntax', 'Unsupported YAML value.', rangeOf(node));
  }

  private expandAlias(name: string, range: OffsetRange, depth: number): YNode {
    const target = this.anchors.get(name);
    if (!target) return this.fail('yaml-syntax', `YAML: unknown alias *${name}: define &${name} before using it.`, range);
    if (this.expanding.has(target)) return this.fail('yaml-syntax', `YAML: the alias *${name} refers to itself.`, range);
    this.expanding.add(target);
    try {
      return this.convert(target, depth + 1, range.start);
    } finally {
      this.expanding.delete(target);
    }
  }

  private convertMap(items: readonly { key: unknown; value: unknown }[], range: OffsetRange, depth: number): YMap {
    const explicit: YEntry[] = [];
    const merged: YEntry[] = [];
    const keys = new Set<string>();
    for (const pair of items) {
      const key = pair.key;
      const keyNode = isNodeValue(key) ? key : null;
      const value = isNodeValue(pair.value) ? pair.value : null;
      if (keyNode && isScalar(keyNode) && keyNode.value === '<<' && keyNode.type === Scalar.PLAIN) {
        merged.push(...this.mergeEntries(value, depth));
        continue;
      }
      const keyRange = keyNode ? rangeOf(keyNode) : { start: value?.range[0] ?? range.start, end: value?.range[0] ?? range.start };
      const keyText = this.keyText(keyNode, keyRange);
      if (keyText === undefined) continue;
      if (keys.has(keyText)) {
        this.fail('duplicate-key', `The key '${excerpt(keyText)}' appears twice in this mapping; keep one.`, keyRange);
        continue;
      }
      keys.add(keyText);
      explicit.push({ key: keyText, keyRange, value: this.convert(value, depth + 1, keyRange.end) });
    }
    const entries = [...explicit];
    for (const entry of merged) {
      if (keys.has(entry.key)) continue;
      keys.add(entry.key);
      entries.push(entry);
    }
    return { kind: 'map', ...range, entries };
  }

  /** `<<: *defaults` (or a list of aliases): the referenced maps' entries, earlier ones first. */
  private mergeEntries(value: YamlValue, depth: number): YEntry[] {
    const source = value ? this.convert(value, depth + 1, value.range[0]) : undefined;
    const maps = source?.kind === 'seq' ? source.items : source ? [source] : [];
    const entries: YEntry[] = [];
    for (const map of maps) {
      if (map.kind === 'map') entries.push(...map.entries);
      else this.fail('yaml-syntax', 'YAML: a merge key (<<) takes a map or a list of maps.', map);
    }
    return entries;
  }

  private keyText(key: ParsedNode | null, range: OffsetRange): string | undefined {
    if (key === null) return '';
    const resolved = isAlias(key) ? this.anchors.get(key.source) : key;
    if (resolved && isScalar(resolved)) {
      const value = resolved.value;
      return value === null || value === undefined ? '' : String(value);
    }
    this.fail('complex-key', 'Keys must be plain names, not lists or maps.', range);
    return undefined;
  }

  private convertScalar(node: Scalar.Parsed): YScalar {
    const range = rangeOf(node);
    const source = this.text.slice(range.start, range.end);
    const raw: unknown = node.value;
    const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : raw === null ? null : source;
    const style = styleOf(node.type);
    const text = typeof value === 'string' ? value : source;
    const scalar: YScalar = { kind: 'scalar', ...range, value, text, style };
    const textStart = style === 'plain' ? range.start : style === 'single' || style === 'double' ? range.start + 1 : undefined;
    if (textStart !== undefined && this.text.startsWith(text, textStart)) scalar.textStart = textStart;
    return scalar;
  }
}

function isNodeValue(value: unknown): value is ParsedNode {
  return isAlias(value) || isMap(value) || isSeq(value) || isScalar(value);
}

function styleOf(type: Scalar.Type | undefined): YScalar['style'] {
  switch (type) {
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return 'block';
    default:
      return 'plain';
  }
}

function rangeOf(node: ParsedNode): OffsetRange {
  return { start: node.range[0], end: node.range[1] };
}

function nullScalar(at: number): YScalar {
  return { kind: 'scalar', start: at, end: at, value: null, text: '', style: 'plain' };
}

/** The entry for `key` in a map node, if any. */
export function entryOf(node: YNode | undefined, key: string): YEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((entry) => entry.key === key) : undefined;
}

/** The value under `key` in a map node, if any. */
export function valueOf(node: YNode | undefined, key: string): YNode | undefined {
  return entryOf(node, key)?.value;
}
