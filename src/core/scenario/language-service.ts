// Editor features without an editor: hover text and completion items for a scenario, computed from the text, a
// cursor position and the spec. The VS Code extension maps these plain objects onto its own types.
import path from 'node:path';
import { parseCsvHeader } from './csv-header';
import type { ScenarioHost } from './data-sources';
import { durationInWords, parseDuration } from './duration';
import { LineIndex } from './line-index';
import type { SourceRange } from './model';
import { parseRate, rateInWords } from './rate';
import {
  BUILTIN_FUNCTIONS,
  BUILTIN_NAMES,
  FUNCTION_NAMES,
  HTTP_METHODS,
  metricSpec,
  type KeySpec,
  type ObjectSpec,
  type ValueSpec,
} from './spec';
import { keyMarkdown } from './spec-docs';
import { locate, visitObjects, type Spot } from './spec-tree';
import { describeTarget, parseTargetExpression } from './target-expression';
import { parseTemplate } from './template';
import { parseThinkTime, thinkTimeInWords } from './think-time';
import { parseYaml, valueOf, type YMap, type YNode, type YScalar } from './yaml-tree';

export interface Hover {
  markdown: string;
  range: SourceRange;
}

export type CompletionKind = 'key' | 'value' | 'snippet' | 'variable' | 'function';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail: string;
  documentation: string;
  /** Text to insert; for `snippet` items it uses `${1:placeholder}` tab stops. */
  insertText: string;
  /** The characters the item replaces (the word typed so far). */
  range: SourceRange;
}

/** What the editor may pass in; `onError` hears about bugs that are otherwise swallowed (an editor must not crash). */
export interface ServiceOptions {
  onError?: (error: unknown) => void;
}

export interface CompletionContext extends ServiceOptions {
  /** Absolute path of the scenario, to find data files and offer their columns. */
  file?: string;
  host?: ScenarioHost;
  /** Names of environment variables, offered inside `${env:`. */
  envNames?: readonly string[];
}

/** Documentation for the key or value under the cursor (1-based line and column), if there is any. */
export function hoverAt(text: string, line: number, column: number, options: ServiceOptions = {}): Hover | undefined {
  try {
    const lines = new LineIndex(text);
    const offset = lines.offset(line, column);
    const root = parseYaml(text).root;
    if (!root) return undefined;
    const spot = locate(root, offset);
    const hover = spot.kind === 'key' ? keyHover(spot) : valueHover(spot, offset, root);
    return hover ? { markdown: hover.markdown, range: lines.range(hover.start, hover.end) } : undefined;
  } catch (error) {
    options.onError?.(error);
    return undefined;
  }
}

interface OffsetHover {
  markdown: string;
  start: number;
  end: number;
}

function keyHover(spot: Extract<Spot, { kind: 'key' }>): OffsetHover | undefined {
  const { key, entryName } = spot.describedBy;
  const at = { start: spot.entry.keyRange.start, end: spot.entry.keyRange.end };
  if (key) return { markdown: `**${key.key}**\n\n${keyMarkdown(key)}`, ...at };
  if (entryName) return { markdown: `**${spot.entry.key}**: ${entryName.noun}\n\n${entryName.doc}`, ...at };
  return undefined;
}

function valueHover(spot: Extract<Spot, { kind: 'value' }>, offset: number, root: YNode): OffsetHover | undefined {
  const node = spot.node;
  if (node.kind !== 'scalar' || node.value === null) return undefined;
  const at = { start: node.start, end: node.end };
  const inTemplate = templatePartHover(node, offset, root);
  if (inTemplate) return inTemplate;
  const meaning = spot.spec ? valueMeaning(node, spot.spec, spot.describedBy.key) : undefined;
  const keyDoc = spot.describedBy.key ? `**${spot.describedBy.key.key}**: ${firstParagraph(spot.describedBy.key.doc)}` : undefined;
  const parts = [meaning, keyDoc].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? { markdown: parts.join('\n\n'), ...at } : undefined;
}

/** The meaning of a scalar in words: `10/s` → "10 users started per second". */
function valueMeaning(node: YScalar, spec: ValueSpec, key: KeySpec | undefined): string | undefined {
  if (spec.kind !== 'scalar') return undefined;
  const grammar = spec.grammar;
  switch (grammar.type) {
    case 'duration': {
      const parsed = parseDuration(node.text, { allowZero: true });
      return parsed.ok ? `\`${node.text}\` = ${durationInWords(parsed.value)}` : undefined;
    }
    case 'rate': {
      const parsed = parseRate(node.text, { allowZero: true });
      return parsed.ok ? `\`${node.text}\`: ${rateInWords(parsed.value, grammar.counts)}` : undefined;
    }
    case 'thinkTime': {
      const parsed = parseThinkTime(node.text);
      return parsed.ok ? `\`${node.text}\`: ${thinkTimeInWords(parsed.value)}` : undefined;
    }
    case 'target': {
      const metric = metricSpec(grammar.metric);
      if (!metric) return undefined;
      const parsed = parseTargetExpression(node.text, metric.metric, metric.kind);
      return parsed.ok ? `\`${metric.metric}: ${node.text.trim()}\`: ${describeTarget(metric.metric, metric.kind, parsed.value)}` : undefined;
    }
    case 'enum': {
      const value = grammar.values.find((candidate) => candidate.value === node.text);
      return value ? `\`${value.value}\`: ${value.doc}` : undefined;
    }
    case 'integer':
      return key?.key === 'users' && typeof node.value === 'number' ? `${node.value} concurrent users` : undefined;
    default:
      return undefined;
  }
}

/** A function, a name or an environment variable inside a template string. */
function templatePartHover(node: YScalar, offset: number, root: YNode): OffsetHover | undefined {
  if (node.textStart === undefined || typeof node.value !== 'string') return undefined;
  const index = offset - node.textStart;
  const parsed = parseTemplate(node.text);
  const place = (start: number, end: number): { start: number; end: number } => ({ start: (node.textStart ?? 0) + start, end: (node.textStart ?? 0) + end });
  const call = parsed.calls.find((found) => found.start <= index && index <= found.end);
  if (call) {
    const fn = FUNCTION_NAMES.find((name) => name === call.fn);
    return fn ? { markdown: `**${BUILTIN_FUNCTIONS[fn].signature}**\n\n${BUILTIN_FUNCTIONS[fn].doc}`, ...place(call.start, call.end) } : undefined;
  }
  const name = parsed.names.find((found) => found.start <= index && index <= found.end);
  if (name) return { markdown: nameOrigin(name.path, collectFacts(root)), ...place(name.start, name.end) };
  const env = parsed.env.find((found) => found.start <= index && index <= found.end);
  if (env) {
    const fallback = env.fallback === undefined ? 'It has no default: the run needs it set.' : `Default when unset: \`${env.fallback}\`.`;
    return { markdown: `Environment variable **${env.name}**, read when the run starts. ${fallback}`, ...place(env.start, env.end) };
  }
  return undefined;
}

function nameOrigin(namePath: readonly string[], facts: FileFacts): string {
  const [head = '', column] = namePath;
  const builtin = BUILTIN_NAMES.find((candidate) => candidate.name === head);
  if (builtin) return `**${head}** (built-in): ${builtin.doc}`;
  if (facts.variables.includes(head)) return `**${head}**: a constant from \`variables:\`.`;
  if (facts.dataSources.has(head)) return `**${namePath.join('.')}**: ${column === undefined ? 'a data source' : `column \`${column}\` of the data source`} \`${head}\` (${facts.dataSources.get(head) ?? 'CSV'}).`;
  const capturedBy = facts.captures.get(head);
  if (capturedBy) return `**${head}**: captured from the response of '${capturedBy}'.`;
  return `**${head}**: not defined in this file.`;
}

interface FileFacts {
  requestNames: string[];
  /** Captured variable → the request that captures it. */
  captures: Map<string, string>;
  variables: string[];
  /** Data source → its file as written. */
  dataSources: Map<string, string>;
}

/** Names declared anywhere in a (possibly half-written) file. */
function collectFacts(root: YNode): FileFacts {
  const facts: FileFacts = { requestNames: [], captures: new Map(), variables: [], dataSources: new Map() };
  visitObjects(root, (map, spec) => {
    if (spec.name === 'request') collectRequest(map, facts);
  });
  const keysOf = (node: YNode | undefined): YMap['entries'] => (node?.kind === 'map' ? node.entries : []);
  facts.variables = keysOf(valueOf(root, 'variables')).map((entry) => entry.key);
  for (const entry of keysOf(valueOf(root, 'data'))) {
    const file = valueOf(entry.value, 'file');
    facts.dataSources.set(entry.key, file?.kind === 'scalar' ? file.text : '');
  }
  return facts;
}

function collectRequest(map: YMap, facts: FileFacts): void {
  const name = valueOf(map, 'name');
  const method = map.entries.find((entry) => HTTP_METHODS.some((candidate) => candidate === entry.key));
  const requestName = name?.kind === 'scalar' && name.value !== null ? name.text : method && method.value.kind === 'scalar' ? `${method.key} ${method.value.text}` : undefined;
  if (requestName === undefined) return;
  facts.requestNames.push(requestName);
  const captures = valueOf(map, 'capture');
  if (captures?.kind === 'map') for (const entry of captures.entries) if (!facts.captures.has(entry.key)) facts.captures.set(entry.key, requestName);
}

function firstParagraph(doc: string): string {
  return doc.split('\n\n')[0] ?? doc;
}

// ---------------------------------------------------------------------------------------------------------------
// Completion

const MARKER = 'zzLoadscopeCursorzz';
const KEY_POSITION = /^(\s*(?:-\s+)*)([\w$.-]*)$/;

/** Completion items at the cursor (1-based line and column): keys, values, request names, `{{ }}` names and functions. */
export function completionsAt(text: string, line: number, column: number, context: CompletionContext = {}): CompletionItem[] {
  try {
    return complete(text, line, column, context);
  } catch (error) {
    context.onError?.(error);
    return [];
  }
}

function complete(text: string, line: number, column: number, context: CompletionContext): CompletionItem[] {
  const lines = new LineIndex(text);
  const offset = lines.offset(line, column);
  const lineStart = lines.offset(line, 1);
  const before = text.slice(lineStart, offset);
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  const after = text.slice(offset, lineEnd);

  const inTemplate = templateCompletions(text, before, offset, lines, context);
  if (inTemplate) return inTemplate;

  // Make the line parse the way it will read once finished: a word alone on its line is a key being typed.
  const keyPosition = KEY_POSITION.exec(before);
  const rest = after.replace(/^[\w$.-]*/, '');
  const patchedLine = keyPosition ? `${before}${MARKER}${rest.trimStart().startsWith(':') ? rest : `:${rest}`}` : `${before}${MARKER}${after}`;
  const patched = text.slice(0, lineStart) + patchedLine + text.slice(lineEnd);
  const root = parseYaml(patched).root;
  if (!root) return [];
  const spot = locate(root, offset);
  // The patched line only adds a key being typed, so the names declared in the file are the same.
  const facts = collectFacts(root);
  const prefix = keyPosition?.[2] ?? /[^\s:{},[\]]*$/.exec(before)?.[0] ?? '';
  const range = lines.range(offset - prefix.length, offset + (/^[\w$.-]*/.exec(after)?.[0].length ?? 0));
  const flow = /[{[][^}\]]*$/.test(before);

  if (spot.kind === 'key') return keyCompletions(spot, facts, range, flow);
  if (spot.node.kind === 'scalar' && spot.spec) return valueCompletions(spot.spec, spot.describedBy.key, range);
  return [];
}

function keyCompletions(spot: Extract<Spot, { kind: 'key' }>, facts: FileFacts, range: SourceRange, flow: boolean): CompletionItem[] {
  const { mapSpec } = spot;
  const present = new Set(spot.map.entries.map((entry) => entry.key).filter((key) => key !== spot.entry.key));
  if (mapSpec?.kind === 'map') return nameCompletions(mapSpec, present, facts, range, flow);
  if (mapSpec?.kind !== 'object') return [];
  const items = availableKeys(mapSpec, present).map((key) => keyItem(key, range, flow));
  // An empty item could still become another shape: offer the keys that select it (`flow:`).
  const selectors = present.size > 0 ? [] : spot.alternatives.flatMap((option) => option.keys.filter((key) => key.key === option.discriminator));
  return [...items, ...selectors.map((key) => keyItem(key, range, flow)), ...snippetsFor(mapSpec, present, range)];
}

/** Keys that may still be added: not present, not excluded by a present key (one method, one body, conflicts). */
function availableKeys(spec: ObjectSpec, present: ReadonlySet<string>): KeySpec[] {
  const excluded = new Set<string>();
  for (const group of spec.exactlyOne ?? []) if (group.keys.some((key) => present.has(key))) group.keys.forEach((key) => excluded.add(key));
  for (const group of spec.atMostOne ?? []) if (group.keys.some((key) => present.has(key))) group.keys.forEach((key) => excluded.add(key));
  for (const key of spec.keys) {
    for (const other of key.conflicts ?? []) {
      if (present.has(key.key)) excluded.add(other);
      if (present.has(other)) excluded.add(key.key);
    }
  }
  return spec.keys.filter((key) => !present.has(key.key) && !excluded.has(key.key));
}

function keyItem(key: KeySpec, range: SourceRange, flow: boolean): CompletionItem {
  const nested = key.value.kind === 'object' || key.value.kind === 'map' || key.value.kind === 'list';
  const insertText = flow || !nested ? `${key.key}: ` : key.value.kind === 'list' ? `${key.key}:\n  - ` : `${key.key}:\n  `;
  return { label: key.key, kind: 'key', detail: key.required ? `${key.key} (required)` : key.key, documentation: keyMarkdown(key), insertText, range };
}

function nameCompletions(spec: Extract<ValueSpec, { kind: 'map' }>, present: ReadonlySet<string>, facts: FileFacts, range: SourceRange, flow: boolean): CompletionItem[] {
  const candidates = spec.entry.suggestions === 'requestNames' ? facts.requestNames : spec.entry.suggestions === 'environmentNames' ? ['local', 'staging', 'production'] : [];
  const nested = spec.value.kind === 'object' || spec.value.kind === 'map';
  return [...new Set(candidates)]
    .filter((name) => !present.has(name))
    .map((name) => ({
      label: name,
      kind: 'value' as const,
      detail: spec.entry.noun,
      documentation: spec.entry.doc,
      insertText: `${yamlKey(name)}:${flow || !nested ? ' ' : '\n  '}`,
      range,
    }));
}

/** A name as a YAML key: plain when it reads back the same, single-quoted otherwise. */
function yamlKey(name: string): string {
  return /^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|[\n\t]|[:\s]$|^$/.test(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

interface Snippet {
  label: string;
  detail: string;
  body: string;
}

const REQUEST_SNIPPETS: readonly Snippet[] = [
  { label: 'GET request', detail: 'A named GET request', body: 'name: ${1:get items}\nGET: ${2:/api/items}\nexpect: { status: ${3:200} }' },
  { label: 'POST JSON request', detail: 'A named POST with a JSON body', body: 'name: ${1:create item}\nPOST: ${2:/api/items}\njson: { ${3:name}: ${4:value} }\nexpect: { status: ${5:201} }' },
];
const FLOW_SNIPPET: Snippet = { label: 'flow', detail: 'Ordered steps picked as one item of the mix', body: 'flow: ${1:checkout}\nsteps:\n  - { name: ${2:view cart}, GET: ${3:/api/cart} }\n  - { name: ${4:pay}, POST: ${5:/api/pay} }' };

/** Whole items for an empty request or mix item, and both load models for an empty `load:`. */
function snippetsFor(spec: ObjectSpec, present: ReadonlySet<string>, range: SourceRange): CompletionItem[] {
  if (present.size > 0) return [];
  const mixItem = spec.name === 'request' && spec.keys.some((key) => key.key === 'weight');
  const snippets =
    spec.name === 'request'
      ? [...REQUEST_SNIPPETS, ...(mixItem ? [FLOW_SNIPPET] : [])]
      : spec.name === 'load'
        ? LOAD_SNIPPETS
        : spec.name === 'targets' || spec.name === 'request targets'
          ? TARGET_SNIPPETS
          : [];
  return snippets.map((snippet): CompletionItem => ({
    label: snippet.label,
    kind: 'snippet',
    detail: snippet.detail,
    documentation: '```yaml\n' + snippet.body.replace(/\$\{\d+:([^}]*)\}/g, '$1') + '\n```',
    insertText: snippet.body,
    range,
  }));
}

const TARGET_SNIPPETS: readonly Snippet[] = [
  { label: 'latency and errors', detail: 'Median, p99 and error-rate targets', body: 'median: < ${1:200ms}\np99: < ${2:500ms}\nerrors: < ${3:0.1%}' },
];

const LOAD_SNIPPETS: readonly Snippet[] = [
  { label: 'closed load', detail: 'Concurrent users with a spawn rate', body: 'users: ${1:100}\nspawnRate: ${2:10/s}\nduration: ${3:5m}' },
  { label: 'open load', detail: 'Arrivals per second, whatever the latency', body: 'rate: ${1:200/s}\nduration: ${2:2m}\nmaxUsers: ${3:500}' },
];

function valueCompletions(spec: ValueSpec, key: KeySpec | undefined, range: SourceRange): CompletionItem[] {
  const scalar = spec.kind === 'choice' ? spec.options.find((option) => option.kind === 'scalar') : spec;
  if (scalar?.kind !== 'scalar') return [];
  const grammar = scalar.grammar;
  const item = (label: string, documentation: string, insertText = label): CompletionItem => ({ label, kind: 'value', detail: key?.key ?? grammar.type, documentation, insertText, range });
  switch (grammar.type) {
    case 'enum':
      return grammar.values.map((value) => item(value.value, value.doc));
    case 'boolean':
      return [item('true', 'Yes.'), item('false', 'No.')];
    case 'target': {
      const metric = metricSpec(grammar.metric);
      if (!metric) return [];
      return metric.examples.map((example) => {
        const bare = example.replace(/^'|'$/g, '');
        const parsed = parseTargetExpression(bare, metric.metric, metric.kind);
        return item(bare, parsed.ok ? describeTarget(metric.metric, metric.kind, parsed.value) : metric.doc, example);
      });
    }
    case 'duration':
    case 'rate':
    case 'thinkTime': {
      const examples = key?.examples ?? DEFAULT_EXAMPLES[grammar.type];
      return examples.map((example) => item(example, valueMeaningOfText(example, grammar.type, grammar.type === 'rate' ? grammar.counts : '')));
    }
    default:
      return (key?.examples ?? []).filter((example) => !example.includes('{ ')).map((example) => item(example, key ? firstParagraph(key.doc) : ''));
  }
}

const DEFAULT_EXAMPLES = { duration: ['500ms', '10s', '1m', '5m'], rate: ['1/s', '10/s', '600/m'], thinkTime: ['500ms', '1s..3s'] } as const;

function valueMeaningOfText(text: string, type: 'duration' | 'rate' | 'thinkTime', counts: string): string {
  if (type === 'duration') {
    const parsed = parseDuration(text, { allowZero: true });
    return parsed.ok ? durationInWords(parsed.value) : '';
  }
  if (type === 'rate') {
    const parsed = parseRate(text, { allowZero: true });
    return parsed.ok ? rateInWords(parsed.value, counts) : '';
  }
  const parsed = parseThinkTime(text);
  return parsed.ok ? thinkTimeInWords(parsed.value) : '';
}

/** Inside `{{ ` : names and functions; inside `${env:` : environment variable names. */
function templateCompletions(text: string, before: string, offset: number, lines: LineIndex, context: CompletionContext): CompletionItem[] | undefined {
  const open = before.lastIndexOf('{{');
  const env = /\$\{env:([A-Za-z0-9_]*)$/.exec(before);
  if (env) {
    const range = lines.range(offset - (env[1]?.length ?? 0), offset);
    return (context.envNames ?? []).map((name) => ({ label: name, kind: 'variable', detail: 'environment variable', documentation: `Reads ${name} from the environment of the run.`, insertText: name, range }));
  }
  if (open < 0 || before.indexOf('}}', open) >= 0) return undefined;
  const typed = /[A-Za-z0-9_.]*$/.exec(before)?.[0] ?? '';
  const root = parseYaml(text).root;
  const facts: FileFacts = root ? collectFacts(root) : { requestNames: [], captures: new Map(), variables: [], dataSources: new Map() };
  const dot = typed.lastIndexOf('.');
  if (dot >= 0) {
    const source = typed.slice(0, dot);
    const range = lines.range(offset - (typed.length - dot - 1), offset);
    return columnsOf(source, facts, context).map((column) => ({ label: column, kind: 'variable', detail: `${source}.${column}`, documentation: `Column \`${column}\` of the data source \`${source}\`.`, insertText: column, range }));
  }
  const range = lines.range(offset - typed.length, offset);
  const variable = (label: string, detail: string, documentation: string): CompletionItem => ({ label, kind: 'variable', detail, documentation, insertText: label, range });
  return [
    ...BUILTIN_NAMES.map((builtin) => variable(builtin.name, 'built-in', builtin.doc)),
    ...facts.variables.map((name) => variable(name, 'variable', 'A constant from `variables:`.')),
    ...[...facts.captures].map(([name, request]) => variable(name, 'captured', `Captured from the response of '${request}'.`)),
    ...[...facts.dataSources.keys()].map((name) => ({ ...variable(name, 'data source', 'A CSV data source: pick a column with a dot.'), insertText: `${name}.` })),
    ...FUNCTION_NAMES.map((name): CompletionItem => ({ label: name, kind: 'function', detail: BUILTIN_FUNCTIONS[name].signature, documentation: BUILTIN_FUNCTIONS[name].doc, insertText: BUILTIN_FUNCTIONS[name].minArgs === 0 ? `${name}()` : `${name}(`, range })),
  ];
}

function columnsOf(source: string, facts: FileFacts, context: CompletionContext): string[] {
  const file = facts.dataSources.get(source);
  if (file === undefined || !context.file || !context.host) return [];
  const content = context.host.readFile(path.resolve(path.dirname(context.file), file));
  return content === undefined ? [] : (parseCsvHeader(content) ?? []);
}
