// The Prometheus text exposition format 0.0.4, read leniently: a line that is not a comment and not a valid
// sample is counted and skipped, never thrown on, because one odd line from an exporter must not cost the
// whole reading. One pass over the text with index arithmetic keeps a large body (several MB) fast.

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface PrometheusSample {
  /** The sample's own name: `http_request_duration_seconds_bucket`, not the family's. */
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface ParsedExposition {
  /** Every valid sample, in the order of the text. */
  samples: PrometheusSample[];
  /** The type each `# TYPE` line declared, by the name it declared it for. */
  types: ReadonlyMap<string, MetricType>;
  /** The same samples grouped by name, so a lookup need not scan them all. */
  byName: ReadonlyMap<string, readonly PrometheusSample[]>;
  /** Lines that were neither comments, blank, nor valid samples. */
  skippedLines: number;
}

const metricTypes: readonly MetricType[] = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];

/** Parses a Prometheus text exposition; junk lines are skipped and counted. */
export function parsePrometheusText(text: string): ParsedExposition {
  const samples: PrometheusSample[] = [];
  const types = new Map<string, MetricType>();
  const byName = new Map<string, PrometheusSample[]>();
  let skippedLines = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    let lineEnd = newline < 0 ? text.length : newline;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === CR) lineEnd -= 1;
    const start = skipBlanks(text, lineStart, lineEnd);
    if (start < lineEnd) {
      if (text.charCodeAt(start) === HASH) {
        readTypeComment(text, start + 1, lineEnd, types);
      } else {
        const sample = readSample(text, start, lineEnd);
        if (sample === undefined) {
          skippedLines += 1;
        } else {
          samples.push(sample);
          const same = byName.get(sample.name);
          if (same === undefined) byName.set(sample.name, [sample]);
          else same.push(sample);
        }
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return { samples, types, byName, skippedLines };
}

/** The family a sample belongs to and its declared type: `x_bucket`, `x_sum`, `x_count` of histogram `x` belong to `x`. */
export function metricFamily(sampleName: string, types: ReadonlyMap<string, MetricType>): { family: string; type: MetricType | undefined } {
  const own = types.get(sampleName);
  if (own !== undefined) return { family: sampleName, type: own };
  for (const suffix of ['_bucket', '_sum', '_count'] as const) {
    if (!sampleName.endsWith(suffix)) continue;
    const family = sampleName.slice(0, -suffix.length);
    const type = types.get(family);
    if (type === 'histogram' || (type === 'summary' && suffix !== '_bucket')) return { family, type };
  }
  // OpenMetrics declares a counter without its `_total`; 0.0.4 exporters that copy it are common.
  if (sampleName.endsWith('_total')) {
    const family = sampleName.slice(0, -'_total'.length);
    if (types.get(family) === 'counter') return { family, type: 'counter' };
  }
  return { family: sampleName, type: undefined };
}

const CR = 13;
const HASH = 35;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const COMMA = 44;
const EQUALS = 61;

function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) break;
    i += 1;
  }
  return i;
}

function isNameStart(c: number, allowColon: boolean): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (allowColon && c === 58);
}

function isNamePart(c: number, allowColon: boolean): boolean {
  return isNameStart(c, allowColon) || (c >= 48 && c <= 57);
}

/** The end of the name starting at `from`, or `from` itself when none starts there. */
function nameEnd(text: string, from: number, end: number, allowColon: boolean): number {
  if (from >= end || !isNameStart(text.charCodeAt(from), allowColon)) return from;
  let i = from + 1;
  while (i < end && isNamePart(text.charCodeAt(i), allowColon)) i += 1;
  return i;
}

function tokenEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) break;
    i += 1;
  }
  return i;
}

// `# TYPE name type` is the only comment that matters here; `# HELP` and free comments are ignored.
function readTypeComment(text: string, from: number, end: number, types: Map<string, MetricType>): void {
  let i = skipBlanks(text, from, end);
  if (!text.startsWith('TYPE', i)) return;
  i += 4;
  const nameStart = skipBlanks(text, i, end);
  if (nameStart === i) return;
  const afterName = nameEnd(text, nameStart, end, true);
  if (afterName === nameStart) return;
  const typeStart = skipBlanks(text, afterName, end);
  const typeWord = text.slice(typeStart, tokenEnd(text, typeStart, end));
  const type = metricTypes.find((t) => t === typeWord);
  if (type !== undefined) types.set(text.slice(nameStart, afterName), type);
}

function readSample(text: string, start: number, end: number): PrometheusSample | undefined {
  const afterName = nameEnd(text, start, end, true);
  if (afterName === start) return undefined;
  const name = text.slice(start, afterName);
  let i = skipBlanks(text, afterName, end);
  const pairs: [string, string][] = [];
  if (i < end && text.charCodeAt(i) === OPEN_BRACE) {
    const closed = readLabels(text, i + 1, end, pairs);
    if (closed === undefined) return undefined;
    i = skipBlanks(text, closed, end);
  }
  const valueEnd = tokenEnd(text, i, end);
  const value = parseSampleValue(text.slice(i, valueEnd));
  if (value === undefined) return undefined;
  i = skipBlanks(text, valueEnd, end);
  if (i < end) {
    // An optional timestamp in milliseconds; readings are stamped with the time they were taken instead.
    const timestampEnd = tokenEnd(text, i, end);
    if (!/^-?\d+$/.test(text.slice(i, timestampEnd))) return undefined;
    if (skipBlanks(text, timestampEnd, end) < end) return undefined;
  }
  return { name, labels: Object.fromEntries(pairs), value };
}

/** Reads `a="x",b="y"}` from just after the `{`; returns the index after the `}`, or undefined for junk. */
function readLabels(text: string, from: number, end: number, pairs: [string, string][]): number | undefined {
  let i = from;
  for (;;) {
    i = skipBlanks(text, i, end);
    if (i >= end) return undefined;
    if (text.charCodeAt(i) === CLOSE_BRACE) return i + 1;
    const labelEnd = nameEnd(text, i, end, false);
    if (labelEnd === i) return undefined;
    const label = text.slice(i, labelEnd);
    i = skipBlanks(text, labelEnd, end);
    if (text.charCodeAt(i) !== EQUALS) return undefined;
    i = skipBlanks(text, i + 1, end);
    if (text.charCodeAt(i) !== QUOTE) return undefined;
    const value = readQuoted(text, i + 1, end);
    if (value === undefined) return undefined;
    pairs.push([label, value.text]);
    i = skipBlanks(text, value.next, end);
    const c = text.charCodeAt(i);
    if (c === COMMA) i += 1;
    else if (c !== CLOSE_BRACE) return undefined;
  }
}

/** A label value up to its closing quote, with `\\`, `\"` and `\n` unescaped. */
function readQuoted(text: string, from: number, end: number): { text: string; next: number } | undefined {
  let out = '';
  let chunkStart = from;
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return { text: out + text.slice(chunkStart, i), next: i + 1 };
    if (c === BACKSLASH && i + 1 < end) {
      out += text.slice(chunkStart, i);
      const escaped = text[i + 1];
      // The format defines only these three; anything else is kept as written rather than dropped.
      out += escaped === 'n' ? '\n' : escaped === '\\' || escaped === '"' ? escaped : `\\${escaped ?? ''}`;
      i += 2;
      chunkStart = i;
      continue;
    }
    i += 1;
  }
  return undefined;
}

const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A sample value as Go's ParseFloat reads it: decimals, exponents, NaN and ±Inf in any case. */
export function parseSampleValue(token: string): number | undefined {
  if (token === '') return undefined;
  if (decimal.test(token)) return Number(token);
  const lower = token.toLowerCase();
  if (lower === 'nan') return NaN;
  if (lower === '+inf' || lower === 'inf' || lower === '+infinity' || lower === 'infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  return undefined;
}
