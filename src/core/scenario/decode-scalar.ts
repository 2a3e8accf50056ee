// Reads one scalar with the grammar the spec gives its key, reporting what is wrong at the exact place in the file.
import type { DiagnosticSink } from './diagnostic-sink';
import { parseDuration } from './duration';
import type { Template, TemplateValue, ThinkTime } from './model';
import { parseRate, type Rate } from './rate';
import { metricSpec, type Grammar } from './spec';
import { parseTargetExpression, type TargetExpression } from './target-expression';
import { parseTemplate, type ParsedTemplate } from './template';
import { parseThinkTime } from './think-time';
import { parseSeriesSelector } from '../monitors/series-selector';
import { excerpt, type Parsed, type ValueProblem } from './value-problem';
import type { OffsetRange, YNode, YScalar } from './yaml-tree';

/** A `{{ }}` name with its place in the file. */
export interface LocatedName {
  path: readonly string[];
  range: OffsetRange;
}

/** A scalar (or JSON value) after its grammar accepted it. */
export type Decoded =
  | { type: 'text'; text: string }
  | { type: 'template'; template: Template; names: readonly LocatedName[] }
  | { type: 'duration'; seconds: number }
  | { type: 'rate'; rate: Rate }
  | { type: 'thinkTime'; thinkTime: ThinkTime }
  | { type: 'target'; target: TargetExpression; expression: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'json'; value: TemplateValue; names: readonly LocatedName[] };

/** Decoded values by node, as accepted by the walker. */
export type DecodedValues = ReadonlyMap<YNode, Decoded>;

export interface DecodeContext {
  sink: DiagnosticSink;
  /** Reads the environment of the coming run, to warn about `${env:NAME}` with no value and no default. */
  env: (name: string) => string | undefined;
}

/** Reads a scalar with a grammar; undefined after reporting why it could not. */
export function decodeScalar(node: YScalar, grammar: Grammar, label: string, ctx: DecodeContext): Decoded | undefined {
  switch (grammar.type) {
    case 'text':
      return { type: 'text', text: node.text };
    case 'template':
      return decodeTemplate(node, ctx);
    case 'url':
      return decodeUrl(node, label, ctx, grammar.orPath === true);
    case 'seriesSelector':
      return decodeSeriesSelector(node, label, ctx, grammar.orNumber === true);
    case 'processId':
      return decodeProcessId(node, label, ctx);
    case 'path':
      return decodePath(node, label, ctx);
    case 'duration':
      return accept(node, label, ctx, parseDuration(node.text, { allowZero: grammar.allowZero }), (seconds) => ({ type: 'duration', seconds }));
    case 'rate':
      return accept(node, label, ctx, parseRate(node.text, { allowZero: grammar.allowZero }), (rate) => ({ type: 'rate', rate }));
    case 'thinkTime':
      return accept(node, label, ctx, parseThinkTime(node.text), (thinkTime) => ({ type: 'thinkTime', thinkTime }));
    case 'target':
      return decodeTarget(node, grammar.metric, ctx);
    case 'integer':
    case 'number':
      return decodeNumber(node, grammar, label, ctx);
    case 'boolean':
      if (typeof node.value === 'boolean') return { type: 'boolean', value: node.value };
      return reject(node, ctx, { code: 'bad-value', message: `\`${label}\` is true or false.`, ...booleanFix(node.text) });
    case 'enum': {
      const allowed = grammar.values.map((value) => value.value);
      if (allowed.includes(node.text)) return { type: 'text', text: node.text };
      const near = allowed.find((value) => value.toLowerCase() === node.text.toLowerCase());
      return reject(node, ctx, {
        code: 'bad-value',
        message: `\`${label}\` is one of ${allowed.join(', ')}, not '${excerpt(node.text)}'.`,
        ...(near ? { fix: { title: `Change to ${near}`, replacement: near } } : {}),
      });
    }
    case 'jsonPath':
      return decodeJsonPath(node, label, ctx);
    case 'regex':
      try {
        new RegExp(node.text);
        return { type: 'text', text: node.text };
      } catch (error) {
        return reject(node, ctx, { code: 'bad-regex', message: `Not a valid regular expression: ${error instanceof Error ? error.message : String(error)}.` });
      }
  }
}

function accept<T>(node: YScalar, label: string, ctx: DecodeContext, parsed: Parsed<T>, wrap: (value: T) => Decoded): Decoded | undefined {
  if (parsed.ok) return wrap(parsed.value);
  return reject(node, ctx, { ...parsed.problem, message: `\`${label}\`: ${parsed.problem.message}` });
}

function reject(node: YScalar, ctx: DecodeContext, problem: ValueProblem): undefined {
  reportProblem(node, ctx.sink, problem);
  return undefined;
}

/** Reports a value problem at its exact characters when the scalar maps one-to-one onto the file, else on the whole value. */
export function reportProblem(node: YScalar, sink: DiagnosticSink, problem: ValueProblem): void {
  const narrow = problem.start !== undefined && problem.end !== undefined;
  let range: OffsetRange = { start: node.start, end: Math.max(node.end, node.start + 1) };
  let fix = problem.fix;
  if (narrow && node.textStart !== undefined) {
    range = { start: node.textStart + (problem.start ?? 0), end: node.textStart + Math.max(problem.end ?? 0, (problem.start ?? 0) + 1) };
  } else if (narrow) {
    fix = undefined; // A partial replacement cannot be placed inside a value whose text moved (escapes, folding).
  } else if (fix) {
    fix = { ...fix, replacement: scalarReplacement(node, fix.replacement) };
  }
  sink.report(problem.severity ?? 'error', problem.code, problem.message, range, fix);
}

// Characters that would change the meaning of an unquoted YAML scalar.
const NEEDS_QUOTES = /^[>|&*!%@`'"{}[\],#?-]|: | #|^$|:$/;

/** The source text that replaces a scalar's value, quoted the same way (or quoted when it must be). */
export function scalarReplacement(node: YScalar, value: string): string {
  if (node.style === 'double') return JSON.stringify(value);
  if (node.style === 'single' || NEEDS_QUOTES.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

function booleanFix(text: string): Pick<ValueProblem, 'fix'> {
  const lower = text.toLowerCase();
  if (['yes', 'y', 'on', '1'].includes(lower)) return { fix: { title: 'Change to true', replacement: 'true' } };
  if (['no', 'n', 'off', '0'].includes(lower)) return { fix: { title: 'Change to false', replacement: 'false' } };
  return {};
}

function decodeNumber(node: YScalar, grammar: Extract<Grammar, { type: 'integer' | 'number' }>, label: string, ctx: DecodeContext): Decoded | undefined {
  const value = node.value;
  const whole = grammar.type === 'integer';
  const noun = whole ? 'a whole number' : 'a number';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const at = { start: node.start, end: Math.max(node.end, node.start + 1) };
    if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
      // Replaces the quotes too, so the fix bypasses the quote-keeping of reportProblem.
      ctx.sink.error('bad-value', `\`${label}\` is ${noun}: write it without quotes.`, at, { title: `Unquote ${value.trim()}`, replacement: value.trim() });
      return undefined;
    }
    return reject(node, ctx, { code: 'bad-value', message: `\`${label}\` is ${noun}, not '${excerpt(node.text)}'.` });
  }
  if (whole && !Number.isInteger(value)) return reject(node, ctx, { code: 'bad-value', message: `\`${label}\` is a whole number, not ${value}.` });
  if (grammar.type === 'integer' && value < grammar.min) return reject(node, ctx, { code: 'out-of-range', message: `\`${label}\` must be at least ${grammar.min}.` });
  if (grammar.type === 'integer' && grammar.max !== undefined && value > grammar.max) return reject(node, ctx, { code: 'out-of-range', message: `\`${label}\` must be at most ${grammar.max}.` });
  if (grammar.type === 'number' && value <= grammar.exclusiveMin) return reject(node, ctx, { code: 'out-of-range', message: `\`${label}\` must be more than ${grammar.exclusiveMin}.` });
  return { type: 'number', value };
}

function decodeTarget(node: YScalar, metric: string, ctx: DecodeContext): Decoded | undefined {
  const spec = metricSpec(metric);
  if (!spec) return undefined;
  if (node.style === 'block' || (node.text.trim() === '' && node.value !== null)) {
    return reject(node, ctx, { code: 'quote-expression', message: `Quote the expression, e.g. '${spec.examples[0]?.replace(/'/g, '') ?? '< 200ms'}': a value starting with > or | begins a YAML text block.` });
  }
  const parsed = parseTargetExpression(node.text, metric, spec.kind);
  if (parsed.ok) return { type: 'target', target: parsed.value, expression: node.text.trim() };
  return reject(node, ctx, { ...parsed.problem, message: `\`${metric}\`: ${parsed.problem.message}` });
}

function decodeJsonPath(node: YScalar, label: string, ctx: DecodeContext): Decoded | undefined {
  const text = node.text.trim();
  if (/^\$(?:\.[A-Za-z_$][\w$-]*|\[\d+\]|\[\*\]|\.\*|\['[^']*'\]|\["[^"]*"\])*$/.test(text)) return { type: 'text', text };
  const plain = /^[A-Za-z_][\w.-]*$/.test(text);
  return reject(node, ctx, {
    code: 'bad-json-path',
    message: `\`${label}\`: '${excerpt(text)}' is not a JSON path: start at $ and go down with .name and [index], e.g. $.items[0].id.`,
    ...(plain ? { fix: { title: `Change to $.${text}`, replacement: `$.${text}` } } : {}),
  });
}

/** Parses a template scalar, reports its problems, and warns about environment variables the run will not have. */
export function decodeTemplate(node: YScalar, ctx: DecodeContext): Extract<Decoded, { type: 'template' }> {
  const parsed = parseTemplate(node.text);
  for (const problem of parsed.problems) reportProblem(node, ctx.sink, problem);
  warnUnsetEnv(node, parsed, ctx);
  return { type: 'template', template: parsed.template, names: parsed.names.map((name) => ({ path: name.path, range: rangeInScalar(node, name.start, name.end) })) };
}

function warnUnsetEnv(node: YScalar, parsed: ParsedTemplate, ctx: DecodeContext): void {
  for (const reference of parsed.env) {
    if (reference.fallback !== undefined || ctx.env(reference.name) !== undefined) continue;
    const fix = node.textStart === undefined ? undefined : { title: `Add a default: \${env:${reference.name}:-...}`, replacement: `\${env:${reference.name}:-}` };
    ctx.sink.report('warning', 'env-unset', `\${env:${reference.name}} has no default and ${reference.name} is not set: set it before the run, or write \${env:${reference.name}:-default}.`, rangeInScalar(node, reference.start, reference.end), fix);
  }
}

/** The file range of characters `start`..`end` of a scalar's text, or the whole scalar when they cannot be placed. */
export function rangeInScalar(node: YScalar, start: number, end: number): OffsetRange {
  if (node.textStart === undefined) return { start: node.start, end: node.end };
  return { start: node.textStart + start, end: node.textStart + end };
}

function decodeUrl(node: YScalar, label: string, ctx: DecodeContext, orPath: boolean): Decoded | undefined {
  const decoded = decodeTemplate(node, ctx);
  if (decoded.template.some((part) => part.kind === 'expr')) {
    return reject(node, ctx, { code: 'bad-target-url', message: `\`${label}\` is fixed for the whole run, so it cannot use {{ }}; read it from the environment with \${env:NAME} instead.` });
  }
  const first = decoded.template[0];
  if (first?.kind !== 'text') return decoded;
  const whole = decoded.template.length === 1;
  if (orPath && first.text.startsWith('/')) return decoded;
  if (/^https?:\/\//i.test(first.text)) {
    if (whole && !URL.canParse(first.text)) return reject(node, ctx, { code: 'bad-target-url', message: `\`${label}\`: '${excerpt(first.text)}' is not a valid URL.` });
    return decoded;
  }
  const looksLikeHost = /^[\w.-]+(:\d+)?(\/|$)/.test(first.text);
  return reject(node, ctx, {
    code: 'bad-target-url',
    message: orPath ? `\`${label}\` is a URL starting with http:// or https://, or a path starting with / (joined to the target).` : `\`${label}\` must start with http:// or https://.`,
    ...(looksLikeHost && whole ? { fix: { title: `Change to http://${first.text}`, replacement: `http://${first.text}` } } : {}),
  });
}

function decodeSeriesSelector(node: YScalar, label: string, ctx: DecodeContext, orNumber: boolean): Decoded | undefined {
  if (orNumber && typeof node.value === 'number') {
    if (Number.isFinite(node.value) && node.value > 0) return { type: 'number', value: node.value };
    return reject(node, ctx, { code: 'bad-value', message: `\`${label}\` is a number above 0, or the name of a series.` });
  }
  const parsed = parseSeriesSelector(node.text);
  if (parsed.ok) return { type: 'text', text: node.text.trim() };
  return reject(node, ctx, { code: 'bad-series', message: `Not a series name: ${parsed.message}`, start: parsed.offset, end: Math.min(node.text.length, parsed.offset + 1) });
}

function decodeProcessId(node: YScalar, label: string, ctx: DecodeContext): Decoded | undefined {
  if (typeof node.value === 'number') {
    if (Number.isInteger(node.value) && node.value > 0) return { type: 'template', template: [{ kind: 'text', text: String(node.value) }], names: [] };
    return reject(node, ctx, { code: 'bad-value', message: `\`${label}\` is a process id: a whole number above 0.` });
  }
  const decoded = decodeTemplate(node, ctx);
  if (decoded.template.some((part) => part.kind === 'expr')) {
    return reject(node, ctx, { code: 'bad-value', message: `\`${label}\` is fixed for the whole run, so it cannot use {{ }}; read it from the environment with \${env:NAME} instead.` });
  }
  if (decoded.template.every((part) => part.kind === 'text')) {
    return reject(node, ctx, { code: 'bad-value', message: `\`${label}\` is a process id (a whole number above 0) or \${env:NAME}, not '${excerpt(node.text)}'.` });
  }
  return decoded;
}

function decodePath(node: YScalar, label: string, ctx: DecodeContext): Decoded | undefined {
  const decoded = decodeTemplate(node, ctx);
  const first = decoded.template[0];
  if (first === undefined) return reject(node, ctx, { code: 'missing-value', message: `\`${label}\` needs a path, e.g. /api/items.` });
  if (first.kind === 'text' && !first.text.startsWith('/') && !/^https?:\/\//i.test(first.text)) {
    const fix = decoded.template.length === 1 ? { title: `Change to /${first.text}`, replacement: scalarReplacement(node, `/${first.text}`) } : undefined;
    ctx.sink.report('warning', 'relative-path', `\`${label}\`: '${excerpt(node.text)}' is joined to the target as /${excerpt(node.text)}; write the leading / (or a full http:// URL).`, { start: node.start, end: node.end }, fix);
  }
  return decoded;
}

/** Converts any YAML value into a JSON-like value whose strings are templates (request bodies, variables). */
export function decodeJson(node: YNode, ctx: DecodeContext): Extract<Decoded, { type: 'json' }> {
  const names: LocatedName[] = [];
  const convert = (value: YNode): TemplateValue => {
    switch (value.kind) {
      case 'map':
        return { kind: 'object', entries: value.entries.map((entry) => [entry.key, convert(entry.value)] as const) };
      case 'seq':
        return { kind: 'array', items: value.items.map(convert) };
      case 'scalar': {
        if (typeof value.value !== 'string') return { kind: 'literal', value: value.value };
        const decoded = decodeTemplate(value, ctx);
        names.push(...decoded.names);
        return { kind: 'template', template: decoded.template };
      }
    }
  };
  return { type: 'json', value: convert(node), names };
}
