// Builds one request of the model from its checked YAML mapping, keeping what the scope check needs: the
// `{{ }}` names it uses and the variables it captures.
import type { LocatedName } from './decode-scalar';
import type { DiagnosticSink } from './diagnostic-sink';
import type { Capture, Expectation, Header, HttpMethod, RequestBody, RequestSpec, Template } from './model';
import { DEFAULTS, HTTP_METHODS } from './spec';
import type { AcceptedValues } from './values';
import { entryOf, valueOf, type OffsetRange, type YMap, type YNode } from './yaml-tree';

export interface BuiltRequest {
  spec: RequestSpec;
  /** The name's value, or the method key when the name is implied. */
  nameRange: OffsetRange;
  explicitName: boolean;
  names: readonly LocatedName[];
  captures: readonly { variable: string; range: OffsetRange }[];
}

/** Template values of a mapping (headers, query, form) and the names they use. */
export function readTemplateMap(node: YNode | undefined, values: AcceptedValues): { pairs: [string, Template][]; names: LocatedName[] } {
  const pairs: [string, Template][] = [];
  const names: LocatedName[] = [];
  if (node?.kind !== 'map') return { pairs, names };
  for (const entry of node.entries) {
    const template = values.template(entry.value);
    if (!template) continue;
    pairs.push([entry.key, template.template]);
    names.push(...template.names);
  }
  return { pairs, names };
}

/** Name/value pairs as model headers. */
export function toHeaders(pairs: readonly (readonly [string, Template])[]): Header[] {
  return pairs.map(([name, value]) => ({ name, value }));
}

/** The request a mapping describes, or undefined when its method or path was rejected. */
export function buildRequest(node: YNode, values: AcceptedValues, sink: DiagnosticSink): BuiltRequest | undefined {
  if (node.kind !== 'map') return undefined;
  const methodEntry = HTTP_METHODS.map((method) => ({ method, entry: entryOf(node, method) })).find((found) => found.entry !== undefined);
  const path = values.template(methodEntry?.entry?.value);
  if (!methodEntry?.entry || !path) return undefined;
  const method: HttpMethod = methodEntry.method;
  const names: LocatedName[] = [...path.names];

  const nameNode = valueOf(node, 'name');
  const explicitName = values.text(nameNode);
  const name = explicitName ?? `${method} ${methodEntry.entry.value.kind === 'scalar' ? methodEntry.entry.value.text : ''}`;

  const query = readTemplateMap(valueOf(node, 'query'), values);
  const headers = readTemplateMap(valueOf(node, 'headers'), values);
  names.push(...query.names, ...headers.names);
  const body = readBody(node, values, names);

  const spec: RequestSpec = {
    name,
    method,
    path: path.template,
    query: query.pairs,
    headers: toHeaders(headers.pairs),
    timeoutSeconds: values.duration(valueOf(node, 'timeout')) ?? DEFAULTS.requestTimeoutSeconds,
    expect: readExpectation(valueOf(node, 'expect'), values),
    captures: [],
    range: sink.lines.range(node.start, contentEnd(node)),
  };
  if (body) spec.body = body;
  const thinkTime = values.thinkTime(valueOf(node, 'thinkTime'));
  if (thinkTime) spec.thinkTime = thinkTime;
  const captured = readCaptures(valueOf(node, 'capture'), values, sink);
  spec.captures = captured.map((capture) => capture.capture);

  return {
    spec,
    nameRange: explicitName !== undefined && nameNode ? { start: nameNode.start, end: nameNode.end } : methodEntry.entry.keyRange,
    explicitName: explicitName !== undefined,
    names,
    captures: captured.map((capture) => ({ variable: capture.capture.variable, range: capture.range })),
  };
}

function readBody(node: YMap, values: AcceptedValues, names: LocatedName[]): RequestBody | undefined {
  const json = values.json(valueOf(node, 'json'));
  if (json) {
    names.push(...json.names);
    return { kind: 'json', value: json.value };
  }
  const formNode = valueOf(node, 'form');
  if (formNode) {
    const form = readTemplateMap(formNode, values);
    names.push(...form.names);
    return { kind: 'form', fields: form.pairs };
  }
  const raw = values.template(valueOf(node, 'body'));
  if (!raw) return undefined;
  names.push(...raw.names);
  const contentType = values.text(valueOf(node, 'contentType'));
  return contentType === undefined ? { kind: 'raw', text: raw.template } : { kind: 'raw', text: raw.template, contentType };
}

/** Values of a key that takes one item or a list of them. */
function oneOrMany(node: YNode | undefined): YNode[] {
  if (node === undefined) return [];
  return node.kind === 'seq' ? [...node.items] : [node];
}

function readExpectation(node: YNode | undefined, values: AcceptedValues): Expectation {
  const defined = <T>(items: (T | undefined)[]): T[] => items.filter((item): item is T => item !== undefined);
  const expectation: Expectation = {
    status: defined(oneOrMany(valueOf(node, 'status')).map((item) => values.number(item))),
    bodyContains: defined(oneOrMany(valueOf(node, 'bodyContains')).map((item) => values.text(item))),
    jsonPathExists: defined(oneOrMany(valueOf(node, 'jsonPath')).map((item) => values.text(item))),
  };
  const maxDuration = values.duration(valueOf(node, 'maxDuration'));
  if (maxDuration !== undefined) expectation.maxDurationMs = maxDuration * 1000;
  return expectation;
}

function readCaptures(node: YNode | undefined, values: AcceptedValues, sink: DiagnosticSink): { capture: Capture; range: OffsetRange }[] {
  if (node?.kind !== 'map') return [];
  const captures: { capture: Capture; range: OffsetRange }[] = [];
  for (const entry of node.entries) {
    const source = entry.value;
    const variable = entry.key;
    const jsonPath = values.text(source);
    if (source.kind === 'scalar' && jsonPath !== undefined) {
      captures.push({ capture: { variable, from: 'json', path: jsonPath }, range: entry.keyRange });
      continue;
    }
    const header = values.text(valueOf(source, 'header'));
    if (header !== undefined) {
      captures.push({ capture: { variable, from: 'header', header }, range: entry.keyRange });
      continue;
    }
    const pattern = values.text(valueOf(source, 'regex'));
    if (pattern === undefined) continue;
    const groupNode = valueOf(source, 'group');
    const group = values.number(groupNode) ?? DEFAULTS.captureRegexGroup;
    const available = countRegexGroups(pattern);
    if (group > available) {
      const at = groupNode ?? entryOf(source, 'regex')?.keyRange ?? entry.keyRange;
      const message = available === 0
        ? `The regex has no (group) to capture: wrap the part to keep in parentheses, e.g. 'id=(\\d+)', or set group: 0 for the whole match.`
        : `The regex has ${available} group${available === 1 ? '' : 's'}, so group ${group} does not exist.`;
      sink.error('bad-capture-group', message, { start: at.start, end: at.end });
      continue;
    }
    captures.push({ capture: { variable, from: 'regex', pattern, group }, range: entry.keyRange });
  }
  return captures;
}

function countRegexGroups(pattern: string): number {
  try {
    // An alternative that matches the empty string shows how many groups the pattern has.
    return (new RegExp(`${pattern}|`).exec('')?.length ?? 1) - 1;
  } catch {
    return 0;
  }
}

/** Offset where a mapping's last value ends (a block mapping's own range runs on to the next line). */
export function contentEnd(node: YMap): number {
  const last = node.entries[node.entries.length - 1];
  if (!last) return node.end;
  return Math.max(last.keyRange.end, last.value.end);
}
