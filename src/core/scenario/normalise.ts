// From the checked tree to the Scenario model: applies the chosen environment, builds groups, requests, load
// models and targets, and runs the checks that need the whole file (unique names, variable scope, data columns).
import { readDataSources, type ScenarioHost } from './data-sources';
import type { LocatedName } from './decode-scalar';
import type { DiagnosticSink } from './diagnostic-sink';
import { buildLoadModel } from './load-model';
import { buildMonitors } from './monitors';
import type { Header, MixItem, RequestSpec, Scenario, Template, TemplateValue, UserGroup } from './model';
import { buildRequest, readTemplateMap, toHeaders, type BuiltRequest } from './requests';
import { DEFAULTS } from './spec';
import { buildTargets } from './targets';
import type { AcceptedValues } from './values';
import { checkNameUses, type CapturePlace, type CaptureSite, type Declaration, type NameUse } from './variable-scope';
import { entryOf, valueOf, type OffsetRange, type YMap, type YNode } from './yaml-tree';

export interface NormaliseInput {
  root: YMap;
  values: AcceptedValues;
  sink: DiagnosticSink;
  /** Absolute path of the scenario file. */
  file: string;
  environment?: string;
  host: ScenarioHost;
}

/** Builds the model; undefined when a part it needs was rejected (the diagnostics say why). */
export function normaliseScenario(input: NormaliseInput): Scenario | undefined {
  const { root, values, sink } = input;
  const fileStart: OffsetRange = { start: root.start, end: root.start + 1 };
  const uses: NameUse[] = [];
  const captures: CaptureSite[] = [];

  const environments = valueOf(root, 'environments');
  const environmentNames = environments?.kind === 'map' ? environments.entries.map((entry) => entry.key) : [];
  const environment = chooseEnvironment(input, environmentNames, entryOf(root, 'environments')?.keyRange ?? fileStart);

  const target = values.template(valueOf(environment, 'target')) ?? values.template(valueOf(root, 'target'));
  if (!target && !valueOf(root, 'target') && !valueOf(environment, 'target')) {
    const hint = environmentNames.length > 0 && !environment ? `, or choose an environment with a target (--env ${environmentNames.join(' | ')})` : '';
    sink.error('missing-target', `A scenario needs \`target\`: the base URL of the system under test, e.g. target: http://127.0.0.1:8080${hint}.`, fileStart);
  }

  const sharedHeaders = mergeByName(readTemplateMap(valueOf(root, 'headers'), values), readTemplateMap(valueOf(environment, 'headers'), values));
  uses.push(...sharedHeaders.names.map((name): NameUse => ({ name, place: { kind: 'sharedHeaders' } })));
  const variables = mergeVariables(readVariables(valueOf(root, 'variables'), values), readVariables(valueOf(environment, 'variables'), values));
  uses.push(...variables.names.map((name): NameUse => ({ name, place: { kind: 'constant' } })));
  const data = readDataSources(valueOf(root, 'data'), values, sink, input.file, input.host);

  const groupsNode = valueOf(root, 'groups');
  const scenarioName = values.text(valueOf(root, 'scenario')) ?? '';
  const groupNodes = groupsNode?.kind === 'seq' ? groupsNode.items : [root];
  const built: BuiltGroup[] = [];
  for (const [index, node] of groupNodes.entries()) {
    const group = groupsNode
      ? buildGroup(node, index, values.text(valueOf(node, 'name')), valueOf(node, 'headers'), values, sink)
      : buildGroup(node, index, scenarioName, undefined, values, sink);
    built.push(group);
    uses.push(...group.uses);
    captures.push(...group.captures);
  }
  reportDuplicateGroups(groupNodes, values, sink);
  const requests = built.flatMap((group) => group.requests);
  reportDuplicateRequests(requests, sink);

  const dataNode = valueOf(root, 'data');
  const declaredSources = dataNode?.kind === 'map' ? dataNode.entries.map((entry) => entry.key) : [];
  const declarations: Declaration[] = [
    ...declaredNames(valueOf(root, 'variables'), 'variable'),
    ...declaredNames(valueOf(environment, 'variables'), 'variable').filter((declaration) => !variablesDeclaredAtTop(root, declaration.name)),
    ...declaredNames(dataNode, 'data source'),
  ];
  checkNameUses(uses, {
    declarations,
    constants: new Set(variables.entries.map(([name]) => name)),
    dataSources: new Map(declaredSources.map((name) => [name, data.find((source) => source.name === name)?.columns])),
    captures,
    groupNames: built.map((group) => group.name),
  }, sink);

  const targets = buildTargets(valueOf(root, 'targets'), values, sink, new Set(requests.map((request) => request.spec.name)));
  const monitors = buildMonitors(valueOf(root, 'monitors'), values, sink);
  const groups = built.map((group) => group.group).filter((group): group is UserGroup => group !== undefined);
  if (!target || groups.length !== built.length) return undefined;

  const scenario: Scenario = {
    name: scenarioName,
    file: input.file,
    target: target.template,
    environmentNames,
    headers: sharedHeaders.pairs,
    variables: variables.entries,
    data,
    groups,
    targets,
    monitors,
  };
  const description = values.text(valueOf(root, 'description'));
  if (description !== undefined) scenario.description = description;
  if (environment && input.environment !== undefined) scenario.environment = input.environment;
  return scenario;
}

function chooseEnvironment(input: NormaliseInput, declared: readonly string[], at: OffsetRange): YNode | undefined {
  if (input.environment === undefined) return undefined;
  const node = valueOf(valueOf(input.root, 'environments'), input.environment);
  if (node) return node;
  const listed = declared.length > 0 ? `The declared environments are ${declared.join(', ')}.` : 'This file declares no environments (add them under environments:).';
  input.sink.error('unknown-environment', `No environment named '${input.environment}'. ${listed}`, at);
  return undefined;
}

/** A group's parts; `group` is missing when one of them was rejected, but names and captures still get checked. */
interface BuiltGroup {
  name: string;
  group?: UserGroup;
  requests: BuiltRequest[];
  uses: NameUse[];
  captures: CaptureSite[];
}

/** One user group: a `groups:` item, or the file itself when it has no `groups:`. */
function buildGroup(node: YNode, index: number, name: string | undefined, headersNode: YNode | undefined, values: AcceptedValues, sink: DiagnosticSink): BuiltGroup {
  const uses: NameUse[] = [];
  const captures: CaptureSite[] = [];
  const requests: BuiltRequest[] = [];
  const record = (request: BuiltRequest, place: CapturePlace): RequestSpec => {
    requests.push(request);
    uses.push(...request.names.map((used): NameUse => ({ name: used, place })));
    captures.push(...request.captures.map((capture) => ({ variable: capture.variable, requestName: request.spec.name, place, range: capture.range })));
    return request.spec;
  };

  const headers = readTemplateMap(headersNode, values);
  uses.push(...headers.names.map((used): NameUse => ({ name: used, place: { kind: 'groupHeaders', group: index } })));
  let complete = true;
  const onStart: RequestSpec[] = [];
  for (const [position, item] of listItems(valueOf(node, 'onStart')).entries()) {
    const request = buildRequest(item, values, sink);
    if (request) onStart.push(record(request, { kind: 'onStart', group: index, index: position }));
    else complete = false;
  }
  const mix: MixItem[] = [];
  for (const [position, item] of listItems(valueOf(node, 'requests')).entries()) {
    const weight = values.number(valueOf(item, 'weight')) ?? DEFAULTS.weight;
    const flowName = values.text(valueOf(item, 'flow'));
    if (flowName !== undefined) {
      const steps: RequestSpec[] = [];
      for (const [step, stepNode] of listItems(valueOf(item, 'steps')).entries()) {
        const request = buildRequest(stepNode, values, sink);
        if (request) steps.push(record(request, { kind: 'step', group: index, item: position, step }));
        else complete = false;
      }
      mix.push({ kind: 'flow', weight, name: flowName, steps });
      continue;
    }
    const request = buildRequest(item, values, sink);
    if (request) mix.push({ kind: 'request', weight, request: record(request, { kind: 'mix', group: index, item: position }) });
    else complete = false;
  }
  const thinkTime = values.thinkTime(valueOf(node, 'thinkTime'));
  const load = buildLoadModel(valueOf(node, 'load'), values, sink, thinkTime);
  const parts = { name: name ?? '', requests, uses, captures };
  if (!complete || !load || name === undefined || mix.length === 0) return parts;
  const group: UserGroup = { name, load, headers: toHeaders(headers.pairs), onStart, mix };
  if (thinkTime) group.thinkTime = thinkTime;
  return { ...parts, group };
}

function listItems(node: YNode | undefined): readonly YNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

function reportDuplicateRequests(requests: readonly BuiltRequest[], sink: DiagnosticSink): void {
  const first = new Map<string, BuiltRequest>();
  for (const request of requests) {
    const earlier = first.get(request.spec.name);
    if (!earlier) {
      first.set(request.spec.name, request);
      continue;
    }
    const line = earlier.spec.range.line;
    const message = request.explicitName
      ? `Another request (line ${line}) is already named '${request.spec.name}': names are unique, since reports and targets use them.`
      : `This request and the one on line ${line} would both be named '${request.spec.name}': give them distinct names with name:.`;
    sink.error('duplicate-name', message, request.nameRange);
  }
}

function reportDuplicateGroups(groups: readonly YNode[], values: AcceptedValues, sink: DiagnosticSink): void {
  const seen = new Set<string>();
  for (const group of groups) {
    const nameNode = valueOf(group, 'name');
    const name = values.text(nameNode);
    if (name === undefined || !nameNode || groups.length === 1) continue;
    if (seen.has(name)) sink.error('duplicate-name', `Another group is already named '${name}'.`, { start: nameNode.start, end: nameNode.end });
    seen.add(name);
  }
}

/** Headers with the same name (case-insensitive, as HTTP has it) from `override` replace those of `base`. */
function mergeByName(base: { pairs: [string, Template][]; names: LocatedName[] }, override: { pairs: [string, Template][]; names: LocatedName[] }): { pairs: Header[]; names: LocatedName[] } {
  const overridden = new Set(override.pairs.map(([name]) => name.toLowerCase()));
  const kept = base.pairs.filter(([name]) => !overridden.has(name.toLowerCase()));
  return { pairs: toHeaders([...kept, ...override.pairs]), names: [...base.names, ...override.names] };
}

interface Variables {
  entries: [string, TemplateValue][];
  names: LocatedName[];
}

function readVariables(node: YNode | undefined, values: AcceptedValues): Variables {
  const result: Variables = { entries: [], names: [] };
  if (node?.kind !== 'map') return result;
  for (const entry of node.entries) {
    const value = values.json(entry.value);
    if (!value) continue;
    result.entries.push([entry.key, value.value]);
    result.names.push(...value.names);
  }
  return result;
}

function mergeVariables(base: Variables, override: Variables): Variables {
  const overridden = new Set(override.entries.map(([name]) => name));
  return { entries: [...base.entries.filter(([name]) => !overridden.has(name)), ...override.entries], names: [...base.names, ...override.names] };
}

function declaredNames(node: YNode | undefined, kind: Declaration['kind']): Declaration[] {
  return node?.kind === 'map' ? node.entries.map((entry) => ({ name: entry.key, kind, range: entry.keyRange })) : [];
}

/** An environment's variable replaces a top-level one of the same name: that is an override, not a clash. */
function variablesDeclaredAtTop(root: YNode, name: string): boolean {
  return entryOf(valueOf(root, 'variables'), name) !== undefined;
}
